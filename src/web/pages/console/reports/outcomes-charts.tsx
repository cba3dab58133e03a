// Outcomes report: GAIS follow-up ratings per protocol, and adverse events per 100 sessions.
import { BarChart } from '../../../components/charts.js';
import { SimpleGrid } from '@mantine/core';
import type { ReportJson } from './report-types.js';
import { chartRows, ReportChartCard } from './report-chart-card.js';

// best to worst, in the order of the GAIS columns
const GAIS_COLORS = ['teal.8', 'teal.6', 'cyan.6', 'gray.5', 'red.7'];

export function OutcomesCharts({ report }: { report: ReportJson }) {
  const gais = chartRows(report, 'gais');
  const labels = report.tables.find((t) => t.name === 'gais')?.columns.filter((c) => c.key !== 'modality') ?? [];
  const events = chartRows(report, 'by_protocol').filter((r) => typeof r.adverseEventsPer100 === 'number');
  // by rows, not by headline figures: a month of follow-ups with no sessions still has ratings to draw
  if (gais.length === 0 && events.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: gais.length && events.length ? 2 : 1 }} spacing="sm">
      {gais.length > 0 ? (
        <ReportChartCard title="GAIS follow-up ratings by protocol">
          <BarChart
            h={240}
            data={gais}
            dataKey="modality"
            type="stacked"
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            series={labels.map((c, i) => ({ name: c.key, label: c.label, color: GAIS_COLORS[i % GAIS_COLORS.length]! }))}
          />
        </ReportChartCard>
      ) : null}
      {events.length > 0 ? (
        <ReportChartCard title="Adverse events per 100 sessions by protocol">
          <BarChart h={240} data={events} dataKey="modality" series={[{ name: 'adverseEventsPer100', label: 'Per 100 sessions', color: 'red.7' }]} />
        </ReportChartCard>
      ) : null}
    </SimpleGrid>
  );
}
