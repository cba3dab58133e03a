// The full export of the demo clinic: FHIR R4 NDJSON per resource type that validates against the
// R4 definitions (@medplum/core's validator), one CSV per table without secrets, the consent PDFs,
// and a manifest whose counts and checksums match the files.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { seedDemo } from '../../src/services/seed/seed-demo.js';
import { setUpClinic } from '../support/clinic.js';
import { treatClient } from '../support/treated-client.js';
import { fhirProblem, loadFhirDefinitions } from '../support/fhir-valid.js';
import { writeClinicExport, type ExportManifest } from '../../src/services/export/write-export.js';

let now = new Date();
let t: TestApp;
let dir: string;
let manifest: ExportManifest;
let demoDir: string;
let demoManifest: ExportManifest;

beforeAll(async () => {
  loadFhirDefinitions();
  t = await createTestApp({ now: () => now });
  // the demo clinic's months of visits, charts and invoices; plus a client taken through the whole
  // journey over the API (answers, screening, consents, photo, chart, outcomes) in a clinic of its own
  await seedDemo({ db: t.db, identity: t.identity, now: () => now }, { onlyIfEmpty: true });
  const org = await t.factory.org('Export Spa');
  await treatClient(t, org, await setUpClinic(t, org), (d) => (now = d));
  dir = await mkdtemp(path.join(tmpdir(), 'dermis-export-'));
  manifest = await writeClinicExport({ db: t.db, storage: t.storage, now: () => now }, org.id, dir);
  const demo = await t.db.selectFrom('organizations').select('id').where('slug', '=', 'glow').executeTakeFirstOrThrow();
  demoDir = await mkdtemp(path.join(tmpdir(), 'dermis-export-demo-'));
  demoManifest = await writeClinicExport({ db: t.db, storage: t.storage, now: () => now }, demo.id, demoDir);
}, 180_000);
afterAll(async () => t.close());

const ndjson = async (url: string, base = dir) => (await readFile(path.join(base, url), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Resource);

describe('the full export', () => {
  it('holds every resource type a clinic has, each valid FHIR R4', async () => {
    const types = new Set([...manifest.output, ...demoManifest.output].map((o) => o.type));
    for (const t of ['Organization', 'Location', 'Practitioner', 'PractitionerRole', 'Patient', 'Device', 'Appointment', 'Questionnaire', 'QuestionnaireResponse', 'RiskAssessment', 'CarePlan', 'Consent', 'DocumentReference', 'Procedure', 'Media', 'Observation', 'AdverseEvent', 'Invoice', 'PaymentReconciliation']) {
      expect([...types]).toContain(t);
    }
    const problems: string[] = [];
    for (const [base, m] of [[dir, manifest], [demoDir, demoManifest]] as const) {
      for (const o of m.output) {
        const list = await ndjson(o.url, base);
        expect(list.length).toBe(o.count);
        for (const r of list) {
          expect(r.resourceType).toBe(o.type);
          const problem = fhirProblem(r);
          if (problem && problems.length < 20) problems.push(problem);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('matches the database: every client, booking, signed chart, consent and photo of the clinic', async () => {
    for (const m of [manifest, demoManifest]) {
      const org = m.organization.id;
      const count = async (table: 'clients' | 'bookings' | 'consents' | 'photos' | 'outcomes') => Number((await t.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).where('organization_id', '=', org).executeTakeFirstOrThrow()).n);
      const byType = Object.fromEntries(m.output.map((o) => [o.type, o.count]));
      expect(byType.Patient ?? 0).toBe(await count('clients'));
      expect(byType.Appointment ?? 0).toBe(await count('bookings'));
      expect(byType.Consent ?? 0).toBe(await count('consents'));
      expect(byType.DocumentReference ?? 0).toBe(byType.Consent ?? 0);
      expect(byType.Media ?? 0).toBe(await count('photos'));
      expect(byType.Observation ?? 0).toBe(await count('outcomes'));
      const charted = await t.db.selectFrom('charts').select('booking_id').where('organization_id', '=', org).where('status', '=', 'signed').distinct().execute();
      expect(byType.Procedure ?? 0).toBe(charted.length);
    }
  });

  it('keeps depth per body site, device and lot on each procedure, and rule ids on screenings', async () => {
    const procs = (await ndjson('fhir/Procedure.ndjson')) as (Resource & { bodySite?: { extension?: { url: string; valueQuantity?: { value: number; unit: string } }[] }[]; usedReference?: unknown[]; focalDevice?: unknown[] })[];
    const p = procs[0]!;
    expect(p.bodySite!.length).toBeGreaterThan(0);
    expect(p.bodySite![0]!.extension!.find((e) => e.url.endsWith('needle-depth'))!.valueQuantity!.unit).toBe('mm');
    expect(p.usedReference!.length).toBeGreaterThan(0);
    expect(p.focalDevice!.length).toBe(1);
    const risks = (await ndjson('fhir/RiskAssessment.ndjson')) as (Resource & { prediction: { outcome: { coding: { system: string; code: string }[] } }[] })[];
    expect(risks.some((r) => r.prediction.some((x) => x.outcome.coding.some((c) => c.system === 'urn:dermis:screening-rule' && /^[A-Z]+-/.test(c.code))))).toBe(true);
  });

  it('lists every file with a checksum that matches, consent PDFs included', async () => {
    for (const f of [...manifest.output, ...manifest.tables, ...manifest.files]) {
      const bytes = await readFile(path.join(dir, f.url));
      expect(bytes.byteLength, f.url).toBe(f.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), f.url).toBe(f.sha256);
    }
    const pdf = manifest.files.find((f) => f.kind === 'consent')!;
    expect((await readFile(path.join(dir, pdf.url))).subarray(0, 5).toString()).toBe('%PDF-');
    const photo = manifest.files.find((f) => f.kind === 'photo')!;
    expect((await readFile(path.join(dir, photo.url))).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(manifest.error).toEqual([]);
  });

  it('has one CSV per table and no secrets in any of them', async () => {
    const tables = manifest.tables.map((t) => t.table);
    for (const t of ['clients', 'bookings', 'charts', 'consents', 'invoices', 'payments', 'package_purchases', 'outcomes', 'photos', 'audit_events', 'users']) expect(tables).toContain(t);
    for (const t of ['invitations', 'client_signups', 'calendar_feeds', 'consent_handoffs', 'outbox_messages', 'sessions', 'accounts', 'two_factors']) expect(tables).not.toContain(t);
    for (const f of manifest.tables) {
      const header = (await readFile(path.join(dir, f.url), 'utf8')).split('\n')[0]!;
      expect(header, f.table).not.toMatch(/token_hash|password|secret|backup_codes/);
    }
  });
});
