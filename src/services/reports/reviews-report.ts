// Reviews: what clients said about visits, by month and by provider. Every review left in the
// window counts towards the totals; the average rating is of published reviews only, the ones the
// public sees.
import type { Ctx } from '../context.js';
import { reportWindow, type Report, type ReportQuery } from './report.js';
import { grouper, localDate, mean2 } from './tally.js';

const tallyOf = () => ({ count: 0, published: 0, hidden: 0, pending: 0, ratingSum: 0 });
type Tally = ReturnType<typeof tallyOf>;

function add(t: Tally, r: { status: 'pending' | 'published' | 'hidden'; rating: number }) {
  t.count += 1;
  t[r.status] += 1;
  if (r.status === 'published') t.ratingSum += r.rating;
}
const averaged = <T extends { ratingSum: number; published: number }>({ ratingSum, ...t }: T) => ({ ...t, averageRating: mean2(ratingSum, t.published) });

const COUNT_COLUMNS = [
  { key: 'count', label: 'Reviews', kind: 'number' as const },
  { key: 'published', label: 'Published', kind: 'number' as const },
  { key: 'averageRating', label: 'Average rating (published)', kind: 'number' as const },
];

export async function reviewsReport(ctx: Ctx, q: ReportQuery): Promise<Report> {
  const w = await reportWindow(ctx, q);
  let query = ctx.db
    .selectFrom('reviews as r')
    .innerJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'r.organization_id').onRef('l.id', '=', 'r.location_id'))
    .innerJoin('users as u', 'u.id', 'r.provider_user_id')
    .select(['r.status', 'r.rating', 'r.created_at', 'l.time_zone', 'u.name as provider'])
    .where('r.organization_id', '=', ctx.principal.organizationId)
    .where('r.created_at', '>=', w.start)
    .where('r.created_at', '<', w.end);
  if (q.locationId) query = query.where('r.location_id', '=', q.locationId);
  const rows = await query.orderBy('r.created_at').execute();

  const total = tallyOf();
  const byMonth = grouper((month) => ({ month, ...tallyOf() }));
  const byProvider = grouper((provider) => ({ provider, ...tallyOf() }));
  for (const r of rows) {
    add(total, r);
    add(byMonth.at(localDate(r.created_at, r.time_zone).slice(0, 7)), r);
    add(byProvider.at(r.provider), r);
  }

  return {
    name: 'reviews',
    title: 'Reviews',
    from: w.from,
    to: w.to,
    locationId: q.locationId ?? null,
    summary: averaged(total),
    tables: [
      {
        name: 'by_month',
        title: 'Reviews by month',
        columns: [{ key: 'month', label: 'Month' }, ...COUNT_COLUMNS],
        rows: byMonth.values().sort((a, b) => a.month.localeCompare(b.month)).map(({ hidden: _h, pending: _p, ...t }) => averaged(t)),
      },
      {
        name: 'by_provider',
        title: 'Reviews by provider',
        columns: [{ key: 'provider', label: 'Provider' }, ...COUNT_COLUMNS],
        rows: byProvider.values().sort((a, b) => a.provider.localeCompare(b.provider)).map(({ hidden: _h, pending: _p, ...t }) => averaged(t)),
      },
    ],
  };
}
