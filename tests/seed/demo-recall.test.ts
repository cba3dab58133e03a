// The demo clinic has one client due a recall (services/seed/demo-recall.ts): with the series flow on,
// the recall job finds her and only her, on the service and location of her series.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { seedDemo } from '../../src/services/seed/seed-demo.js';
import { seriesNextCandidates } from '../../src/db/repositories/recall-candidates.repository.js';
import { INTERVAL_FLOOR_DAYS } from '../../src/domain/protocols/microneedling/sessions.js';

const NOW = new Date('2026-12-03T15:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  await seedDemo({ db: t.db, identity: t.identity, now: () => NOW }, { onlyIfEmpty: true });
}, 180_000);
afterAll(async () => t.close());

describe('the demo client due a recall', () => {
  it('is the one series client whose next session is due today', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const due = await seriesNextCandidates(t.db, org.id, { now: NOW, delayDays: 0, floorDays: INTERVAL_FLOOR_DAYS });
    expect(due.map((c) => [c.first_name, c.service_name, c.email, c.from_date])).toEqual([['Rita', 'Pen microneedling, full face', 'recall@glow.example.com', '2026-12-03']]);
    expect(due[0]!.subject_ref).toMatch(/^series:.+:2$/);
  });
});
