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

/** Text decoded from a file's bytes; `notUtf8` when the bytes are not UTF-8 (the text is then unusable). */
export interface DecodedText {
  text: string;
  notUtf8?: { line: number; looksLike: string | null };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode a file's bytes as UTF-8 (with or without BOM). When they are not UTF-8, say where the first
 * bad byte is and what the file looks like instead (GB18030/GBK from Chinese Windows and Excel, UTF-16).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    return { text: '', notUtf8: { line, looksLike: guessEncoding(bytes) } };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

function guessEncoding(bytes: Uint8Array): string | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'UTF-16';
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return /[\u4e00-\u9fff]/.test(text) ? 'GB18030/GBK' : null;
  } catch {
    return null;
  }
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
  // Map each parsed row to the line it starts on by walking the text once.
  const starts = rowStartLines(source);
  /** Rows whose quoting is broken: their cell count is a symptom, not a second problem. */
  const quoteRows = new Set<number>();
  for (const err of result.errors) {
    // papaparse reports the index of the row in `data` (the header is row 0, line 1).
    const line = err.row === undefined ? 1 : (starts[err.row] ?? 1);
    if (err.row !== undefined) quoteRows.add(err.row);
    if (err.code === 'MissingQuotes')
      problems.push({ line, message: 'found a quote (") that opens a cell and is never closed, so everything after it was read as one cell; expected a closing quote (write a quote inside a quoted cell as "")' });
    else if (err.code === 'InvalidQuotes')
      problems.push({ line, message: 'found a quote (") in the middle of a quoted cell, expected the cell to end right after its closing quote (write a quote inside a quoted cell as "")' });
    else problems.push({ line, message: `found a CSV syntax error (${err.message}), expected comma-separated cells` });
  }
  const data = result.data;
  const headerRow = data[0] ?? [];
  const header = headerRow.map((h) => h.trim());
  const missing = expectedColumns.filter((c) => !header.includes(c));
  const extra = header.filter((c) => !expectedColumns.includes(c));
  if (missing.length) problems.push({ line: 1, field: missing[0], message: `found no column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} in the header, expected columns: ${expectedColumns.join(', ')}` });
  for (const c of extra) problems.push({ line: 1, field: c, message: `found unknown column "${c}", expected columns: ${expectedColumns.join(', ')}${suggestColumn(c, expectedColumns)}` });
  const rows: CsvRow[] = [];
  const firstCells: string[] = [];
  // With a wrong header, every row would be the wrong width: say it once, at the header.
  const rowsCheckable = !missing.length && !extra.length;
  for (let i = 1; i < data.length; i++) {
    const cells = data[i]!;
    const line = starts[i] ?? i + 1;
    if (cells.length === 1 && cells[0]!.trim() === '') continue; // blank line
    firstCells.push(cells[0]!.trim());
    if (cells.length !== header.length) {
      if (quoteRows.has(i) || !rowsCheckable) continue;
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


/** One CSV line (no header, no line break) holding a record's cells in column order. */
export function csvRow(columns: readonly string[], record: Record<string, string>): string {
  return Papa.unparse([columns.map((c) => record[c] ?? '')], { newline: '\n' });
}

/** Serialise records back to CSV (RFC 4180, LF line endings). */
export function toCsv(columns: readonly string[], records: readonly Record<string, unknown>[]): string {
  return Papa.unparse({ fields: [...columns], data: records.map((r) => columns.map((c) => (r[c] ?? '') as string)) }, { newline: '\n' }) + '\n';
}
