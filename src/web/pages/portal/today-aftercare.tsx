// Today's aftercare on the portal home: what to avoid and do right now after the latest treatment,
// and a check-in that is due; the full card (with the symptom form) is on My care.
import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client.js';

type Journey = Schemas['AftercareJourney'];

const KIND_LABEL: Record<Schemas['AftercareItem']['kind'], string> = { avoid: 'Avoid', do: 'Do', expect: 'Expect' };
const KIND_COLOR: Record<Schemas['AftercareItem']['kind'], string> = { avoid: 'red', do: 'teal', expect: 'blue' };

const until = (iso: string, timeZone: string) => new Date(iso).toLocaleString('en-US', { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone });

/** The newest journey that still has something to say today, or nothing at all. */
export function currentJourney(a: Schemas['Aftercare'] | undefined): Journey | null {
  const journeys = [...(a?.journeys ?? [])].sort((x, y) => Date.parse(y.treatedAt) - Date.parse(x.treatedAt));
  return journeys.find((j) => j.now.length > 0 || j.checkIns.some((c) => c.due && !c.answeredAt)) ?? null;
}

export function TodayAftercare({ journey }: { journey: Journey }) {
  const due = journey.checkIns.find((c) => c.scheduled && c.due && !c.answeredAt);
  const order = { avoid: 0, do: 1, expect: 2 } as const;
  const items = [...journey.now].sort((a, b) => order[a.kind] - order[b.kind]);
  return (
    <Card component="section" withBorder radius="md" padding="md" aria-labelledby="today-aftercare-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="today-aftercare-title">
          Today&apos;s aftercare
        </Title>
        {items.length ? (
          <List spacing={6} size="sm" listStyleType="none" pl={0}>
            {items.map((i) => (
              <List.Item key={i.id}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Badge size="sm" variant="light" color={KIND_COLOR[i.kind]} style={{ flexShrink: 0 }}>
                    {KIND_LABEL[i.kind]}
                  </Badge>
                  <Text size="sm">
                    {i.text}
                    {i.to ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        until {until(i.to, journey.timeZone)}
                      </Text>
                    ) : null}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">Nothing special to do today.</Text>
        )}
        {due ? <Alert color="orange">Your day {due.day} check-in is due: tell us how your skin is.</Alert> : null}
        <Button component={Link} to="/portal/care" variant={due ? 'filled' : 'default'}>
          {due ? 'Answer my check-in' : 'See all my aftercare'}
        </Button>
      </Stack>
    </Card>
  );
}
