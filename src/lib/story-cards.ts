/** Preview image (1200×630) of a story: its title, the places it draws on, and its first figure. */
import type { Atlas } from './atlas.ts';
import { formatFigure } from './format.ts';
import { localName, otherLang } from './i18n.ts';
import type { CardInput } from './og-card.ts';
import { storyObservationIds } from './story-data.ts';
import type { StoryDoc } from './stories.ts';
import { UI } from './ui.ts';
import { storyUi } from './ui-stories.ts';

export function storyCard(atlas: Atlas, s: StoryDoc): CardInput {
  const lang = s.lang;
  const names = s.frontmatter.cases.map((c) => atlas.cases.get(c)).filter((c) => c !== undefined).map((c) => localName(c.place, lang));
  const first = storyObservationIds(s).map((id) => atlas.observations.get(id)).find((o) => o !== undefined);
  const place = atlas.places.get(first?.place ?? '');
  return {
    lang,
    siteName: UI[lang].siteName,
    siteNameOther: UI[otherLang(lang)].siteName,
    kicker: storyUi(lang).kind,
    title: s.frontmatter.title,
    place: names.join(lang === 'en' ? ' · ' : '·'),
    figure: first
      ? {
          value: formatFigure(first, atlas.unitOf(first), lang, 'compact'),
          label: `${place ? (lang === 'en' ? `${place.name_en}: ` : `${place.name_zh}：`) : ''}${lang === 'en' ? first.label_en : first.label_zh}`,
        }
      : undefined,
  };
}
