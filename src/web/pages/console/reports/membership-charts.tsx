// Memberships report: revenue from paid periods by month, with new members and cancellations.
import { BarChart } from '../../../components/charts.js';
import type { ReportJson } from './report-types.js';
import { chartRows, ReportChartCard } from './report-chart-card.js';

export function MembershipCharts({ report }: { report: ReportJson }) {
  const rows = chartRows(report, 'by-month').map((r) => ({ ...r, revenue: Number(r.revenueCents ?? 0) / 100 }));
  if (rows.length === 0) return null;
  return (
    <ReportChartCard title="Membership revenue by month (dollars)">
      <BarChart h={240} data={rows} dataKey="month" series={[{ name: 'revenue', label: 'Revenue', color: 'teal.7' }]} />
    </ReportChartCard>
  );
}
