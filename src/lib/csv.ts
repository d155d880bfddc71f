import Papa from 'papaparse';

/** One data row of a CSV file, with the 1-based line number it starts on. */
export interface CsvRow {
  line: number;
  record: Record<string, string>;
}

export interface CsvProblem {
  line: number;
  field?: string;
  message: string;
}

export interface CsvTable {
  header: string[];
  /** First cell of every data row, including rows with problems (so references to them are not reported twice). */
  firstCells: string[];
  rows: CsvRow[];
  problems: CsvProblem[];
}

/** Strip a UTF-8 byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parse CSV text (UTF-8 with or without BOM, LF or CRLF, trailing blank lines allowed).
 * Every row is checked against the expected columns; problems carry line numbers.
 */
export function parseCsv(text: string, expectedColumns: readonly string[]): CsvTable {
  const source = stripBom(text).replace(/\r\n?/g, '\n');
  const result = Papa.parse<string[]>(source, { skipEmptyLines: false, delimiter: ',' });
  const problems: CsvProblem[] = [];
  for (const err of result.errors) {
    // papaparse reports the data row index; the header is line 1.
    const line = err.row === undefined ? 1 : lineOfRow(source, err.row);
    problems.push({ line, message: `CSV syntax: ${err.message}` });
  }
  const data = result.data;
  // Map each parsed row to the line it starts on by walking the text once.
  const starts = rowStartLines(source);
  const headerRow = data[0] ?? [];
  const header = headerRow.map((h) => h.trim());
  const missing = expectedColumns.filter((c) => !header.includes(c));
  const extra = header.filter((c) => !expectedColumns.includes(c));
  if (missing.length) problems.push({ line: 1, field: missing[0], message: `found no column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} in the header, expected columns: ${expectedColumns.join(', ')}` });
  for (const c of extra) problems.push({ line: 1, field: c, message: `found unknown column "${c}", expected columns: ${expectedColumns.join(', ')}${suggestColumn(c, expectedColumns)}` });
  const rows: CsvRow[] = [];
  const firstCells: string[] = [];
  for (let i = 1; i < data.length; i++) {
    const cells = data[i]!;
    const line = starts[i] ?? i + 1;
    if (cells.length === 1 && cells[0]!.trim() === '') continue; // blank line
    firstCells.push(cells[0]!.trim());
    if (cells.length !== header.length) {
      problems.push({ line, message: `found ${cells.length} cells, expected ${header.length} (one per column: ${header.join(', ')})` });
      continue;
    }
    const record: Record<string, string> = {};
    header.forEach((h, j) => {
      record[h] = cells[j]!.trim();
    });
    rows.push({ line, record });
  }
  return { header, firstCells, rows, problems };
}

function suggestColumn(found: string, expected: readonly string[]): string {
  const near = expected.find((c) => c.toLowerCase() === found.toLowerCase() || c.replace(/_/g, '') === found.replace(/[_\s-]/g, '').toLowerCase());
  return near ? ` — did you mean "${near}"?` : '';
}

/** Line number (1-based) where each CSV record starts, honouring quoted newlines. */
function rowStartLines(text: string): number[] {
  const starts: number[] = [1];
  let line = 1;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n') {
      line++;
      if (!inQuotes) starts.push(line);
    }
  }
  return starts;
}

function lineOfRow(text: string, row: number): number {
  return rowStartLines(text)[row + 1] ?? 1;
}

/** Serialise records back to CSV (RFC 4180, LF line endings). */
export function toCsv(columns: readonly string[], records: readonly Record<string, unknown>[]): string {
  return Papa.unparse({ fields: [...columns], data: records.map((r) => columns.map((c) => (r[c] ?? '') as string)) }, { newline: '\n' }) + '\n';
}
