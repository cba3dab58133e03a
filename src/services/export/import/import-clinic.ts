// Brings one clinic's full export (docs/export.md) into a Dermis that does not hold that clinic yet:
// an empty database, or one with other clinics. The per-table CSVs are the source of truth (they are
// the rows as stored; the FHIR files are derived from them and are checked but not read); the photos
// go back into storage; consent PDFs are not stored by Dermis (it draws them from the signed record),
// so they come back byte for byte from the imported rows. The clinic's audit trail comes back as it
// was, still sealed, with one `export.imported` event after it. Decision 0023.
//
// All or nothing: every file is checked against the manifest and every cell against its column
// before one transaction writes the rows and the photos; if anything fails, the transaction is rolled
// back and the photos already written are removed.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.js';
import type { StoragePort } from '../../ports.js';
import { appendAudit } from '../../audit/record-audit-event.js';
import { TABLES_LEFT_OUT } from '../table-csv.js';
import { foreignKeyOrder, insertTable, parseCsv, planTable, tableColumns, type CsvTable, type TablePlan } from './load-tables.js';
import { ImportRefused, openExport } from './read-export.js';

export { ImportRefused } from './read-export.js';

/**
 * Tables of an export that are not brought back, and why. Their rows belong to the server that made
 * the export, not to the clinic's records.
 */
export const TABLES_NOT_IMPORTED: Record<string, string> = {
  jobs: "the old server's queue of background work; this server schedules its own",
  data_exports: 'the list of earlier exports; their archives stay with the server that made them',
  webhook_endpoints: 'webhook signing secrets are never exported; the owner registers the endpoints again',
  webhook_deliveries: 'the delivery log of endpoints that are not brought back',
};

export interface ImportResult {
  organization: { id: string; slug: string; name: string };
  tables: { table: string; rows: number }[];
  /** people (staff and clients with accounts) added as sign-in identities, without passwords */
  people: number;
  photos: number;
  consentDocuments: number;
  /** files the export itself could not include (manifest "error"), imported without them */
  missingFiles: { url: string; message: string }[];
  skipped: Record<string, string>;
}

export interface ImportDeps {
  db: Db;
  storage: StoragePort;
  /** removes a file put into storage by an import that then failed */
  discard: (key: string) => Promise<void>;
  now: () => Date;
}

const STORAGE_KEY = /^[A-Za-z0-9/_.-]+$/;

