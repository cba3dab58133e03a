// Rebooking report: the share of completed sessions rebooked within the protocol interval, per modality.
import { BarChart } from '../../../components/charts.js';
import type { ReportJson } from './report-types.js';
import { percent } from './report-format.js';
import { chartRows, ReportChartCard } from './report-chart-card.js';

export function RebookingCharts({ report }: { report: ReportJson }) {
  const rows = chartRows(report, 'by_modality');
  if (rows.length === 0) return null;
  return (
    <ReportChartCard title="Rebooked within the interval, by modality">
      <BarChart
        h={220}
        data={rows}
        dataKey="modality"
        yAxisProps={{ domain: [0, 1] }}
        series={[{ name: 'rate', label: 'Rebooked in interval', color: 'teal.7' }]}
        valueFormatter={percent}
      />
    </ReportChartCard>
  );
}
