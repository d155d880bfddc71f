/**
 * On the search page the header's search box shows the query being searched (?q=), so it can be
 * edited from where it was typed. Other pages leave it empty.
 */
const form = document.querySelector<HTMLFormElement>('form.header-search');
const input = form?.querySelector<HTMLInputElement>('input[name=q]');
if (form && input && new URL(form.action, location.href).pathname === location.pathname) {
  const q = new URLSearchParams(location.search).get('q');
  if (q !== null && !input.value) input.value = q;
}
