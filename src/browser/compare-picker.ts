// The comparison's place picker: a text box that lists matching places as the reader types (the ARIA
// combobox pattern: input + listbox, aria-activedescendant; ↓/↑ move, Enter picks, Escape closes, then
// clears). It finds places by their names in either language and by the names of the regions they lie in
// (“Guangdong”, “广东”). It reads the name file that holds what was typed (src/charts/compare-search.ts) through
// `nameFile` (src/browser/compare-data.ts); what picking does comes from `pick`. The page's script loads this
// module when the reader first reaches the text box. Everything is written with DOM calls (no markup strings).
import { matchNames, nameKeyFor, type NameEntry, type NameIndex } from '../charts/compare-search.ts';
import type { Lang } from '../lib/i18n.ts';
import type { COMPARE_UI } from '../lib/ui-compare.ts';

/** At most this many suggestions are listed at once. */
export const MAX_OPTIONS = 40;

export interface PickerOptions {
  root: HTMLElement;
  lang: Lang;
  ui: (typeof COMPARE_UI)[Lang];
  /** Orders names in the reader's language. */
  compare(a: string, b: string): number;
  /** Which name files there are; undefined when that cannot be read. */
  nameIndex(): Promise<NameIndex | undefined>;
  /** The entries of a name file; undefined when it cannot be read. */
  nameFile(key: string): Promise<NameEntry[] | undefined>;
  /** Whether a place is already shown (listed, but marked and not picked again). */
  isShown(id: string): boolean;
  pick(entry: NameEntry): Promise<void>;
}

export function placePicker(o: PickerOptions): { reset(): void } {
  const input = o.root.querySelector<HTMLInputElement>('[data-picker-input]')!;
  const list = o.root.querySelector<HTMLUListElement>('[data-picker-list]')!;
  const status = o.root.querySelector<HTMLElement>('[data-picker-status]')!;
  // a listbox only once the script drives it (without the script the page has no picker)
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', o.ui.pickerLabel);
  const fmt = new Intl.NumberFormat(o.lang === 'en' ? 'en' : 'zh-Hans', { useGrouping: o.lang === 'en' });
  let options: NameEntry[] = [];
  let active = -1;
  let asked = 0; // the latest search: an older answer arriving late is dropped
  /** The places matching what was typed; 'short' or 'more' when more must be typed first. */
  const search = async (text: string): Promise<NameEntry[] | 'short' | 'more'> => {
    const index = await o.nameIndex();
    if (index === undefined) throw new Error('name index');
    const key = nameKeyFor(text, index);
    if (key === 'short' || key === 'more') return key;
    if (key === 'none') return [];
    const entries = await o.nameFile(key);
    if (entries === undefined) throw new Error('name file');
    return matchNames(entries, text, o.lang, o.compare);
  };

  const say = (text: string) => {
    status.textContent = text;
  };
  const hint = (e: NameEntry) => (o.lang === 'en' ? (e.pe.length ? o.ui.within(e.pe.join(', ')) : '') : e.pz.length ? o.ui.within([...e.pz].reverse().join('')) : '');

  function open(on: boolean): void {
    list.hidden = !on;
    input.setAttribute('aria-expanded', String(on));
    if (!on) setActive(-1);
  }

  function setActive(i: number): void {
    active = i;
    const items = [...list.children] as HTMLElement[];
    items.forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i >= 0 && items[i]) {
      input.setAttribute('aria-activedescendant', items[i]!.id);
      items[i]!.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function show(found: NameEntry[]): void {
    options = found.slice(0, MAX_OPTIONS);
    list.replaceChildren(
      ...options.map((e, i) => {
        const li = document.createElement('li');
        li.id = `compare-place-opt-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.place = e.id;
        const name = document.createElement('span');
        name.className = 'picker-name';
        name.textContent = o.lang === 'en' ? e.en : e.zh;
        li.append(name);
        const where = hint(e);
        const other = o.lang === 'en' ? e.zh : e.en;
        const sub = document.createElement('span');
        sub.className = 'picker-hint small';
        const otherEl = document.createElement('span');
        otherEl.lang = o.lang === 'en' ? 'zh-Hans' : 'en';
        otherEl.textContent = other;
        sub.append(otherEl);
        if (where) sub.append(` · ${where}`);
        li.append(sub);
        if (o.isShown(e.id)) {
          li.setAttribute('aria-disabled', 'true');
          const tag = document.createElement('span');
          tag.className = 'picker-tag small';
          tag.textContent = o.ui.pickerShown;
          li.append(tag);
        }
        // keep the focus in the text box while the mouse or a finger picks
        li.addEventListener('mousedown', (ev) => ev.preventDefault());
        li.addEventListener('click', () => void choose(i));
        return li;
      }),
    );
    open(options.length > 0);
    if (found.length === 0) say(o.ui.pickerNone);
    else say(o.ui.pickerMatches(fmt.format(found.length), fmt.format(options.length)));
  }

  async function update(): Promise<void> {
    const text = input.value;
    const me = ++asked;
    if (!text.trim()) {
      options = [];
      list.replaceChildren();
      open(false);
      say(o.ui.pickerHint);
      return;
    }
    say(o.ui.pickerLoading);
    let found: NameEntry[] | 'short' | 'more';
    try {
      found = await search(text);
    } catch {
      if (me === asked) say(o.ui.pickerFailed);
      return;
    }
    if (me !== asked) return;
    if (!Array.isArray(found)) {
      options = [];
      list.replaceChildren();
      open(false);
      say(found === 'short' ? o.ui.pickerHint : o.ui.pickerMore);
      return;
    }
    show(found);
  }

  async function choose(i: number): Promise<void> {
    const e = options[i];
    if (!e) return;
    const name = o.lang === 'en' ? e.en : e.zh;
    if (o.isShown(e.id)) {
      setActive(i);
      return;
    }
    await o.pick(e);
    input.value = '';
    asked++;
    options = [];
    list.replaceChildren();
    open(false);
    say(o.ui.pickerAdded(name));
    input.focus();
  }

  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (ev) => {
    const n = options.length;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!n) return;
      if (list.hidden) open(true);
      const step = ev.key === 'ArrowDown' ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : n - 1) : (active + step + n) % n);
    } else if (ev.key === 'Enter') {
      // never submits the form: Enter picks the highlighted place (or the only one listed)
      ev.preventDefault();
      if (ev.isComposing) return;
      if (!list.hidden && active >= 0) void choose(active);
      else if (n === 1) void choose(0);
    } else if (ev.key === 'Escape') {
      if (!list.hidden) {
        ev.preventDefault();
        open(false);
      } else if (input.value) {
        ev.preventDefault();
        input.value = '';
        void update();
      }
    }
  });
  input.addEventListener('focus', () => {
    if (options.length) open(true);
  });
  o.root.addEventListener('focusout', (ev) => {
    const to = ev.relatedTarget as Node | null;
    if (!to || !list.contains(to)) open(false);
  });

  if (input.value) void update(); // typed before this module was loaded
  return {
    reset() {
      input.value = '';
      asked++;
      options = [];
      list.replaceChildren();
      open(false);
      say(o.ui.pickerHint);
    },
  };
}
