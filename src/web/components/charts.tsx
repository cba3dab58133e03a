// Charts (@mantine/charts over recharts, the largest library in the app) load when a page first
// draws one: the same props as @mantine/charts, with a placeholder of the chart's height meanwhile.
import { Skeleton } from '@mantine/core';
import type { BarChartProps, DonutChartProps, LineChartProps } from '@mantine/charts';
import { lazy, Suspense, type ReactNode } from 'react';

const load = () => import('./charts-impl.js');
const LazyBar = lazy(async () => ({ default: (await load()).BarChart }));
const LazyDonut = lazy(async () => ({ default: (await load()).DonutChart }));
const LazyLine = lazy(async () => ({ default: (await load()).LineChart }));

function Placeholder({ h, children }: { h: unknown; children: ReactNode }) {
  const height = typeof h === 'number' ? h : 250;
  return <Suspense fallback={<Skeleton h={height} role="status" aria-label="Loading chart" />}>{children}</Suspense>;
}

export function BarChart(props: BarChartProps) {
  return (
    <Placeholder h={props.h}>
      <LazyBar {...props} />
    </Placeholder>
  );
}

export function LineChart(props: LineChartProps) {
  return (
    <Placeholder h={props.h}>
      <LazyLine {...props} />
    </Placeholder>
  );
}

export function DonutChart(props: DonutChartProps) {
  return (
    <Placeholder h={props.h ?? props.size}>
      <LazyDonut {...props} />
    </Placeholder>
  );
}
