import { DATE_RE } from './schema.ts';

export interface BuildDateInputs {
  /** SOURCE_DATE_EPOCH: seconds since 1970-01-01 UTC (reproducible-builds.org convention). */
  sourceDateEpoch?: string | undefined;
  /** Committer date of the latest commit, ISO 8601 (`git log -1 --format=%cI`). */
  gitDate?: string | undefined;
  /** Dates found in the data (YYYY, YYYY-MM, YYYY-MM-DD or unknown). */
  dataDates?: readonly string[];
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The date a build stands for — the access date in citations, `dateModified` in structured data,
 * `created` in datapackage.json. Never the wall clock, so the same commit builds the same files:
 * SOURCE_DATE_EPOCH when set, else the latest commit's date, else the newest date in the data
 * (at the precision the data has). Returns YYYY-MM-DD (or YYYY / YYYY-MM from the data), or
 * undefined when there is nothing to go on.
 */
export function buildDate({ sourceDateEpoch, gitDate, dataDates = [] }: BuildDateInputs): string | undefined {
  if (sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch.trim())) return isoDay(new Date(Number(sourceDateEpoch.trim()) * 1000));
  if (gitDate) {
    const d = new Date(gitDate.trim());
    if (!Number.isNaN(d.getTime())) return isoDay(d);
  }
  const known = dataDates.filter((d) => d !== 'unknown' && DATE_RE.test(d));
  // Compare as YYYY-MM-DD with missing parts as 00, so that 2023-07 sorts after 2023 and before 2023-07-02.
  const full = (d: string) => `${d}-00-00`.slice(0, 10);
  return known.sort((a, b) => (full(a) < full(b) ? -1 : full(a) > full(b) ? 1 : 0)).at(-1);
}
