// Outcomes per protocol (roller, pen, RF): sessions completed, GAIS follow-up ratings, satisfaction,
// the Goodman and Baron score change from baseline, and adverse events per 100 sessions. Outcomes and
// events name a booking when they can; those that do not are put with the client's most recent
// completed treatment on or before that date, or under "Unknown".
import type { Modality } from '../../db/schema.js';
import { GAIS } from '../../domain/treatment/outcomes.js';
import { localDateOf } from '../../domain/scheduling/local-time.js';
import type { Ctx } from '../context.js';
import { reportWindow, type Cell, type Report, type ReportQuery } from './report.js';

type Protocol = Modality | 'unknown';
const PROTOCOLS: { id: Protocol; label: string }[] = [
  { id: 'roller', label: 'Roller' },
  { id: 'pen', label: 'Pen' },
  { id: 'rf', label: 'RF' },
  { id: 'unknown', label: 'Unknown' },
];
/** GAIS 1 to 3 (very much improved, much improved, improved) mean the client improved */
const IMPROVED_MAX = 3;
const gaisKey = (label: string) => label.toLowerCase().replace(/[^a-z]+/g, '_');
const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
const mean = (xs: number[]) => (xs.length ? round(xs.reduce((s, x) => s + x, 0) / xs.length) : null);
const per100 = (n: number, sessions: number) => (sessions > 0 ? round((n / sessions) * 100) : null);

interface Tally {
  clients: Set<string>;
  sessions: number;
  gais: number[];
  satisfaction: number[];
  gbChange: number[];
  grades: number[];
  ungraded: number;
  serious: number;
  events: number;
}
const tally = (): Tally => ({ clients: new Set(), sessions: 0, gais: [0, 0, 0, 0, 0], satisfaction: [], gbChange: [], grades: [0, 0, 0, 0, 0], ungraded: 0, serious: 0, events: 0 });

