// Threads (docs/collaboration.md): the unread badge and new notifications arrive live on every
// signed-in page by server-sent events; the composer completes @mentions and starts replies.
// Everything here is comfort: pages work without it.
(function () {
  "use strict";
  var bell = document.querySelector(".inbox-link");
  if (!bell) { return; }

  // ---- Live notifications -------------------------------------------------------------------
  var streamURL = bell.getAttribute("href").replace(/\/$/, "") + "/stream";
  var label = bell.getAttribute("aria-label") || "";

  function setCount(count) {
    var badge = bell.querySelector(".inbox-count");
    if (count > 0) {
      if (!badge) {
        badge = document.createElement("span");
        badge.className = "inbox-count";
        badge.setAttribute("aria-hidden", "true");
        bell.appendChild(badge);
      }
      badge.textContent = String(count);
    } else if (badge) {
      badge.remove();
    }
    bell.setAttribute("data-unread", String(count));
    if (/\d+/.test(label)) { bell.setAttribute("aria-label", label.replace(/\d+/, String(count))); }
  }

  var region = document.createElement("div");
  region.className = "live-toasts";
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  document.body.appendChild(region);

  function toast(item) {
    var box = document.createElement(item.href ? "a" : "div");
    box.className = "live-toast";
    if (item.href) { box.href = item.href; }
    box.textContent = item.text;
    region.appendChild(box);
    setTimeout(function () { box.classList.add("leaving"); }, 9000);
    setTimeout(function () { box.remove(); }, 10000);
  }

  var source = null;
  var retry = 1000;
  function connect() {
    if (!window.EventSource) { return; }
    source = new EventSource(streamURL, { withCredentials: true });
    source.addEventListener("open", function () { retry = 1000; });
    source.addEventListener("count", function (event) {
      try { setCount(JSON.parse(event.data).unreadCount); } catch (e) { /* ignore a bad event */ }
    });
    source.addEventListener("notification", function (event) {
      try {
        var data = JSON.parse(event.data);
        setCount(data.unreadCount);
        toast(data.notification);
      } catch (e) { /* ignore a bad event */ }
    });
    source.addEventListener("error", function () {
      // The browser retries by itself; when it gives up (closed), start again with a growing pause.
      if (source.readyState === EventSource.CLOSED) {
        source = null;
        setTimeout(connect, retry);
        retry = Math.min(retry * 2, 30000);
      }
    });
  }
  connect();
  window.addEventListener("pagehide", function () { if (source) { source.close(); } });

  // ---- Composer: @mention completion and replies --------------------------------------------
  document.querySelectorAll("form.thread-composer").forEach(function (form) {
    var area = form.querySelector("textarea");
    var list = form.querySelector(".mention-list");
    var endpoint = form.getAttribute("data-mentions");
    var replyField = form.querySelector("[data-reply-to]");
    var replyNote = form.querySelector("[data-reply-note]");
    var active = -1;
    var pending = 0;

    function word() {
      var before = area.value.slice(0, area.selectionStart);
      var match = /(^|[^\w@.])@([\w.+-]*)$/.exec(before);
      return match ? match[2] : null;
    }
    function close() { list.hidden = true; list.innerHTML = ""; active = -1; }
    function choose(handle) {
      var start = area.selectionStart;
      var before = area.value.slice(0, start).replace(/@([\w.+-]*)$/, "@" + handle + " ");
      area.value = before + area.value.slice(start);
      area.selectionStart = area.selectionEnd = before.length;
      close();
      area.focus();
    }
    function highlight(index) {
      var items = list.querySelectorAll("li");
      items.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
    }
    area.addEventListener("input", function () {
      var q = word();
      if (q === null) { close(); return; }
      var ticket = ++pending;
      fetch(endpoint + "?q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (people) {
          if (ticket !== pending) { return; }
          list.innerHTML = "";
          people.forEach(function (p) {
            var li = document.createElement("li");
            li.setAttribute("role", "option");
            li.setAttribute("data-handle", p.handle);
            li.textContent = p.name + " · @" + p.handle;
            li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(p.handle); });
            list.appendChild(li);
          });
          list.hidden = people.length === 0;
          if (people.length) { highlight(0); }
        })
        .catch(close);
    });
    area.addEventListener("keydown", function (e) {
      if (list.hidden) { return; }
      var items = list.querySelectorAll("li");
      if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % items.length); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight((active - 1 + items.length) % items.length); }
      else if (e.key === "Enter" || e.key === "Tab") {
        if (active >= 0) { e.preventDefault(); choose(items[active].getAttribute("data-handle")); }
      } else if (e.key === "Escape") { close(); }
    });
    area.addEventListener("blur", function () { setTimeout(close, 150); });

    document.querySelectorAll("[data-reply]").forEach(function (button) {
      button.addEventListener("click", function () {
        replyField.value = button.getAttribute("data-reply");
        replyNote.hidden = false;
        area.focus();
      });
    });
    var cancel = form.querySelector("[data-reply-cancel]");
    if (cancel) {
      cancel.addEventListener("click", function () { replyField.value = ""; replyNote.hidden = true; });
    }
  });
})();
