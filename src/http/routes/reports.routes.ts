// The owner's reports: one route answers every report as JSON, or one of its tables as CSV. Reading
// a report is audited: the figures summarise client records.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses } from '../schemas/common.schema.js';
import type { Ctx } from '../../services/context.js';
import { invalid } from '../../services/errors.js';
import { recordAudit } from '../../services/audit/record-audit-event.js';
import { REPORT_NAMES, reportQuery, tableToCsv, type Report, type ReportName, type ReportQuery } from '../../services/reports/report.js';
import { revenueReport } from '../../services/reports/revenue.js';
import { attendanceReport } from '../../services/reports/attendance.js';
import { packageLiabilityReport } from '../../services/reports/package-liability.js';
import { reviewsReport } from '../../services/reports/reviews-report.js';
import { utilisationReport } from '../../services/reports/utilisation.js';
import { rebookingReport } from '../../services/reports/rebooking.js';
import { outcomesReport } from '../../services/reports/outcomes.js';
import { giftCardLiabilityReport } from '../../services/reports/gift-card-liability.js';
import { recallReport } from '../../services/reports/recall.js';
import { membershipsReport } from '../../services/reports/memberships.js';

const REPORTS: Record<ReportName, (ctx: Ctx, q: ReportQuery) => Promise<Report>> = {
  revenue: revenueReport,
  utilisation: utilisationReport,
  attendance: attendanceReport,
  'package-liability': packageLiabilityReport,
  rebooking: rebookingReport,
  outcomes: outcomesReport,
  reviews: reviewsReport,
  'gift-cards': giftCardLiabilityReport,
  recall: recallReport,
  memberships: membershipsReport,
};

const Cell = z.union([z.string(), z.number(), z.null()]);
const ReportSchema = z
  .object({
    name: z.enum(REPORT_NAMES),
    title: z.string(),
    from: z.string(),
    to: z.string(),
    locationId: z.uuid().nullable(),
    summary: z.record(z.string(), Cell),
    tables: z.array(
      z.object({
        name: z.string(),
        title: z.string(),
        columns: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(['text', 'cents', 'percent', 'number', 'date']).optional() })),
        rows: z.array(z.record(z.string(), Cell)),
      }),
    ),
  })
  .openapi('Report', {
    example: {
      name: 'revenue',
      title: 'Revenue',
      from: '2026-11-01',
      to: '2026-11-30',
      locationId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
      summary: { netRevenueCents: 1015000, creditedCents: 0, taxCents: 0, collectedCents: 985000, refundedCents: 30000, invoices: 29 },
      tables: [
        {
          name: 'by_provider',
          title: 'Revenue by provider',
          columns: [
            { key: 'provider', label: 'Provider' },
            { key: 'invoices', label: 'Invoices', kind: 'number' },
            { key: 'netCents', label: 'Net revenue', kind: 'cents' },
          ],
          rows: [
            { provider: 'Ana Reyes, RN', invoices: 17, netCents: 595000 },
            { provider: 'Dana Park, NP', invoices: 12, netCents: 420000 },
          ],
        },
      ],
    },
  });

const read = defineRoute(['owner', 'medical_director'], {
  operationId: 'getReport',
  method: 'get',
  path: '/api/reports/{name}',
  tags: ['Reports'],
  summary: 'A report over a date range (location time zone), as JSON or one table as CSV',
  request: {
    params: z.object({ name: z.enum(REPORT_NAMES).openapi({ param: { name: 'name', in: 'path' } }) }),
    query: reportQuery,
  },
  responses: {
    200: { description: 'The report (JSON), or one of its tables (CSV)', content: { 'application/json': { schema: ReportSchema }, 'text/csv': { schema: z.string() } } },
    ...errorResponses,
  },
});

export function reportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(read, async (c) => {
    const ctx = ctxOf(c);
    const { name } = c.req.valid('param');
    const q = c.req.valid('query');
    const { report, table } = await ctx.db.transaction().execute(async (trx) => {
      const tx: Ctx = { ...ctx, db: trx };
      const result = await REPORTS[name](tx, q);
      // the table is checked before the audit so a refused export leaves no trace of a read
      const picked = q.table === undefined ? result.tables[0] : result.tables.find((t) => t.name === q.table);
      if (q.format === 'csv' && !picked) throw invalid('table', `not a table of this report (one of: ${result.tables.map((t) => t.name).join(', ')})`);
      await recordAudit(trx, tx, {
        action: 'report.view',
        entityType: 'report',
        entityId: name,
        details: { from: result.from, to: result.to, locationId: result.locationId, format: q.format, ...(q.format === 'csv' ? { table: picked?.name ?? null } : {}) },
      });
      return { report: result, table: picked };
    });
    if (q.format === 'csv' && table) {
      const filename = `${name}-${report.from}-${report.to}.csv`;
      return c.body(tableToCsv(table), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' });
    }
    return c.json(report, 200);
  });
}
