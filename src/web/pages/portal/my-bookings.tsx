import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { BOOKING_STATUS, prettyDate } from '../../api/clinical-types.js';
import { Empty } from '../../components/states.js';

/** The client's upcoming and past bookings; upcoming ones can be cancelled. */
export function MyBookings({ clientId, reloadKey }: { clientId: string; reloadKey: number }) {
  const list = useGet('/api/clients/{clientId}/bookings', { params: { path: { clientId } } });
  // a new reloadKey (a booking made elsewhere on the page) loads the list again
  const { reload } = list;
  const shownKey = useRef(reloadKey);
  useEffect(() => {
    if (shownKey.current === reloadKey) return;
    shownKey.current = reloadKey;
    reload();
  }, [reloadKey, reload]);
  const [error, setError] = useState<string | null>(null);
  const now = Date.now();
  const upcoming = (list.data?.items ?? []).filter((b) => Date.parse(b.end) >= now && ['held', 'confirmed', 'checked_in'].includes(b.status)).reverse();
  const cancel = async (b: Schemas['Booking']) => {
    setError(null);
    try {
      await call(http.POST('/api/bookings/{bookingId}/cancel', { params: { path: { bookingId: b.id } }, body: { reason: 'cancelled by the client' } }));
      list.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack>
      <Title order={2} size="h4">
        My bookings
      </Title>
      {error ? <Alert color="red">{error}</Alert> : null}
      {list.data && upcoming.length === 0 ? <Empty title="Nothing booked yet">Your upcoming visits will appear here.</Empty> : null}
      {upcoming.map((b) => (
        <Card key={b.id} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text fw={600}>
                {b.service.name}
                {b.seriesIndex ? ` · session ${b.seriesIndex}` : ''}
              </Text>
              <Text size="sm" c="dimmed">
                {prettyDate(b.localDate)} at {b.localTime} · {b.provider.name} · {b.location.name}
              </Text>
            </div>
            <Group gap="xs">
              <Badge color={BOOKING_STATUS[b.status].color}>{BOOKING_STATUS[b.status].label}</Badge>
              {b.status === 'confirmed' || b.status === 'held' ? (
                <Button size="xs" variant="subtle" color="red" onClick={() => void cancel(b)}>
                  Cancel
                </Button>
              ) : null}
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
