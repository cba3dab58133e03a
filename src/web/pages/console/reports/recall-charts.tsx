// Recall report: per flow, the messages sent and the bookings made within 14 days of them.
import { BarChart } from '../../../components/charts.js';
import type { ReportJson } from './report-types.js';
import { chartRows, ReportChartCard } from './report-chart-card.js';

export function RecallCharts({ report }: { report: ReportJson }) {
  const rows = chartRows(report, 'by_flow');
  if (rows.length === 0) return null;
  return (
    <ReportChartCard title="Recall messages sent and bookings made within 14 days">
      <BarChart
        h={240}
        data={rows}
        dataKey="flow"
        series={[
          { name: 'sent', label: 'Messages sent', color: 'blue.7' },
          { name: 'booked', label: 'Booked within 14 days', color: 'teal.7' },
        ]}
      />
    </ReportChartCard>
  );
}
