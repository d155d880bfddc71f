/** What each preview image says, read from the atlas: one card per case, per theme and per language. */
import type { Atlas, CaseEntry } from './atlas.ts';
import { formatFigure } from './format.ts';
import { otherLang, type Lang, localName } from './i18n.ts';
import type { Observation, Place } from './schema.ts';
import { t, UI } from './ui.ts';
import type { CardInput } from './og-card.ts';

const name = localName;

/** Place line without the country: Guangdong › Zhanjiang › Lianjiang. */
export function placeLine(chain: Place[], lang: Lang): string {
  return chain
    .filter((p) => p.level !== 'country')
    .map((p) => name(p, lang))
    .join(' › ');
}

/** The figure a case is shown with: its first key figure, else its first figure. */
export function leadFigure(c: CaseEntry): Observation | undefined {
  return c.key[0] ?? c.observations[0];
}

function figure(atlas: Atlas, o: Observation | undefined, lang: Lang, withPlace = false): CardInput['figure'] {
  if (!o) return undefined;
  const label = lang === 'en' ? o.label_en : o.label_zh;
  const where = withPlace ? atlas.places.get(o.place) : undefined;
  return {
    value: formatFigure(o, atlas.unitOf(o), lang, 'compact'),
    label: where ? (lang === 'en' ? `${where.name_en}: ${label}` : `${where.name_zh}：${label}`) : label,
  };
}

function frame(lang: Lang): Pick<CardInput, 'lang' | 'siteName' | 'siteNameOther'> {
  return { lang, siteName: UI[lang].siteName, siteNameOther: UI[otherLang(lang)].siteName };
}

export function caseCard(atlas: Atlas, slug: string, lang: Lang): CardInput {
  const c = atlas.cases.get(slug);
  if (!c) throw new Error(`no case ${slug}`);
  const doc = c.docs[lang] ?? c.docs[otherLang(lang)]!;
  return { ...frame(lang), kicker: t(lang).kindCase, title: doc.frontmatter.title, place: placeLine(c.chain, lang), figure: figure(atlas, leadFigure(c), lang) };
}

export function themeCard(atlas: Atlas, id: string, lang: Lang): CardInput {
  const th = atlas.themes.get(id);
  if (!th) throw new Error(`no theme ${id}`);
  const ui = t(lang);
  const cases = atlas.sortCases(atlas.casesWithTheme(id), lang, 'date');
  const provinces = [...new Set(cases.map((c) => c.province).filter((p): p is Place => p !== undefined).map((p) => name(p, lang)))];
  const sep = lang === 'en' ? ', ' : '、';
  return {
    ...frame(lang),
    kicker: ui.kindTheme,
    title: name(th, lang),
    place: [ui.caseCount(cases.length), provinces.join(sep)].filter(Boolean).join(' · '),
    figure: figure(atlas, cases.map(leadFigure).find((o) => o !== undefined), lang, true),
  };
}

/** The site's own card, for pages without one of their own. */
export function siteCard(atlas: Atlas, lang: Lang): CardInput {
  const ui = t(lang);
  const provinces = new Set(atlas.caseList().map((c) => c.province?.id).filter(Boolean));
  return { ...frame(lang), kicker: ui.stats(atlas.cases.size, atlas.observations.size, provinces.size), title: ui.siteTagline };
}
