// The portal's memberships: the client's own, with credits and the changes the plan allows, and the
// plans on sale with how to join (at the desk until joining online is offered: never a button the
// client cannot then use).
import { Card, Stack, Text, Title } from '@mantine/core';
import { useGet } from '../../api/use-api.js';
import { ErrorAlert, Loading } from '../../components/states.js';
import { MembershipCard } from '../../components/billing/membership-card.js';

const today = () => new Date().toLocaleDateString('en-CA');

export function MembershipSection({ clientId }: { clientId: string }) {
  const data = useGet('/api/clients/{clientId}/memberships', { params: { path: { clientId } } });
  if (data.error) return <ErrorAlert error={data.error} title="Your membership could not be loaded" />;
  if (!data.data) return <Loading label="Loading your membership" />;
  const live = data.data.memberships.filter((m) => m.status !== 'cancelled');
  if (!live.length && !data.data.plans.length) return null;
  return (
    <Stack>
      {live.map((m) => (
        <MembershipCard key={`${m.id}-${m.status}-${m.resumeOn}-${m.cancelRequestedOn}`} membership={m} today={today()} onChanged={() => data.reload()} />
      ))}
      {!live.length ? (
        <Card withBorder>
          <Title order={2} size="h4">Memberships</Title>
          <Stack gap="xs" mt="xs">
            {data.data.plans.map((p) => (
              <div key={p.id}>
                <Text fw={600} size="sm">{p.name}</Text>
                <Text size="sm">{p.summary}</Text>
              </div>
            ))}
            {data.data.joinNote ? <Text size="sm" c="dimmed">{data.data.joinNote}</Text> : null}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
