import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useApi } from '../../api/use-api.js';
import type { Organization } from '../../api/types.js';
import { Page } from '../../components/page.js';
import { Empty } from '../../components/states.js';
import { useSession } from '../../auth/session.js';

export function SchedulePage() {
  const { me } = useSession();
  const org = useApi<Organization>('/api/organization');
  return (
    <Page title="Schedule" lead={`Good to see you, ${me?.user.name.split(' ')[0] ?? ''}.`}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {(org.data?.locations ?? []).map((l) => (
          <Card key={l.id} withBorder>
            <Title order={2} size="h5">
              {l.name}
            </Title>
            <Text size="sm" c="dimmed">
              {l.address} · {l.timeZone.replace('_', ' ')}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Empty title="No appointments to show yet">
        Consultations and treatment series will appear here by provider and by room once online booking is switched on for your locations.
      </Empty>
    </Page>
  );
}

export function ReportsPage() {
  return (
    <Page title="Reports" lead="Revenue, utilisation, rebooking and outcomes, with charts and CSV export.">
      <Empty title="Not enough activity to report on yet">Reports fill in as your team books, treats and takes payments in Dermis.</Empty>
    </Page>
  );
}
