// Utilisation report: the share of opening hours booked, per provider, room and device.
import { BarChart } from '../../../components/charts.js';
import { SimpleGrid } from '@mantine/core';
import type { ReportJson } from './report-types.js';
import { isEmptyReport, percent } from './report-format.js';
import { barsHeight, chartRows, ReportChartCard } from './report-chart-card.js';

const CHARTS = [
  { table: 'providers', title: 'Provider utilisation', color: 'teal.7' },
  { table: 'rooms', title: 'Room utilisation', color: 'blue.7' },
  { table: 'devices', title: 'Device utilisation', color: 'grape.7' },
];

export function UtilisationCharts({ report }: { report: ReportJson }) {
  if (isEmptyReport(report)) return null;
  const charts = CHARTS.map((c) => ({ ...c, rows: chartRows(report, c.table) })).filter((c) => c.rows.length > 0);
  if (charts.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: Math.min(charts.length, 3) }} spacing="sm">
      {charts.map((c) => (
        <ReportChartCard key={c.table} title={c.title}>
          <BarChart
            h={barsHeight(c.rows.length)}
            data={c.rows}
            dataKey="name"
            orientation="vertical"
            yAxisProps={{ width: 120 }}
            xAxisProps={{ domain: [0, 1] }}
            series={[{ name: 'utilisation', label: 'Booked share of opening hours', color: c.color }]}
            valueFormatter={percent}
          />
        </ReportChartCard>
      ))}
    </SimpleGrid>
  );
}
