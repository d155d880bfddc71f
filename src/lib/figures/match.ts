/** Whether each figure found in a case's passage is recorded as an observation of that case. */
import type { Figure } from './find.ts';

/** An observation as data/observations.csv holds it (only the fields compared). */
export interface ObservationRef {
  id: string;
  case: string;
  value: number;
  unit: string;
  qualifier: string;
  /** The qualifying word as recorded (qualifier_zh), when known. */
  qualifier_zh?: string;
  /** Source id (sources.csv), when known. */
  source?: string;
}

export interface CheckedFigure extends Figure {
  /** Ids of the case's observations whose value equals the figure's base value (either end of a range). */
  recorded: string[];
  /** Observations with the same value but another unit (30名 printed, 30个 recorded): not a match, shown for judgement. */
  sameValue?: string[];
  /** Matching observations whose qualifier or qualifier_zh differs from the printed word (突破 printed, 超过 recorded). */
  qualifierDiffers?: string[];
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Unit kinds that may be compared: a figure with an unknown unit kind is compared with any. */
function kindsAgree(figureKind: string | undefined, obsKind: string | undefined): boolean {
  if (!figureKind || !obsKind) return true;
  return figureKind === obsKind;
}

/**
 * Mark each figure with the observations of `caseSlug` that record it: the same base value
 * (value × unit factor) and the same unit as printed (a figure printed without a unit matches on
 * the value alone). A row with the same value but another unit (三套班子 against 3个 zones) is not a
 * match; it is listed in `sameValue` so an editor can judge. Dates, ordinals and phrases are never matched.
 */
export function matchFigures(figures: readonly Figure[], observations: readonly ObservationRef[], caseSlug: string, unitKinds: ReadonlyMap<string, string>): CheckedFigure[] {
  const own = observations.filter((o) => o.case === caseSlug);
  return figures.map((f) => {
    const out: CheckedFigure = { ...f, recorded: [] };
    if (f.value === null) return out;
    const values = f.valueHigh === undefined ? [f.value] : [f.value, f.valueHigh];
    const byValue = own.filter((o) => values.some((v) => same(v, o.value)) && kindsAgree(f.unitKind, unitKinds.get(o.unit)));
    const hits = byValue.filter((o) => !f.unit || o.unit === f.unit);
    out.recorded = hits.map((o) => o.id);
    const others = byValue.filter((o) => !hits.includes(o));
    if (others.length) out.sameValue = others.map((o) => `${o.id} (${o.unit})`);
    const differs = hits.filter((o) => o.qualifier !== f.qualifier || (o.qualifier_zh !== undefined && o.qualifier_zh !== f.qualifierZh)).map((o) => o.id);
    if (differs.length) out.qualifierDiffers = differs;
    return out;
  });
}
