/**
 * An RFC 4180 CSV scanner that keeps the offset of every cell. Diagnostics on
 * actuals must point at the exact row and column, which general CSV parsers
 * do not report, and a plain scanner is also several times faster on large
 * actuals files.
 */
export interface CsvCell {
  value: string;
  /** Offsets of the cell in the text, quotes included. */
  start: number;
  end: number;
}

export interface CsvRecord {
  cells: CsvCell[];
  start: number;
  end: number;
}

export interface CsvError {
  message: string;
  start: number;
  end: number;
}

export interface ParsedCsv {
  records: CsvRecord[];
  errors: CsvError[];
}

export function parseCsv(text: string): ParsedCsv {
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];
  let i = 0;
  while (i < text.length) {
    // Skip blank lines between records.
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) {
      i += text[i] === '\r' ? 2 : 1;
      continue;
    }
    const read = readRecord(text, i, errors);
    if (!read) break;
    records.push(read.record);
    i = read.next;
  }
  return { records, errors };
}

/**
 * Reads the record that starts at `from`: its cells, and where the next one
 * starts. Undefined after an unclosed quote, which ends the file's records.
 */
function readRecord(text: string, from: number, errors: CsvError[]): { record: CsvRecord; next: number } | undefined {
  const length = text.length;
  let i = from;
  const cells: CsvCell[] = [];
  for (;;) {
    const cellStart = i;
    let value: string;
    if (text[i] === '"') {
      let parts = '';
      let segmentStart = i + 1;
      let closed = false;
      i++;
      while (i < length) {
        const quote = text.indexOf('"', i);
        if (quote === -1) break;
        if (text[quote + 1] === '"') {
          parts += text.slice(segmentStart, quote + 1);
          i = quote + 2;
          segmentStart = i;
          continue;
        }
        parts += text.slice(segmentStart, quote);
        i = quote + 1;
        closed = true;
        break;
      }
      if (!closed) {
        errors.push({ message: 'A quoted cell is never closed: a closing " is missing.', start: cellStart, end: cellStart + 1 });
        return undefined;
      }
      value = parts;
      if (i < length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        const junkEnd = findCellEnd(text, i);
        errors.push({ message: 'Unexpected text after a closing quote; quote the whole cell.', start: i, end: junkEnd });
        i = junkEnd;
      }
    } else {
      const end = findCellEnd(text, i);
      value = text.slice(i, end);
      i = end;
    }
    cells.push({ value, start: cellStart, end: i });
    if (text[i] === ',') {
      i++;
      continue;
    }
    break;
  }
  const record = { cells, start: from, end: i };
  if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
  else if (text[i] === '\n' || text[i] === '\r') i++;
  return { record, next: i };
}

function findCellEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ',' || ch === '\n' || (ch === '\r' && (text[i + 1] === '\n' || i + 1 === text.length))) break;
    i++;
  }
  return i;
}

/**
 * The records of a CSV text as arrays of values, without the offsets of
 * each cell (which `parseCsv` of the record's text recovers when needed):
 * for large actuals files, where allocating millions of cell objects costs
 * more than the scan.
 */
export function scanCsv(text: string, onRecord: (values: string[], start: number, end: number) => void): CsvError[] {
  const length = text.length;
  const errors: CsvError[] = [];
  let i = 0;
  while (i < length) {
    const lineEnd = text.indexOf('\n', i);
    const end = lineEnd === -1 ? length : lineEnd;
    const contentEnd = end > i && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const line = text.slice(i, contentEnd);
    if (line === '') {
      i = end + 1;
      continue;
    }
    if (!line.includes('"')) {
      onRecord(line.split(','), i, contentEnd);
      i = end + 1;
      continue;
    }
    // A quoted cell may span lines: read this record with the full parser.
    const read = readRecord(text, i, errors);
    if (!read) break; // an unclosed quote runs to the end of the file
    onRecord(read.record.cells.map((cell) => cell.value), read.record.start, read.record.end);
    i = read.next;
  }
  return errors;
}
