// The rows of an export's csv/<table>.csv files, typed by this database's own columns and inserted in
// foreign-key order. A value that cannot be read is refused naming the file, row and column before
// anything is inserted; a row the database refuses (a missing reference, a broken rule) is found by
// retrying its batch row by row, and named the same way. The caller runs this in one transaction.
import { sql, type Transaction } from 'kysely';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../../db/schema.js';
import { ImportRefused } from './read-export.js';

type Trx = Transaction<Database>;

export interface Column {
  name: string;
  udt: string;
  nullable: boolean;
  hasDefault: boolean;
  generated: boolean;
}

/** Every base table of this database with its columns, in order. */
export async function tableColumns(trx: Trx): Promise<Map<string, Column[]>> {
  const { rows } = await sql<{ table_name: string; column_name: string; udt_name: string; is_nullable: string; column_default: string | null; is_generated: string; is_identity: string }>`
    select c.table_name, c.column_name, c.udt_name, c.is_nullable, c.column_default, c.is_generated, c.is_identity
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema()
    order by c.table_name, c.ordinal_position`.execute(trx);
  const out = new Map<string, Column[]>();
  for (const r of rows) {
    const col: Column = { name: r.column_name, udt: r.udt_name, nullable: r.is_nullable === 'YES', hasDefault: r.column_default !== null || r.is_identity === 'YES', generated: r.is_generated === 'ALWAYS' };
    out.set(r.table_name, [...(out.get(r.table_name) ?? []), col]);
  }
  return out;
}

/** The tables in an order where every table comes after the tables it refers to. */
export async function foreignKeyOrder(trx: Trx, tables: string[]): Promise<string[]> {
  const { rows } = await sql<{ child: string; parent: string }>`
    select cl.relname as child, pl.relname as parent from pg_constraint k
    join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where k.contype = 'f' and n.nspname = current_schema()`.execute(trx);
  const wanted = new Set(tables);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const r of rows) if (wanted.has(r.child) && wanted.has(r.parent) && r.child !== r.parent) parents.get(r.child)!.add(r.parent);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const next = [...tables].sort().filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (next.length === 0) throw new Error(`the tables ${tables.filter((t) => !placed.has(t)).join(', ')} refer to each other; the import cannot order them`);
    for (const t of next) {
      order.push(t);
      placed.add(t);
    }
  }
  return order;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^-?\d+$/;
const NUMERIC = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface CsvTable {
  /** csv/<table>.csv */
  url: string;
  header: string[];
  /** cells as written, one array per data row */
  rows: string[][];
}

