// The client's next visit on the portal home: when (at the clinic's local time), where, with whom,
// what to do before, a calendar file, and moving or cancelling it while the clinic's policy allows.
import { Alert, Anchor, Badge, Button, Card, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconMapPin, IconUser } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { BOOKING_STATUS } from '../../api/clinical-types.js';
import { addDays } from '../../api/dates.js';
import { Loading } from '../../components/states.js';

// the time picker (and its select boxes) loads only when the client moves a visit, not with the home
const SlotPicker = lazy(async () => ({ default: (await import('../../components/booking/slot-picker.js')).SlotPicker }));

type Booking = Schemas['Booking'];

/** "Tuesday, December 8" at the clinic, whatever the viewer's zone. */
const longDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
/** "2:30 PM" from the clinic's "14:30". */
const clock = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return `${((h + 11) % 12) + 1}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
};
const zoneName = (timeZone: string) => timeZone.split('/').pop()!.replace(/_/g, ' ');
/** "Today", "Tomorrow" or the long date, by the calendar at the clinic. */
function dayName(date: string, timeZone: string) {
  const today = new Date().toLocaleDateString('en-CA', { timeZone });
  if (date === today) return 'Today';
  if (date === addDays(today, 1)) return 'Tomorrow';
  return longDate(date);
}

export function NextVisitCard({ booking, clientId, onChanged }: { booking: Booking; clientId: string; onChanged: () => void }) {
  const terms = useGet('/api/locations/{locationId}/booking-terms', { params: { path: { locationId: booking.location.id }, query: { serviceId: booking.service.id, clientId, date: booking.localDate } } });
  const [moving, setMoving] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<Schemas['Slot'] | null>(null);

  const hoursLeft = (Date.parse(booking.start) - Date.now()) / 3_600_000;
  const lateCancelHours = terms.data?.lateCancelHours ?? null;
  const changeable = (booking.status === 'confirmed' || booking.status === 'held') && lateCancelHours !== null && hoursLeft >= lateCancelHours;
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const status = BOOKING_STATUS[booking.status];
  const day = dayName(booking.localDate, booking.timeZone);
  // the full date under "Today" or "Tomorrow", and the clinic's zone when the viewer is elsewhere
  const subtitle = [day === longDate(booking.localDate) ? '' : longDate(booking.localDate), viewerZone !== booking.timeZone ? `${zoneName(booking.timeZone)} time` : ''].filter(Boolean).join(', ');

  const run = async (act: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await act();
      setMoving(false);
      setCancelling(false);
      setPicked(null);
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => run(() => call(http.POST('/api/bookings/{bookingId}/cancel', { params: { path: { bookingId: booking.id } }, body: { reason: 'cancelled by the client' } })));
  const move = (slot: Schemas['Slot']) => run(() => call(http.POST('/api/bookings/{bookingId}/reschedule', { params: { path: { bookingId: booking.id } }, body: { start: slot.start } })));

  return (
    <Card component="section" withBorder radius="md" padding="md" aria-labelledby="next-visit-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" c="dimmed" id="next-visit-title">
            Your next visit
          </Text>
          <Badge color={status.color} variant="light" style={{ flexShrink: 0 }}>
            {status.label}
          </Badge>
        </Group>
        <div>
          <Title order={2} size="h3">
            {day}, {clock(booking.localTime)}
          </Title>
          {subtitle ? <Text fw={600}>{subtitle}</Text> : null}
        </div>
        <Text>
          {booking.service.name}
          {booking.seriesIndex ? `, session ${booking.seriesIndex}` : ''}
        </Text>
        <Group gap={6} wrap="nowrap">
          <IconMapPin size={16} aria-hidden />
          <Text size="sm">{booking.location.name}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <IconUser size={16} aria-hidden />
          <Text size="sm">With {booking.provider.name}</Text>
        </Group>
        {booking.beforeVisit.length ? (
          <div>
            <Text fw={600} size="sm" mb={4}>
              Before your visit
            </Text>
            <List size="sm" spacing={4}>
              {booking.beforeVisit.map((t) => (
                <List.Item key={t}>{t}</List.Item>
              ))}
            </List>
          </div>
        ) : null}
        <Group gap="sm" wrap="wrap">
          <Button component="a" href={`/api/bookings/${booking.id}/ics`} download variant="light" leftSection={<IconCalendarPlus size={16} />}>
            Add to calendar
          </Button>
          {changeable ? (
            <>
              <Button variant="default" onClick={() => setMoving(true)}>
                Change time
              </Button>
              <Button variant="subtle" color="red" onClick={() => setCancelling(true)}>
                Cancel visit
              </Button>
            </>
          ) : null}
        </Group>
        {!changeable && lateCancelHours !== null && (booking.status === 'confirmed' || booking.status === 'held') ? (
          <Text size="sm" c="dimmed">
            It is less than {lateCancelHours} hours to your visit, so it can no longer be changed online. To change it, please call the clinic.
          </Text>
        ) : null}
        {changeable && lateCancelHours ? (
          <Text size="xs" c="dimmed">
            You can change or cancel online up to {lateCancelHours} hours before.
          </Text>
        ) : null}
        {error && !moving && !cancelling ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
      </Stack>

      <Modal opened={cancelling} onClose={() => setCancelling(false)} title="Cancel this visit?" fullScreen={false} centered>
        <Stack>
          <Text size="sm">
            {booking.service.name} on {longDate(booking.localDate)} at {clock(booking.localTime)}.
          </Text>
          {terms.data?.policy.length ? (
            <List size="sm" spacing={4}>
              {terms.data.policy.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          ) : null}
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(false)}>
              Keep my visit
            </Button>
            <Button color="red" loading={busy} onClick={() => void cancel()}>
              Cancel visit
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={moving} onClose={() => setMoving(false)} title="Choose a new time" size="lg">
        <Stack>
          {moving ? (
            <Suspense fallback={<Loading label="Loading the free times" />}>
              <SlotPicker locationId={booking.location.id} serviceId={booking.service.id} planId={booking.planId} rescheduling={booking.id} onPick={setPicked} picked={picked} />
            </Suspense>
          ) : null}
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Anchor component="button" type="button" size="sm" onClick={() => setMoving(false)}>
              Keep the current time
            </Anchor>
            <Button disabled={!picked} loading={busy} onClick={() => picked && void move(picked)}>
              {picked ? `Move to ${picked.localDate === booking.localDate ? '' : `${longDate(picked.localDate)}, `}${clock(picked.localTime)}` : 'Move my visit'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