// Reads only, in the caller's connection: the route runs every report inside its own transaction
// and audits the view there (a transaction opened here would be one inside another and fail).
export async function outcomesReport(ctx: Ctx, q: ReportQuery): Promise<Report> {
  const w = await reportWindow(ctx, q);
  const orgId = ctx.principal.organizationId;
  const db = ctx.db;
  const treatments = () =>
    db
      .selectFrom('bookings as b')
      .innerJoin('services as s', (j) => j.onRef('s.organization_id', '=', 'b.organization_id').onRef('s.id', '=', 'b.service_id'))
      .innerJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'b.organization_id').onRef('l.id', '=', 'b.location_id'))
      .select(['b.id', 'b.client_id', 'b.location_id', 'b.starts_at', 's.modality', 'l.time_zone'])
      .where('b.organization_id', '=', orgId);
  const [outcomes, events] = await Promise.all([
    db.selectFrom('outcomes').select(['client_id', 'booking_id', 'measure', 'timepoint', 'value', 'assessed_on']).where('organization_id', '=', orgId).where('assessed_on', '>=', w.from).where('assessed_on', '<=', w.to).execute(),
    db.selectFrom('adverse_events').select(['client_id', 'booking_id', 'grade', 'serious', 'onset_on']).where('organization_id', '=', orgId).where('onset_on', '>=', w.from).where('onset_on', '<=', w.to).execute(),
  ]);
  const clientIds = [...new Set([...outcomes, ...events].map((r) => r.client_id))];
  const linkedIds = [...new Set([...outcomes, ...events].flatMap((r) => (r.booking_id ? [r.booking_id] : [])))];
  const gbFollowUps = outcomes.filter((o) => o.measure === 'goodman_baron_quantitative' && o.timepoint === 'follow_up');
  const [completed, linked, baselines] = await Promise.all([
    // completed treatments up to the window's end: the sessions in it, and what unlinked records belong to
    treatments().where('b.status', '=', 'completed').where('s.kind', '=', 'treatment').where('b.starts_at', '<', w.end).where((eb) => eb.or([eb('b.starts_at', '>=', w.start), ...(clientIds.length ? [eb('b.client_id', 'in', clientIds)] : [])])).orderBy('b.starts_at').execute(),
    linkedIds.length ? treatments().where('b.id', 'in', linkedIds).execute() : Promise.resolve([]),
    gbFollowUps.length
      ? db.selectFrom('outcomes').select(['client_id', 'value', 'assessed_on']).where('organization_id', '=', orgId).where('measure', '=', 'goodman_baron_quantitative').where('timepoint', '=', 'baseline').where('client_id', 'in', [...new Set(gbFollowUps.map((o) => o.client_id))]).orderBy('assessed_on').execute()
      : Promise.resolve([]),
  ]);
  const dated = completed.map((b) => ({ ...b, date: localDateOf(new Date(b.starts_at).getTime(), b.time_zone) }));
  const byId = new Map(linked.map((b) => [b.id, b]));
  const inScope = (locationId: string | undefined) => !q.locationId || locationId === q.locationId;

  /** the protocol of a record, or null when it belongs to another location */
  const protocolOf = (r: { client_id: string; booking_id: string | null }, on: string): Protocol | null => {
    const own = r.booking_id ? byId.get(r.booking_id) : undefined;
    const booking = own?.modality ? own : dated.filter((b) => b.client_id === r.client_id && b.date <= on).at(-1);
    if (!inScope(booking?.location_id)) return null;
    return booking?.modality ?? 'unknown';
  };

  const tallies = new Map<Protocol, Tally>();
  const of = (p: Protocol) => tallies.get(p) ?? tallies.set(p, tally()).get(p)!;
  for (const b of dated) {
    if (new Date(b.starts_at).getTime() < w.start.getTime() || !b.modality || !inScope(b.location_id)) continue;
    const t = of(b.modality);
    t.sessions++;
    t.clients.add(b.client_id);
  }
  for (const o of outcomes) {
    if (o.measure === 'goodman_baron_quantitative' || o.measure === 'goodman_baron_qualitative') continue;
    if (o.measure === 'gais' && o.timepoint !== 'follow_up') continue;
    const p = protocolOf(o, o.assessed_on);
    if (!p) continue;
    if (o.measure === 'gais' && o.value >= 1 && o.value <= 5) of(p).gais[o.value - 1]!++;
    if (o.measure === 'satisfaction') of(p).satisfaction.push(o.value);
  }
  // each client's latest follow-up score against their first baseline before it
  const latest = new Map<string, (typeof gbFollowUps)[number]>();
  for (const o of gbFollowUps) if ((latest.get(o.client_id)?.assessed_on ?? '') <= o.assessed_on) latest.set(o.client_id, o);
  for (const o of latest.values()) {
    const base = baselines.find((b) => b.client_id === o.client_id && b.assessed_on <= o.assessed_on);
    const p = protocolOf(o, o.assessed_on);
    if (base && p) of(p).gbChange.push(o.value - base.value);
  }
  for (const e of events) {
    const p = protocolOf(e, e.onset_on);
    if (!p) continue;
    const t = of(p);
    t.events++;
    if (e.serious) t.serious++;
    if (e.grade && e.grade >= 1 && e.grade <= 5) t.grades[e.grade - 1]!++;
    else t.ungraded++;
  }

  const present = PROTOCOLS.filter((p) => tallies.has(p.id)).map((p) => ({ ...p, t: tallies.get(p.id)! }));
  const all = [...tallies.values()];
  const sessions = all.reduce((s, t) => s + t.sessions, 0);
  const adverseEvents = all.reduce((s, t) => s + t.events, 0);
  const ratings = (t: Tally) => t.gais.reduce((s, n) => s + n, 0);
  return {
    name: 'outcomes',
    title: 'Outcomes by protocol',
    from: w.from,
    to: w.to,
    locationId: q.locationId ?? null,
    summary: { sessions, adverseEvents, adverseEventRatePer100: per100(adverseEvents, sessions), meanSatisfaction: mean(all.flatMap((t) => t.satisfaction)) },
    tables: [
      {
        name: 'by_protocol',
        title: 'By protocol',
        columns: [
          { key: 'modality', label: 'Protocol', kind: 'text' },
          { key: 'clients', label: 'Clients treated', kind: 'number' },
          { key: 'sessions', label: 'Sessions completed', kind: 'number' },
          { key: 'gaisRatings', label: 'GAIS follow-ups', kind: 'number' },
          { key: 'improved', label: 'Improved (GAIS)', kind: 'percent' },
          { key: 'meanSatisfaction', label: 'Mean satisfaction (1–5)', kind: 'number' },
          { key: 'meanGoodmanBaronChange', label: 'Mean Goodman-Baron change', kind: 'number' },
          { key: 'adverseEvents', label: 'Adverse events', kind: 'number' },
          { key: 'adverseEventsPer100', label: 'Adverse events per 100 sessions', kind: 'number' },
        ],
        rows: present.map(({ label, t }) => ({
          modality: label,
          clients: t.clients.size,
          sessions: t.sessions,
          gaisRatings: ratings(t),
          improved: ratings(t) ? round(t.gais.slice(0, IMPROVED_MAX).reduce((s, n) => s + n, 0) / ratings(t), 4) : null,
          meanSatisfaction: mean(t.satisfaction),
          meanGoodmanBaronChange: mean(t.gbChange),
          adverseEvents: t.events,
          adverseEventsPer100: per100(t.events, t.sessions),
        })),
      },
      {
        name: 'gais',
        title: 'GAIS follow-up ratings',
        columns: [{ key: 'modality', label: 'Protocol', kind: 'text' }, ...GAIS.map((g) => ({ key: gaisKey(g.label), label: g.label, kind: 'number' as const }))],
        rows: present.filter(({ t }) => ratings(t) > 0).map(({ label, t }) => ({ modality: label, ...Object.fromEntries(GAIS.map((g, i) => [gaisKey(g.label), t.gais[i]!])) })),
      },
      {
        name: 'adverse_events_by_grade',
        title: 'Adverse events by grade',
        columns: [
          { key: 'modality', label: 'Protocol', kind: 'text' },
          ...[1, 2, 3, 4, 5].map((g) => ({ key: `grade${g}`, label: `Grade ${g}`, kind: 'number' as const })),
          { key: 'ungraded', label: 'Not graded', kind: 'number' },
          { key: 'serious', label: 'Serious', kind: 'number' },
          { key: 'total', label: 'Total', kind: 'number' },
        ],
        rows: present
          .filter(({ t }) => t.events > 0)
          .map(({ label, t }): Record<string, Cell> => ({ modality: label, ...Object.fromEntries(t.grades.map((n, i) => [`grade${i + 1}`, n])), ungraded: t.ungraded, serious: t.serious, total: t.events })),
      },
    ],
  } satisfies Report;
}
