// Small comforts on top of pages that work without JavaScript.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Language switcher: submit on change (the button is there for no-JS use).
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  // Confirmation for destructive forms; the question comes from the page, already translated.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });

  // Sortable tables: click a header to sort by that column.
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, index) {
      th.setAttribute("aria-sort", "none");
      th.tabIndex = 0;
      function sort() {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[index].textContent.trim(), y = b.cells[index].textContent.trim();
          return (ascending ? 1 : -1) * x.localeCompare(y, document.documentElement.lang, { numeric: true });
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); } });
    });
  });

  // Pipeline board: drag a card to another column to move the deal. The move is posted like the
  // card's own form (which works without JavaScript); a refusal is shown above the board and the
  // card stays where it was. After a move the page reloads, so every total is the server's.
  var board = document.querySelector("[data-board]");
  if (board) {
    var message = document.getElementById("board-message");
    var dragged = null;
    var show = function (text) { message.textContent = text; message.hidden = false; message.focus && message.focus(); };
    board.querySelectorAll(".deal-card[draggable=true]").forEach(function (card) {
      card.addEventListener("dragstart", function (event) {
        dragged = card;
        card.classList.add("dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", card.getAttribute("data-deal"));
      });
      card.addEventListener("dragend", function () { card.classList.remove("dragging"); dragged = null; });
    });
    board.querySelectorAll(".board-column").forEach(function (column) {
      column.addEventListener("dragover", function (event) {
        if (!dragged) { return; }
        event.preventDefault();
        column.classList.add("drop-target");
      });
      column.addEventListener("dragleave", function () { column.classList.remove("drop-target"); });
      column.addEventListener("drop", function (event) {
        event.preventDefault();
        column.classList.remove("drop-target");
        var card = dragged;
        if (!card || card.parentNode.closest(".board-column") === column) { return; }
        var form = card.querySelector("form.move-form");
        var body = new URLSearchParams();
        body.set("_csrf", form.querySelector("input[name=_csrf]").value);
        body.set("version", card.getAttribute("data-version"));
        body.set("stage", column.getAttribute("data-stage"));
        message.hidden = true;
        card.classList.add("moving");
        fetch(card.getAttribute("data-move-url"), {
          method: "POST", credentials: "same-origin", body: body,
          headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" }
        }).then(function (response) {
          return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
        }).then(function (result) {
          card.classList.remove("moving");
          if (result.ok && result.answer.ok) { window.location.reload(); return; }
          show(result.answer.message || result.answer.error && result.answer.error.message || "");
          card.classList.add("refused");
          setTimeout(function () { card.classList.remove("refused"); }, 2000);
        }).catch(function () {
          card.classList.remove("moving");
          show(board.getAttribute("data-failed"));
        });
      });
    });
  }

  // The quote page's analysis progress bar: polls the analysis and reloads the page when done;
  // the page stays usable meanwhile (without JavaScript, a reload shows the result).
  var progressBox = document.getElementById("analysis-progress");
  if (progressBox && window.fetch) {
    var bar = progressBox.querySelector("progress");
    var text = progressBox.querySelector(".progress-text");
    var poll = function () {
      fetch(progressBox.getAttribute("data-progress-url"), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (a) {
          var percent = Math.round((a.progress || 0) * 100);
          bar.value = percent;
          bar.textContent = percent + " %";
          text.textContent = percent + " %";
          progressBox.setAttribute("data-status", a.status);
          if (a.status === "done") {
            text.textContent = progressBox.getAttribute("data-done");
            setTimeout(function () { window.location.href = window.location.pathname + "#analysis"; window.location.reload(); }, 400);
          } else if (a.status === "failed") {
            progressBox.classList.add("failed");
            text.textContent = progressBox.getAttribute("data-failed").replace("{error}", a.error || "");
          } else {
            setTimeout(poll, 700);
          }
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    poll();
  }

  // The quote document's print button.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // Prevent double submits: a second click while the first request is on its way does nothing.
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) { return; }
      if (form.dataset.submitting === "1") { event.preventDefault(); return; }
      form.dataset.submitting = "1";
      setTimeout(function () { form.dataset.submitting = ""; }, 4000);
    });
  });
})();

// Threads and live notifications (docs/collaboration.md) live in their own file, loaded beside
// this one on signed-in pages (the bell is there).
(function () {
  "use strict";
  var self = document.querySelector("script[src$='app.js']");
  if (!self || !document.querySelector(".inbox-link")) { return; }
  var script = document.createElement("script");
  script.src = self.getAttribute("src").replace(/app\.js$/, "threads.js");
  script.defer = true;
  document.head.appendChild(script);
})();
