// One chart of a report with its own heading: the chart is a picture of a table the page shows
// below, so screen readers get the heading and that pointer rather than the drawing.
import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ReportJson } from './report-types.js';

export const chartRows = (report: ReportJson, table: string) => report.tables.find((t) => t.name === table)?.rows ?? [];
/** enough height for one bar per row in a horizontal bar chart */
export const barsHeight = (n: number) => Math.max(160, n * 36 + 40);

export function ReportChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      <div role="img" aria-label={`${title}, as listed in the tables below`}>
        {children}
      </div>
    </Card>
  );
}
