// A location's price list: every price per service, newest first, with the one in force today
// marked; and its packages. The owner adds prices and packages; other staff read.
import { Badge, Card, Select, Stack, Table, Text, Title } from '@mantine/core';
import { ScrollTable } from '../../../components/billing/scroll-table.js';
import { useState } from 'react';
import type { Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { cents } from '../../../api/billing-types.js';
import { calendarDate } from '../../../api/dates.js';
import { useSession } from '../../../auth/session.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';
import { AddPackageForm, AddPriceForm } from './price-forms.js';

type PriceList = Schemas['PriceList'];
type PriceItem = PriceList['items'][number];

/** Today's date where the clinic is, so "in force today" matches what the API charges. */
const todayIn = (timeZone: string | undefined) => new Date().toLocaleDateString('en-CA', { timeZone: timeZone ?? 'UTC' });

function byService(items: PriceItem[]) {
  const groups = new Map<string, PriceItem[]>();
  for (const i of items) groups.set(i.serviceCode, [...(groups.get(i.serviceCode) ?? []), i]);
  return [...groups.entries()].map(([code, list]) => ({ code, list: list.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom)) }));
}

function PriceTable({ code, list, today }: { code: string; list: PriceItem[]; today: string }) {
  const current = list.find((i) => i.effectiveFrom <= today);
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb="xs">
        {list[0]?.name ?? code} <Text span size="sm" c="dimmed">({code})</Text>
      </Title>
      <ScrollTable minWidth={380} label={`Prices of ${code}`}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Effective from</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Price</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{calendarDate(i.effectiveFrom)}</Table.Td>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td>{cents(i.priceCents, i.currency)}</Table.Td>
                <Table.Td>
                  {i === current ? (
                    <Badge variant="light" color="teal">
                      In force today
                    </Badge>
                  ) : i.effectiveFrom > today ? (
                    <Badge variant="light" color="blue">
                      From {calendarDate(i.effectiveFrom)}
                    </Badge>
                  ) : (
                    <Text size="sm">Earlier price</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Card>
  );
}

function PackagesTable({ list }: { list: PriceList['packages'] }) {
  if (!list.length) return <Text size="sm">No packages at this location yet.</Text>;
  return (
    <ScrollTable minWidth={480} label="Packages">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Package</Table.Th>
            <Table.Th>Service</Table.Th>
            <Table.Th>Sessions</Table.Th>
            <Table.Th>Price</Table.Th>
            <Table.Th>Valid for</Table.Th>
            <Table.Th>On sale</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.serviceCode}</Table.Td>
              <Table.Td>{p.sessions}</Table.Td>
              <Table.Td>{cents(p.priceCents, p.currency)}</Table.Td>
              <Table.Td>{p.validDays} days</Table.Td>
              <Table.Td>{p.active ? 'Yes' : 'No'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function PricesTab() {
  const { me } = useSession();
  const owner = me?.role === 'owner';
  const org = useGet('/api/organization', {});
  const services = useGet('/api/services', {});
  const [locationId, setLocationId] = useState<string | null>(null);
  const loc = org.data?.locations.find((l) => l.id === locationId) ?? org.data?.locations[0];
  const prices = useGet('/api/locations/{locationId}/prices', loc ? { params: { path: { locationId: loc.id } } } : null);
  const today = todayIn(loc?.timeZone);
  const groups = byService(prices.data?.items ?? []);
  return (
    <Stack>
      <Select label="Location" data={org.data?.locations.map((l) => ({ value: l.id, label: l.name })) ?? []} value={loc?.id ?? null} onChange={setLocationId} allowDeselect={false} maw={360} />
      {prices.loading && !prices.data ? <Loading label="Loading prices" /> : null}
      {prices.error ? <ErrorAlert error={prices.error} /> : null}
      {prices.data ? (
        <>
          <Title order={2} size="h4">
            Prices
          </Title>
          {groups.length ? groups.map((g) => <PriceTable key={g.code} code={g.code} list={g.list} today={today} />) : <Empty title="No prices yet">Add the first price below.</Empty>}
          {owner && loc ? <AddPriceForm locationId={loc.id} services={services.data?.items ?? []} today={today} onAdded={prices.reload} /> : null}
          <Title order={2} size="h4">
            Packages
          </Title>
          <PackagesTable list={prices.data.packages} />
          {owner && loc ? <AddPackageForm locationId={loc.id} services={services.data?.items ?? []} onAdded={prices.reload} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
