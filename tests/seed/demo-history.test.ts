// The demo clinic comes with six months of history and the next four weeks, seeded quickly and the
// same way for the same day, so the calendar, reports, charts and portal have something to show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { seedDemo } from '../../src/services/seed/seed-demo.js';
import { revenueReport } from '../../src/services/reports/revenue.js';
import { planVisits } from '../../src/services/seed/demo-history-plan.js';

const NOW = new Date('2026-12-01T15:00:00Z');
let t: TestApp;
let seconds = 0;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  const started = Date.now();
  await seedDemo({ db: t.db, identity: t.identity, now: () => NOW }, { onlyIfEmpty: true });
  seconds = (Date.now() - started) / 1000;
}, 180_000);
afterAll(async () => t.close());

describe('the demo history', () => {
  // about 11 s on a quiet machine, of which the history is about 3 s (identities are hashed with
  // scrypt); the bound leaves room for a busy CI machine and catches a seed that grew slow
  it('seeds quickly', () => {
    console.log(`demo seed took ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(30);
  });

  it('has visits this week at both locations, past ones done and some cancelled or missed', async () => {
    const rows = await t.db.selectFrom('bookings as b').innerJoin('locations as l', 'l.id', 'b.location_id').select(['b.status', 'b.starts_at', 'l.name']).execute();
    const weekAhead = rows.filter((b) => b.starts_at.getTime() >= NOW.getTime() && b.starts_at.getTime() < NOW.getTime() + 7 * 86_400_000);
    expect(new Set(weekAhead.map((b) => b.name)).size).toBe(2);
    expect(weekAhead.every((b) => b.status === 'confirmed' || b.status === 'cancelled')).toBe(true);
    const past = rows.filter((b) => b.starts_at < new Date(NOW.getTime() - 86_400_000));
    for (const s of ['completed', 'cancelled', 'late_cancelled', 'no_show']) expect(past.some((b) => b.status === s)).toBe(true);
    expect(past.some((b) => b.starts_at < new Date(NOW.getTime() - 170 * 86_400_000))).toBe(true);
    expect(rows.some((b) => b.starts_at > new Date(NOW.getTime() + 21 * 86_400_000))).toBe(true);
  });

  it('has signed charts with received lots, aftercare, packages, reviews, outcomes and one adverse event', async () => {
    const count = async (table: 'charts' | 'cartridge_lots' | 'aftercare_journeys' | 'package_purchases' | 'package_draws' | 'adverse_events') =>
      Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('cartridge_lots')).toBeGreaterThanOrEqual(6);
    expect(await count('charts')).toBeGreaterThan(100);
    expect(await count('aftercare_journeys')).toBe(await count('charts'));
    expect(await count('package_purchases')).toBeGreaterThanOrEqual(2);
    expect(await count('package_draws')).toBeGreaterThanOrEqual(2);
    expect(await count('adverse_events')).toBe(1);
    const reviews = await t.db.selectFrom('reviews').select('status').execute();
    expect(reviews.filter((r) => r.status === 'published').length).toBeGreaterThan(10);
    const outcomes = await t.db.selectFrom('outcomes').select('measure').execute();
    expect(new Set(outcomes.map((o) => o.measure))).toEqual(new Set(['gais', 'satisfaction']));
    const recalled = await t.db.selectFrom('cartridge_lots').select('id').where('recalled_at', 'is not', null).execute();
    expect(recalled).toHaveLength(1);
  });

  it('every paid invoice is paid in full, numbered from 1001, and the revenue report has the last month', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const invoices = await t.db.selectFrom('invoices').select(['id', 'number', 'total_cents']).orderBy('number').execute();
    expect(invoices[0]!.number).toBe(1001);
    const paid = await t.db.selectFrom('payments').select(['invoice_id', 'amount_cents']).execute();
    for (const i of invoices.filter((x) => x.total_cents > 0)) expect(paid.find((p) => p.invoice_id === i.id)?.amount_cents).toBe(i.total_cents);
    const owner = await t.db.selectFrom('users').select('id').where('email', '=', 'owner@glow.example.com').executeTakeFirstOrThrow();
    const ctx = {
      db: t.db, now: () => NOW, meta: { requestId: null, ip: null },
      principal: { userId: owner.id, organizationId: org.id, role: 'owner' as const, clientId: null, name: 'Olivia Grant', email: 'owner@glow.example.com', twoFactorEnabled: true, emailVerified: true, twoFactorSetupRequired: false, twoFactorMandatory: true },
    };
    const report = await revenueReport(ctx, { from: '2026-11-01', to: '2026-11-30', format: 'json' });
    expect(report.summary.netRevenueCents).toBeGreaterThan(0);
    expect(report.tables.find((x) => x.name === 'sales')!.rows.length).toBeGreaterThan(10);
  });

  it('plans the same visits for the same day', () => {
    const pools = { austin: ['a', 'b', 'c'], sandiego: ['d', 'e'] };
    expect(planVisits('2026-12-01', pools)).toEqual(planVisits('2026-12-01', pools));
  });
});
