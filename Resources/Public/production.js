// Production (docs/production.md): asks before a move that cannot be undone, and keeps the
// actual-words field of "delivered" optional but visible. Pages work without it.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  if (!button || !button.dataset.move) return;
  if (["cancelled", "rejected"].includes(button.dataset.move)) {
    if (!window.confirm(button.textContent.trim() + " ?")) event.preventDefault();
  }
});
