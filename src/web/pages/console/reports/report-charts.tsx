// Charts of the revenue, attendance, package and review reports, drawn from their tables.
import { BarChart, DonutChart, LineChart } from '../../../components/charts.js';
import { SimpleGrid } from '@mantine/core';
import type { ReportJson } from './report-types.js';
import { money } from './report-format.js';
import { barsHeight, chartRows, ReportChartCard } from './report-chart-card.js';

export function RevenueCharts({ report }: { report: ReportJson }) {
  const byDay = chartRows(report, 'by_day');
  const byService = chartRows(report, 'by_service');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <ReportChartCard title="Net revenue by day">
        <BarChart h={240} data={byDay} dataKey="date" series={[{ name: 'netCents', label: 'Net revenue', color: 'teal.7' }]} valueFormatter={money} tickLine="y" />
      </ReportChartCard>
      <ReportChartCard title="Net revenue by service">
        <BarChart
          h={barsHeight(byService.length)}
          data={byService}
          dataKey="service"
          orientation="vertical"
          yAxisProps={{ width: 140 }}
          series={[{ name: 'netCents', label: 'Net revenue', color: 'blue.7' }]}
          valueFormatter={money}
        />
      </ReportChartCard>
    </SimpleGrid>
  );
}

const STATUS_SLICES = [
  { key: 'completed', name: 'Completed', color: 'teal.7' },
  { key: 'checkedIn', name: 'Checked in', color: 'blue.7' },
  { key: 'confirmed', name: 'Confirmed', color: 'indigo.4' },
  { key: 'cancelled', name: 'Cancelled', color: 'gray.6' },
  { key: 'lateCancelled', name: 'Late cancelled', color: 'orange.7' },
  { key: 'noShow', name: 'No-show', color: 'red.7' },
];

export function AttendanceCharts({ report }: { report: ReportJson }) {
  const data = STATUS_SLICES.map((s) => ({ name: s.name, color: s.color, value: Number(report.summary[s.key] ?? 0) })).filter((d) => d.value > 0);
  return (
    <ReportChartCard title="Bookings by outcome">
      <DonutChart data={data} withLabels withLabelsLine={false} labelsType="value" withTooltip chartLabel={`${report.summary.bookings ?? 0} bookings`} size={200} thickness={28} mx="auto" />
    </ReportChartCard>
  );
}

export function PackageCharts({ report }: { report: ReportJson }) {
  const rows = chartRows(report, 'by_package');
  return (
    <ReportChartCard title="Outstanding sessions by package">
      <BarChart h={barsHeight(rows.length)} data={rows} dataKey="package" orientation="vertical" yAxisProps={{ width: 140 }} series={[{ name: 'outstanding', label: 'Sessions outstanding', color: 'grape.7' }]} />
    </ReportChartCard>
  );
}

export function ReviewCharts({ report }: { report: ReportJson }) {
  const rows = chartRows(report, 'by_month');
  return (
    <ReportChartCard title="Average rating by month (published reviews)">
      <LineChart h={220} data={rows} dataKey="month" series={[{ name: 'averageRating', label: 'Average rating', color: 'yellow.8' }]} yAxisProps={{ domain: [1, 5] }} connectNulls curveType="linear" />
    </ReportChartCard>
  );
}
