// A CSV export read with csv-parse: the header row and the rows as cells, or a plain sentence saying
// where the file stops being CSV. The delimiter (comma, semicolon or tab) is taken from the header.
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { invalid } from '../errors.js';

export const MAX_IMPORT_ROWS = 5000;

const WHY: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a cell is not doubled',
  INVALID_OPENING_QUOTE: 'a cell has a quote in the middle of its text',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'there is text after the closing quote of a cell',
  CSV_MAX_RECORD_SIZE: 'a row is far too long',
};

export function parseCsv(text: string): { headers: string[]; rows: string[][] } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  let records: string[][];
  try {
    const parsed: string[][] = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, max_record_size: 100_000 });
    records = parsed;
  } catch (e) {
    if (e instanceof CsvError) {
      const line = typeof e.lines === 'number' ? ` near line ${e.lines}` : '';
      throw invalid('csv', `The file is not a CSV file Dermis can read${line}: ${WHY[e.code] ?? 'its quotes or separators are not consistent'}. Export it again from your system, or open and save it as CSV in a spreadsheet.`);
    }
    throw e;
  }
  const [head, ...rows] = records.filter((r) => r.some((c) => c.trim() !== ''));
  if (!head) throw invalid('csv', 'The file is empty: export it again with the column names in the first row.');
  const headers = head.map((h) => h.trim());
  if (headers.some((h) => h === '')) throw invalid('csv', 'Every column of the first row needs a name; the first row of the file must hold the column names.');
  if (new Set(headers.map((h) => h.toLowerCase())).size !== headers.length) throw invalid('csv', 'Two columns of the first row have the same name; rename one in a spreadsheet and save the file again.');
  if (!rows.length) throw invalid('csv', 'The file has column names but no rows to import.');
  if (rows.length > MAX_IMPORT_ROWS) throw invalid('csv', `The file has ${rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time by splitting it into several files.`);
  return { headers, rows };
}