export function parseCsv(url: string, bytes: Buffer): CsvTable {
  let records: string[][];
  try {
    const parsed: string[][] = parse(bytes, { bom: true, relax_column_count: false, skip_empty_lines: false });
    records = parsed;
  } catch (e) {
    throw new ImportRefused(`${url} is not a readable CSV file: ${(e as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new ImportRefused(`${url} is empty; it should start with a header row naming the columns`);
  return { url, header, rows };
}

/** Where a row is, in words: its number among the data rows (the header is not counted). */
const at = (t: CsvTable, row: number, column?: string) => `${t.url}, row ${row + 1}${column ? `, column "${column}"` : ''}`;

/** One cell as the value json_populate_recordset reads for the column (null for an empty cell). */
function valueOf(t: CsvTable, row: number, col: Column, cell: string): unknown {
  const where = () => at(t, row, col.name);
  if (cell === '') {
    if (col.nullable) return null;
    if (['text', 'bpchar', 'varchar'].includes(col.udt)) return '';
    // the export writes a JSON string value as its bare text: an empty cell is the empty string
    if (col.udt === 'jsonb' || col.udt === 'json') return '';
    throw new ImportRefused(`${where()}: a value is required and the cell is empty`);
  }
  const bad = (what: string) => new ImportRefused(`${where()}: "${cell.length > 60 ? cell.slice(0, 60) + '…' : cell}" is not ${what}`);
  switch (col.udt) {
    case 'uuid':
      if (!UUID.test(cell)) throw bad('an id (a UUID)');
      return cell;
    case 'int2':
    case 'int4':
    case 'int8':
      if (!INTEGER.test(cell)) throw bad('a whole number');
      return cell;
    case 'numeric':
    case 'float4':
    case 'float8':
      if (!NUMERIC.test(cell)) throw bad('a number');
      return cell;
    case 'bool':
      if (cell !== 'true' && cell !== 'false') throw bad('true or false');
      return cell;
    case 'date':
      if (!DATE.test(cell) || Number.isNaN(Date.parse(cell))) throw bad('a date (YYYY-MM-DD)');
      return cell;
    case 'timestamptz':
    case 'timestamp':
      if (Number.isNaN(Date.parse(cell))) throw bad('a date and time (ISO 8601)');
      return cell;
    case 'json':
    case 'jsonb':
      // objects and arrays are written as JSON; a JSON string value is written as the bare text
      try {
        return JSON.parse(cell) as unknown;
      } catch {
        if (/^[[{]/.test(cell)) throw bad('valid JSON');
        return cell;
      }
    case 'bytea':
      if (!cell.startsWith('base64:')) throw bad('binary data (base64:…)');
      return `\\x${Buffer.from(cell.slice('base64:'.length), 'base64').toString('hex')}`;
    default:
      if (col.udt.startsWith('_')) {
        let list: unknown;
        try {
          list = JSON.parse(cell);
        } catch {
          throw bad('a list (a JSON array)');
        }
        if (!Array.isArray(list)) throw bad('a list (a JSON array)');
        return list;
      }
      return cell;
  }
}

export interface TablePlan {
  table: string;
  csv: CsvTable;
  /** the columns written (those of the file; the database's defaults fill the rest) */
  columns: Column[];
  /** the column order of the file, by name */
  index: Map<string, number>;
}

/** Checks a file's header against the table and every cell against its column; nothing is written. */
export function planTable(table: string, csv: CsvTable, columns: Column[], opts: { organizationId: string | null; skipColumns?: string[] }): { plan: TablePlan; values: Record<string, unknown>[] } {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const skip = new Set(opts.skipColumns ?? []);
  const index = new Map<string, number>();
  csv.header.forEach((h, i) => {
    if (!byName.has(h)) throw new ImportRefused(`${csv.url}: this Dermis has no column "${h}" in ${table}; import the export into the Dermis version that made it, or a newer one`);
    if (index.has(h)) throw new ImportRefused(`${csv.url}: the column "${h}" appears twice in the header row`);
    index.set(h, i);
  });
  for (const c of columns) {
    if (!index.has(c.name) && !c.nullable && !c.hasDefault && !c.generated) throw new ImportRefused(`${csv.url}: the column "${c.name}" is missing and ${table} needs it`);
  }
  const written = columns.filter((c) => index.has(c.name) && !c.generated && !skip.has(c.name));
  const values = csv.rows.map((cells, row) => {
    if (cells.length !== csv.header.length) throw new ImportRefused(`${at(csv, row)}: the row has ${cells.length} cells and the header ${csv.header.length}`);
    const v: Record<string, unknown> = {};
    for (const c of written) v[c.name] = valueOf(csv, row, c, cells[index.get(c.name)!]!);
    if (opts.organizationId !== null && v.organization_id !== opts.organizationId) {
      throw new ImportRefused(`${at(csv, row, 'organization_id')}: the row belongs to another clinic (${String(v.organization_id)}), not to the clinic of this export (${opts.organizationId})`);
    }
    return v;
  });
  return { plan: { table, csv, columns: written, index }, values };
}

const BATCH = 500;

interface PgError {
  message: string;
  detail?: string;
  column?: string;
}

function refusal(plan: TablePlan, row: number, e: PgError) {
  const detail = e.detail ? ` (${e.detail})` : '';
  return new ImportRefused(`${at(plan.csv, row, e.column)}: the database refused the row: ${e.message}${detail}`);
}

async function insertRows(trx: Trx, plan: TablePlan, rows: Record<string, unknown>[]) {
  const cols = sql.join(plan.columns.map((c) => sql.ref(c.name)));
  await sql`insert into ${sql.table(plan.table)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.table(plan.table)}, ${JSON.stringify(rows)}::json)`.execute(trx);
}

/**
 * Inserts the rows in batches; a batch the database refuses is rolled back to its savepoint and
 * retried row by row, to name the row (and the column when the database says which).
 */
export async function insertTable(trx: Trx, plan: TablePlan, values: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < values.length; start += BATCH) {
    const batch = values.slice(start, start + BATCH);
    await sql`savepoint dermis_import`.execute(trx);
    try {
      await insertRows(trx, plan, batch);
      await sql`release savepoint dermis_import`.execute(trx);
      continue;
    } catch {
      await sql`rollback to savepoint dermis_import`.execute(trx);
    }
    for (let i = 0; i < batch.length; i++) {
      try {
        await insertRows(trx, plan, [batch[i]!]);
      } catch (e) {
        throw refusal(plan, start + i, e as PgError);
      }
    }
    await sql`release savepoint dermis_import`.execute(trx);
  }
}
