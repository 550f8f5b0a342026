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

// The matrix: the cell whose quotes are open is highlighted; its panel's close button empties the panel.
function closeCell(panelId) {
  const panel = document.getElementById(panelId);
  if (panel) panel.replaceChildren();
  document.querySelectorAll(`td.cell.open a[aria-controls="${panelId}"]`).forEach((link) => {
    link.setAttribute("aria-expanded", "false");
    link.closest("td").classList.remove("open");
  });
}

document.addEventListener("htmx:beforeRequest", (event) => {
  const link = event.detail.elt;
  if (!link.matches || !link.matches("td.cell a[aria-controls]")) return;
  closeCell(link.getAttribute("aria-controls"));
  link.setAttribute("aria-expanded", "true");
  link.closest("td").classList.add("open");
});

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-close]");
  if (!button) return;
  const panelId = button.dataset.close;
  const opener = document.querySelector(`td.cell.open a[aria-controls="${panelId}"]`);
  closeCell(panelId);
  if (opener) opener.focus();
});
