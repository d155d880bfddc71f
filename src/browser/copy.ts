/**
 * Copy buttons: `<button data-copy-target="ID" data-copied="…" data-failed="…" hidden>` copies the
 * text of element ID (an input's value, or an element's text) and reports in the `[role=status]`
 * element that follows it. Buttons stay hidden without JavaScript; the text is there to select.
 */
function selectContents(el: HTMLElement): void {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    el.focus();
    el.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

async function copyText(text: string, el: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers, or a page not served over https: fall back to copying the selection.
    selectContents(el);
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
  const target = document.getElementById(button.dataset.copyTarget ?? '');
  if (!target) continue;
  const status = button.parentElement?.querySelector<HTMLElement>('[role="status"]');
  button.hidden = false;
  button.addEventListener('click', async () => {
    const text = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target.value : (target.textContent ?? '');
    const ok = await copyText(text.trim(), target);
    if (!ok) selectContents(target);
    if (status) status.textContent = (ok ? button.dataset.copied : button.dataset.failed) ?? '';
  });
}
