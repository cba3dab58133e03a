import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useGet } from '../../../api/use-api.js';
import { useSession } from '../../../auth/session.js';
import { Page } from '../../../components/page.js';
import { StaffTab } from './staff-tab.js';
import { SecurityTab } from './security-tab.js';
import { OutboxTab } from './outbox-tab.js';
import { ClinicalTab } from './clinical-tab.js';
import { SchedulingTab } from './scheduling-tab.js';
import { CalendarFeedCard } from './calendar-feed-card.js';
import { PublicProfileCard } from './profile-modal.js';
import { LotsTab } from './lots-tab.js';
import { BillingTab } from './billing-tab.js';
import { PricesTab } from './prices-tab.js';
import { BackupsTab } from './backups-tab.js';
import { ExportTab } from './export-tab.js';
import { WebhooksTab } from './webhooks-tab.js';
import { RecallTab } from './recall-tab.js';
import { MembershipsTab } from '../memberships/memberships-tab.js';
import { OnlineBookingCard } from './online-booking-card.js';
import { LocationModal } from './location-modal.js';
import type { Schemas } from '../../../api/client.js';

function LocationsTab() {
  const { me } = useSession();
  const org = useGet('/api/organization', {});
  // null: adding one; a location: editing it; undefined: the form is closed
  const [editing, setEditing] = useState<Schemas['Location'] | null | undefined>(undefined);
  const owner = me?.role === 'owner';
  return (
    <Stack>
      <OnlineBookingCard />
      {org.error ? (
        <Alert color="red" role="alert">
          The locations could not be loaded. Reload the page to try again.
        </Alert>
      ) : null}
      {org.loading && !org.data ? <Loader size="sm" aria-label="Loading the locations" /> : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {org.data?.locations.map((l) => (
          <Card key={l.id} withBorder>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Title order={2} size="h5">
                {l.name}
              </Title>
              {owner ? (
                <Button size="xs" variant="light" onClick={() => setEditing(l)} aria-label={`Edit ${l.name}`}>
                  Edit
                </Button>
              ) : null}
            </Group>
            <Text size="sm">{l.address || 'No address yet'}</Text>
            <Text size="sm">{l.phone}</Text>
            <Text size="sm" c="dimmed">
              Time zone {l.timeZone} · State {l.state} (scope-of-practice rules)
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {owner ? (
        <Group>
          <Button variant="light" onClick={() => setEditing(null)}>
            Add a location
          </Button>
        </Group>
      ) : null}
      {editing !== undefined ? (
        <LocationModal
          location={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            org.reload();
          }}
        />
      ) : null}
    </Stack>
  );
}

export function SettingsPage() {
  const { me } = useSession();
  // ?tab=lots opens a tab directly (the chart's "Receive a lot" link)
  const [params] = useSearchParams();
  const role = me?.role;
  const tabs = [
    {
      value: 'security',
      label: 'Security',
      show: true,
      el: (
        <>
          <SecurityTab />
          <CalendarFeedCard />
          <PublicProfileCard />
        </>
      ),
    },
    { value: 'staff', label: 'Staff', show: role === 'owner' || role === 'medical_director', el: <StaffTab /> },
    { value: 'clinical', label: 'Clinical windows', show: role === 'owner' || role === 'medical_director' || role === 'provider', el: <ClinicalTab /> },
    { value: 'locations', label: 'Locations', show: true, el: <LocationsTab /> },
    { value: 'scheduling', label: 'Scheduling', show: role !== 'client', el: <SchedulingTab /> },
    // the owner edits prices and billing; other staff read them
    { value: 'prices', label: 'Prices', show: role !== 'client', el: <PricesTab /> },
    { value: 'billing', label: 'Billing', show: role !== 'client', el: <BillingTab /> },
    { value: 'memberships', label: 'Memberships', show: role !== 'client', el: <MembershipsTab /> },
    { value: 'lots', label: 'Cartridge lots', show: role === 'owner' || role === 'medical_director' || role === 'provider', el: <LotsTab /> },
    // recall flows write to clients on the clinic's behalf: the owner's to set
    { value: 'recall', label: 'Recall', show: role === 'owner', el: <RecallTab /> },
    { value: 'outbox', label: 'Outbox', show: role === 'owner' || role === 'front_desk', el: <OutboxTab /> },
    // a backup holds every record of the installation: the owner's alone
    { value: 'backups', label: 'Backups', show: role === 'owner', el: <BackupsTab /> },
    // the clinic's full export holds every record of the clinic: the owner's alone
    { value: 'export', label: 'Export', show: role === 'owner', el: <ExportTab /> },
    // endpoints hear of every booking and payment of the clinic: the owner's alone
    { value: 'webhooks', label: 'Webhooks', show: role === 'owner', el: <WebhooksTab /> },
  ].filter((t) => t.show);
  return (
    <Page title="Settings">
      <Tabs defaultValue={tabs.some((t) => t.value === params.get('tab')) ? params.get('tab') : 'security'} keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            {t.el}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
