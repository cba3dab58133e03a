// The owner's reports: one date range and location for every report, a tab per report. Each tab
// loads its report only when opened, then shows headline figures, charts and the tables behind
// them, each table downloadable as CSV.
import { Select, SimpleGrid, Stack, Tabs, TextInput } from '@mantine/core';
import { useState, type ComponentType } from 'react';
import { useGet } from '../../../api/use-api.js';
import { Page } from '../../../components/page.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';
import type { ReportJson } from './report-types.js';
import { isEmptyReport } from './report-format.js';
import { ReportTableView, StatCards } from './report-parts.js';
import { AttendanceCharts, PackageCharts, RevenueCharts, ReviewCharts } from './report-charts.js';
import { UtilisationCharts } from './utilisation-charts.js';
import { RebookingCharts } from './rebooking-charts.js';
import { OutcomesCharts } from './outcomes-charts.js';
import { RecallCharts } from './recall-charts.js';
import { MembershipCharts } from './membership-charts.js';

interface Tab {
  name: ReportJson['name'];
  label: string;
  Charts: ComponentType<{ report: ReportJson }>;
  emptyText: string;
}

const TABS: Tab[] = [
  { name: 'revenue', label: 'Revenue', Charts: RevenueCharts, emptyText: 'No invoices or payments in this period.' },
  { name: 'utilisation', label: 'Utilisation', Charts: UtilisationCharts, emptyText: 'No booked time in this period.' },
  { name: 'attendance', label: 'Attendance', Charts: AttendanceCharts, emptyText: 'No bookings started in this period.' },
  { name: 'package-liability', label: 'Packages', Charts: PackageCharts, emptyText: 'No packages sold by the end of this period.' },
  { name: 'rebooking', label: 'Rebooking', Charts: RebookingCharts, emptyText: 'No completed visits in this period.' },
  { name: 'outcomes', label: 'Outcomes', Charts: OutcomesCharts, emptyText: 'No outcomes recorded in this period.' },
  { name: 'reviews', label: 'Reviews', Charts: ReviewCharts, emptyText: 'No reviews left in this period.' },
  // the figures and the table say it all: no chart
  { name: 'gift-cards', label: 'Gift cards', Charts: () => null, emptyText: 'No gift cards sold by the end of this period.' },
  { name: 'recall', label: 'Recall', Charts: RecallCharts, emptyText: 'No recall messages sent in this period.' },
  { name: 'memberships', label: 'Memberships', Charts: MembershipCharts, emptyText: 'No memberships in this period.' },
];

const pad = (n: number) => String(n).padStart(2, '0');
/** today on the user's own calendar (not UTC, which is tomorrow in the evening in the Americas) */
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Range {
  from: string;
  to: string;
  locationId?: string;
}

function ReportPanel({ tab, query }: { tab: Tab; query: Range | null }) {
  const report = useGet('/api/reports/{name}', query === null ? null : { params: { path: { name: tab.name }, query } });
  if (query === null) return <Empty title="Choose a date range">Pick both a From and a To date.</Empty>;
  if (report.error) return <ErrorAlert error={report.error} title={`Could not load the ${tab.label.toLowerCase()} report`} />;
  if (report.loading || !report.data) return <Loading label={`Loading the ${tab.label.toLowerCase()} report`} />;
  const r = report.data;
  if (isEmptyReport(r)) return <Empty title="Nothing to report yet">{tab.emptyText}</Empty>;
  const csv = (table: string) => `/api/reports/${tab.name}?${new URLSearchParams({ ...query, format: 'csv', table }).toString()}`;
  const { Charts } = tab;
  return (
    <Stack gap="md">
      <StatCards summary={r.summary} />
      <Charts report={r} />
      {r.tables.map((t) => (
        <ReportTableView key={t.name} table={t} csvHref={csv(t.name)} />
      ))}
    </Stack>
  );
}

export function ReportsPage() {
  const today = localToday();
  // the last 30 days: on the first of a month "this month" would be a single, often empty, day
  const [from, setFrom] = useState(() => new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10));
  const [to, setTo] = useState(today);
  const [locationId, setLocationId] = useState('all');
  const [tab, setTab] = useState<string>(TABS[0]!.name);
  const org = useGet('/api/organization', {});
  const locations = [{ value: 'all', label: 'All locations' }, ...(org.data?.locations ?? []).map((l) => ({ value: l.id, label: l.name }))];
  const query: Range | null = DATE.test(from) && DATE.test(to) ? { from, to, ...(locationId !== 'all' ? { locationId } : {}) } : null;

  return (
    <Page title="Reports" lead="Revenue, utilisation, attendance, packages, rebooking, outcomes and reviews, with charts and CSV export.">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" maw={720}>
        <TextInput label="From" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="To" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.currentTarget.value)} />
        <Select label="Location" data={locations} value={locationId} onChange={(v) => setLocationId(v ?? 'all')} allowDeselect={false} />
      </SimpleGrid>
      {org.error ? <ErrorAlert error={org.error} title="Could not load your locations" /> : null}
      <Tabs value={tab} onChange={(v) => setTab(v ?? TABS[0]!.name)} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {TABS.map((t) => (
            <Tabs.Tab key={t.name} value={t.name}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((t) => (
          <Tabs.Panel key={t.name} value={t.name} pt="md">
            <ReportPanel tab={t} query={query} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
