// The chart module itself, reached only through components/charts.tsx so recharts and the chart
// styles travel in a chunk of their own.
import '@mantine/charts/styles.css';

export { BarChart, DonutChart, LineChart } from '@mantine/charts';