export async function importClinicExport(deps: ImportDeps, dir: string): Promise<ImportResult> {
  const exp = await openExport(dir);
  const { manifest } = exp;
  const org = manifest.organization;

  // the clinic must be new here: its id and its web address (slug) are free
  const taken = await deps.db.selectFrom('organizations').select(['id', 'slug']).where((w) => w.or([w('id', '=', org.id), w('slug', '=', org.slug)])).execute();
  for (const t of taken) {
    if (t.id === org.id) throw new ImportRefused(`this database already holds the clinic ${org.name} (id ${org.id}); an export can only be imported into a Dermis that does not have that clinic yet`);
    throw new ImportRefused(`another clinic here already uses the web address "${org.slug}"; an export can only be imported into a Dermis where that address is free`);
  }

  const csv = new Map<string, CsvTable>();
  for (const t of manifest.tables) csv.set(t.table, parseCsv(t.url, await exp.read(t.url)));
  for (const t of manifest.tables) {
    if (csv.get(t.table)!.rows.length !== t.rows) throw new ImportRefused(`${t.url} has ${csv.get(t.table)!.rows.length} rows but manifest.json says ${t.rows}`);
  }
  const photoFiles = manifest.files.filter((f) => f.kind === 'photo');
  const consentFiles = manifest.files.filter((f) => f.kind === 'consent');

  const written: string[] = [];
  try {
    const result = await deps.db.transaction().execute(async (trx) => {
      const columns = await tableColumns(trx);
      const tenant = new Set([...columns].filter(([, cols]) => cols.some((c) => c.name === 'organization_id')).map(([t]) => t));
      const work: { plan: TablePlan; values: Record<string, unknown>[] }[] = [];
      const colsOf = (table: string, url: string) => {
        const cols = columns.get(table);
        if (!cols) throw new ImportRefused(`${url}: this Dermis has no table "${table}"; import the export into the Dermis version that made it, or a newer one`);
        return cols;
      };

      // 1. the clinic's own row (exports before it was written carry its id, slug and name only)
      const orgCsv = csv.get('organizations') ?? { url: 'manifest.json', header: ['id', 'slug', 'name'], rows: [[org.id, org.slug, org.name]] };
      if (orgCsv.rows.length !== 1) throw new ImportRefused(`${orgCsv.url} must hold exactly one clinic; it has ${orgCsv.rows.length} rows`);
      const orgPlan = planTable('organizations', orgCsv, colsOf('organizations', orgCsv.url), { organizationId: null });
      const o = orgPlan.values[0]!;
      if (o.id !== org.id || o.slug !== org.slug) throw new ImportRefused(`${orgCsv.url}: the clinic's id or web address differs from manifest.json`);

      // 2. the people: sign-in identities are shared by every clinic of a Dermis (decision 0002)
      const usersCsv = csv.get('users');
      const people: Record<string, unknown>[] = [];
      if (usersCsv) {
        const { plan, values } = planTable('users', usersCsv, colsOf('users', usersCsv.url), { organizationId: null });
        const found: { id: string; email: string }[] = [];
        for (let k = 0; k < values.length; k += 1000) {
          const part = values.slice(k, k + 1000);
          found.push(...(await trx.selectFrom('users').select(['id', 'email']).where((w) => w.or([w('id', 'in', part.map((u) => String(u.id))), w('email', 'in', part.map((u) => String(u.email)))])).execute()));
        }
        // one account belongs to one clinic (decision 0021): a person already here cannot come along
        for (const [i, u] of values.entries()) {
          for (const s of found) {
            if (s.email === u.email) throw new ImportRefused(`${usersCsv.url}, row ${i + 1}: ${String(u.email)} already has an account in this Dermis; one email address belongs to one account and one clinic, so the clinic cannot be imported here while that account exists`);
            if (s.id === u.id) throw new ImportRefused(`${usersCsv.url}, row ${i + 1}: the person id ${String(u.id)} is already used here by someone else; the clinic cannot be imported into this Dermis`);
          }
          people.push(u);
        }
        work.push({ plan, values: people });
      }

      // 3. every table of the clinic, in foreign-key order
      const tables: string[] = [];
      for (const [table, file] of csv) {
        if (table === 'organizations' || table === 'users' || table in TABLES_NOT_IMPORTED) continue;
        colsOf(table, file.url);
        if (!tenant.has(table) || table in TABLES_LEFT_OUT) throw new ImportRefused(`${file.url}: ${table} is not a table of a clinic's records; an export does not hold it`);
        tables.push(table);
      }
      for (const table of await foreignKeyOrder(trx, tables)) {
        const file = csv.get(table)!;
        // the audit trail keeps its chain (seq, hashes); its position in this database's log is new
        const planned = planTable(table, file, columns.get(table)!, { organizationId: org.id, skipColumns: table === 'audit_events' ? ['position'] : [] });
        if (table === 'audit_events') {
          const pos = planned.plan.index.get('position');
          if (pos !== undefined) {
            const order = file.rows.map((r, i) => ({ i, p: Number(r[pos]) })).sort((a, b) => a.p - b.p);
            planned.values = order.map((x) => planned.values[x.i]!);
          }
        }
        work.push(planned);
      }

      // every cell was read; now write
      await insertTable(trx, orgPlan.plan, orgPlan.values);
      const counts: { table: string; rows: number }[] = [];
      for (const w of work) {
        await insertTable(trx, w.plan, w.values);
        if (w.plan.table !== 'users') counts.push({ table: w.plan.table, rows: w.values.length });
      }

      // 4. the photos, under the storage keys their rows name
      const photos = csv.get('photos');
      const keyOf = new Map<string, string>();
      if (photos) {
        const id = photos.header.indexOf('id');
        const key = photos.header.indexOf('storage_key');
        photos.rows.forEach((r, i) => {
          if (!STORAGE_KEY.test(r[key] ?? '') || (r[key] ?? '').includes('..')) throw new ImportRefused(`${photos.url}, row ${i + 1}, column "storage_key": "${r[key] ?? ''}" is not a storage key Dermis writes`);
          keyOf.set(r[id]!, r[key]!);
        });
      }
      for (const f of photoFiles) {
        const key = keyOf.get(f.id);
        if (!key) throw new ImportRefused(`${f.url} is a photo that csv/photos.csv does not list`);
        await deps.storage.put(key, await exp.read(f.url));
        written.push(key);
      }
      for (const f of consentFiles) {
        const found = await trx.selectFrom('consents').select('id').where('organization_id', '=', org.id).where('id', '=', f.id).executeTakeFirst();
        if (!found) throw new ImportRefused(`${f.url} is a consent document that csv/consents.csv does not list`);
      }

      await appendAudit(
        trx,
        { organizationId: org.id, userId: null, role: 'system', requestId: null, ip: null },
        {
          action: 'export.imported',
          entityType: 'organization',
          entityId: org.id,
          details: { exportedAt: manifest.transactionTime, tables: counts.length, rows: counts.reduce((n, c) => n + c.rows, 0), people: people.length, photos: photoFiles.length, consentDocuments: consentFiles.length },
        },
        deps.now(),
      );
      // the row count of the whole import, checked against the manifest once more inside the transaction
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from clients where organization_id = ${org.id}`.execute(trx);
      const clientsListed = manifest.tables.find((t) => t.table === 'clients')?.rows ?? 0;
      if (rows[0]!.n !== clientsListed) throw new ImportRefused(`csv/clients.csv: ${clientsListed} clients listed but ${rows[0]!.n} imported`);
      return { tables: counts, people: people.length };
    });
    return {
      organization: { id: org.id, slug: org.slug, name: org.name },
      tables: result.tables,
      people: result.people,
      photos: photoFiles.length,
      consentDocuments: consentFiles.length,
      missingFiles: Array.isArray(manifest.error) ? manifest.error : [],
      skipped: Object.fromEntries(Object.entries(TABLES_NOT_IMPORTED).filter(([t]) => csv.has(t))),
    };
  } catch (e) {
    for (const key of written) await deps.discard(key).catch(() => undefined);
    throw e;
  }
}
