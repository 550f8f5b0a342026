// Copy-link buttons: <button data-copy="#input-id" data-copied="message">. Everything else works without JS.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const field = document.querySelector(button.dataset.copy);
  const status = button.parentElement.querySelector(".copy-status");
  try {
    await navigator.clipboard.writeText(field.value);
  } catch {
    field.select(); // no clipboard permission: leave the link selected for the reader to copy
    document.execCommand("copy");
  }
  if (status) status.textContent = button.dataset.copied || "";
});
