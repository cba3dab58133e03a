// Settings > Memberships: the plans of each location with what a member gets. The owner creates,
// edits and takes plans off sale; other staff read them.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { useSession } from '../../../auth/session.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';
import { PlanForm } from './plan-form.js';

type Plan = Schemas['MembershipPlan'];

export function MembershipsTab() {
  const { me } = useSession();
  const owner = me?.role === 'owner';
  const plans = useGet('/api/membership-plans', {});
  const org = useGet('/api/organization', {});
  // null: a new plan; a plan: editing it; undefined: closed
  const [editing, setEditing] = useState<Plan | null | undefined>(undefined);
  const locationName = (id: string) => org.data?.locations.find((l) => l.id === id)?.name ?? '';
  if (plans.error) return <ErrorAlert error={plans.error} title="The membership plans could not be loaded" />;
  if (!plans.data) return <Loading label="Loading the membership plans" />;
  return (
    <Stack>
      {owner ? (
        <Group>
          <Button onClick={() => setEditing(null)}>New plan</Button>
        </Group>
      ) : null}
      {plans.data.plans.length === 0 ? (
        <Empty title="No membership plans yet">{owner ? 'Create a plan: a monthly or yearly fee with member prices and included treatments.' : 'The owner creates membership plans here.'}</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {plans.data.plans.map((p) => (
            <Card key={p.id} withBorder>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <Title order={2} size="h5">{p.name}</Title>
                  <Text size="xs" c="dimmed">{locationName(p.locationId)}</Text>
                </div>
                <Badge variant="light" color={p.active ? 'teal' : 'gray'}>{p.active ? 'On sale' : 'Off sale'}</Badge>
              </Group>
              {p.description ? <Text size="sm" mt="xs">{p.description}</Text> : null}
              <Text size="sm" mt="xs">{p.summary}</Text>
              {owner ? (
                <Group mt="sm">
                  <Button size="xs" variant="light" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>Edit</Button>
                </Group>
              ) : null}
            </Card>
          ))}
        </SimpleGrid>
      )}
      {editing !== undefined ? (
        <PlanForm
          plan={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            plans.reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
