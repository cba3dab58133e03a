// Aftercare for the client portal: what to avoid, do and expect right now, what's coming up, check-ins and a symptom report.
import { Badge, Card, Group, List, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconBan, IconCheck, IconCircleCheck, IconClock, IconInfoCircle } from '@tabler/icons-react';
import type { Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { ErrorAlert, Loading } from '../../components/states.js';
import { SymptomReportForm } from './symptom-report.js';

type Kind = Schemas['AftercareItem']['kind'];

function fmt(iso: string, timeZone: string, opts: Intl.DateTimeFormatOptions): string {
  try {
    return new Date(iso).toLocaleString(undefined, { ...opts, timeZone });
  } catch {
    return new Date(iso).toLocaleString(undefined, opts);
  }
}

const whenShort = (iso: string, tz: string) => fmt(iso, tz, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
const dateLong = (iso: string, tz: string) => fmt(iso, tz, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

const GROUPS: { kind: Kind; title: string; color: string; icon: typeof IconBan }[] = [
  { kind: 'avoid', title: 'Avoid', color: 'red.9', icon: IconBan },
  { kind: 'do', title: 'Do', color: 'teal.9', icon: IconCheck },
  { kind: 'expect', title: 'What to expect', color: 'blue.8', icon: IconInfoCircle },
];

export function AftercareCard({ clientId }: { clientId: string }) {
  const { data, error, loading, reload } = useGet('/api/clients/{clientId}/aftercare', { params: { path: { clientId } } });
  if (loading && !data) return <Loading label="Loading your aftercare" />;
  if (error && !data) return <ErrorAlert error={error} title="Could not load your aftercare" />;
  if (!data || data.journeys.length === 0) return null;

  const journey = [...data.journeys].sort((a, b) => Date.parse(b.treatedAt) - Date.parse(a.treatedAt))[0]!;
  const tz = journey.timeZone;
  const dueCheckIn = journey.checkIns.find((c) => c.scheduled && c.due && !c.answeredAt);
  const checkIns = [...journey.checkIns].sort((a, b) => a.day - b.day);
  const answeredCount = checkIns.filter((c) => c.answeredAt).length;

  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            Your aftercare
          </Title>
          <Text size="sm">Treated {dateLong(journey.treatedAt, tz)}</Text>
        </div>

        <section aria-labelledby={`ac-now-${journey.id}`}>
          <Title order={3} size="h5" id={`ac-now-${journey.id}`} mb="xs">
            Right now
          </Title>
          {journey.now.length === 0 ? (
            <Text size="sm">Nothing special to do right now.</Text>
          ) : (
            <Stack gap="sm">
              {GROUPS.map((g) => {
                const items = journey.now.filter((i) => i.kind === g.kind);
                if (items.length === 0) return null;
                const Icon = g.icon;
                return (
                  <div key={g.kind}>
                    <Text fw={700} size="sm" c={g.color} mb={4}>
                      {g.title}
                    </Text>
                    <List spacing={6} size="sm" icon={<Icon size={16} aria-hidden color={`var(--mantine-color-${g.color.replace('.', '-')})`} />}>
                      {items.map((i) => (
                        <List.Item key={i.id}>
                          <Text size="sm" span>
                            {i.text}
                          </Text>{' '}
                          <Text size="xs" c="dimmed" span>
                            {i.to ? `until ${whenShort(i.to, tz)}` : 'ongoing'}
                          </Text>
                        </List.Item>
                      ))}
                    </List>
                  </div>
                );
              })}
            </Stack>
          )}
        </section>

        {journey.next.length > 0 ? (
          <section aria-labelledby={`ac-next-${journey.id}`}>
            <Title order={3} size="h5" id={`ac-next-${journey.id}`} mb="xs">
              Coming up
            </Title>
            <List spacing={6} size="sm" icon={<IconClock size={16} aria-hidden />}>
              {journey.next.map((i) => (
                <List.Item key={i.id}>
                  <Text size="sm" span>
                    {i.text}
                  </Text>{' '}
                  <Text size="xs" c="dimmed" span>
                    from {whenShort(i.from, tz)}
                  </Text>
                </List.Item>
              ))}
            </List>
          </section>
        ) : null}

        {checkIns.length > 0 ? (
          <section aria-labelledby={`ac-checkins-${journey.id}`}>
            <Title order={3} size="h5" id={`ac-checkins-${journey.id}`} mb="xs">
              Check-ins
            </Title>
            <Timeline active={answeredCount - 1} bulletSize={18} lineWidth={2}>
              {checkIns.map((c) => {
                const status = c.answeredAt ? 'answered' : c.due ? 'due now' : 'upcoming';
                return (
                  <Timeline.Item
                    key={c.id}
                    bullet={c.answeredAt ? <IconCircleCheck size={12} aria-hidden /> : undefined}
                    title={
                      <Group gap="xs" wrap="wrap">
                        <Text size="sm" fw={600}>
                          Day {c.day}
                        </Text>
                        <Badge size="sm" variant={status === 'due now' ? 'filled' : 'light'} color={status === 'answered' ? 'teal' : status === 'due now' ? 'orange.9' : 'gray'}>
                          {status === 'answered' ? 'Answered' : status === 'due now' ? 'Due now' : 'Upcoming'}
                        </Badge>
                      </Group>
                    }
                  >
                    <Text size="xs" c="dimmed">
                      {c.answeredAt ? `Answered ${whenShort(c.answeredAt, tz)}` : `Due ${whenShort(c.dueAt, tz)}`}
                    </Text>
                  </Timeline.Item>
                );
              })}
            </Timeline>
          </section>
        ) : null}

        <SymptomReportForm clientId={clientId} journey={journey} symptoms={data.symptoms} checkIn={dueCheckIn ? { id: dueCheckIn.id, day: dueCheckIn.day } : undefined} onSent={reload} />
      </Stack>
    </Card>
  );
}
