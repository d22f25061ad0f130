// Copy buttons: <button type="button" data-copy="ID" data-copied="…" data-failed="…" hidden> copies the value of
// the field #ID and says so in #ID-copied (a live region). Without JavaScript or the Clipboard API the button stays
// hidden and the address is still there to select and copy by hand. (A file, not an inline script: the pages'
// Content-Security-Policy allows only the site's own scripts.)
for (const button of document.querySelectorAll("button[data-copy]")) {
  const field = document.getElementById(button.dataset.copy);
  const status = document.getElementById(`${button.dataset.copy}-copied`);
  if (!field || !status || !navigator.clipboard || !window.isSecureContext) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value.trim());
      status.textContent = button.dataset.copied;
    } catch {
      field.select();
      status.textContent = button.dataset.failed;
    }
  });
}
