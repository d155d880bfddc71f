import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/load.ts';
import { placeKind, placeNameEn } from '../../src/lib/place-kind.ts';
import { ROOT } from '../helpers/fixture.ts';

const places = new Map(loadProject(ROOT).places.map((p) => [p.id, p]));
const p = (id: string) => {
  const place = places.get(id);
  if (!place) throw new Error(`no place ${id} in data/places.csv`);
  return place;
};

describe('placeKind: the kind of place, from the Chinese name’s ending', () => {
  it.each([
    ['shanghai', 'provincial-level municipality', '直辖市'],
    ['guangdong', 'province', '省'],
    ['zhanjiang', 'prefecture-level city', '地级市'],
    ['dali', 'autonomous prefecture', '自治州'],
    ['lianjiang', 'county-level city', '县级市'],
    ['jiangyang', 'county-level district', '市辖区'],
    ['zhenping', 'county', '县'],
    ['jingning', 'autonomous county', '自治县'],
    ['nanhai-xiqiao', 'town', '镇'],
    ['yuhang-zhongtai', 'subdistrict', '街道'],
    ['midu-niujie', 'ethnic township', '民族乡'],
    ['nanhai-xiqiao-aiguo', 'community', '社区'],
  ])('%s → %s / %s', (id, en, zh) => {
    expect(placeKind(p(id), 'en')).toBe(en);
    expect(placeKind(p(id), 'zh')).toBe(zh);
  });

  it('never repeats the last word of the English name (“Yingshan”, county; never “Yingshan County County”)', () => {
    for (const place of places.values()) {
      const kind = placeKind(place, 'en');
      const last = place.name_en.split(' ').at(-1)!.toLowerCase();
      expect(kind.split(' ')[0], `${place.id}: ${place.name_en} (${kind})`).not.toBe(last);
    }
    expect(placeKind(p('yingshan'), 'en')).toBe('county');
    expect(placeKind(p('luyang'), 'en')).toBe('county-level district');
  });

  it('places of no administrative kind (a company, a centre) are named as such', () => {
    expect(placeKind(p('luyang-chuangcheng'), 'en')).toBe('organisation or site');
    expect(placeKind(p('luyang-chuangcheng'), 'zh')).toBe('机构或场所');
  });
});

describe('placeNameEn: bare transcriptions of small places get their kind', () => {
  it.each([
    ['nanhai-xiqiao-aiguo', 'Aiguo Community'],
    ['nanhai-xiqiao-xintian', 'Xintian Village'],
    ['nanhai-xiqiao', 'Xiqiao Town'],
    ['yingshan-yangliuwan', 'Yangliuwan Town'],
    ['yingshan-yangliuwan-luoguao', 'Luoguao Village'],
    ['yuhang-zhongtai', 'Zhongtai Subdistrict'],
    ['jiangyang', 'Jiangyang'],
    ['guangdong', 'Guangdong'],
  ])('%s → %s', (id, name) => {
    expect(placeNameEn(p(id))).toBe(name);
  });
});
