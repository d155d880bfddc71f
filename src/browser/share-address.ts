/**
 * A page built without SITE does not know its public address: its share field holds the
 * root-relative path (`data-share-path`), which this completes against the address the page was
 * opened at, so what a reader copies is a full link.
 */
for (const input of document.querySelectorAll<HTMLInputElement>('input[data-share-path]')) {
  input.value = new URL(input.dataset.sharePath ?? '', location.href).href;
}
