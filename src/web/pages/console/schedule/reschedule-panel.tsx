// Moving a visit from the booking drawer: choose a new time, read the change back (old → new), then
// move it. The picker closes and a notice offers "Undo" (the visit goes back) for a few seconds.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useState } from 'react';
import { call, errorText, http, type Schemas } from '../../../api/client.js';
import { todayIso } from '../../../api/dates.js';
import { prettyDate } from '../../../api/clinical-types.js';
import { SlotPicker } from '../../../components/booking/slot-picker.js';
import { longDate, Summary, zoneName } from './booking-confirm.js';
import { showUndo } from './undo-notice.js';

type Slot = Schemas['Slot'];
type Booking = Schemas['Booking'];

export function ReschedulePanel({ booking, override, onChanged }: { booking: Booking; override: { override?: { reason: string } }; onChanged: (b: Booking) => void }) {
  const [moving, setMoving] = useState(false);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const byId = { path: { bookingId: booking.id } };
  const overriding = Boolean(override.override);

  const move = async (s: Slot) => {
    setBusy(true);
    setError(null);
    try {
      const moved = await call(http.POST('/api/bookings/{bookingId}/reschedule', { params: byId, body: { start: s.start, providerId: s.providerId, undoable: true, ...override } }));
      setSlot(null);
      setMoving(false);
      onChanged(moved);
      showUndo({
        title: 'Visit moved',
        message: `${booking.client.name}: now ${prettyDate(moved.localDate)} at ${moved.localTime}.`,
        undoneMessage: `Back to ${prettyDate(booking.localDate)} at ${booking.localTime}.`,
        onUndo: async () => onChanged(await call(http.POST('/api/bookings/{bookingId}/undo', { params: byId }))),
      });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <Button
        variant="default"
        onClick={() => {
          setMoving((m) => !m);
          setSlot(null);
          setError(null);
        }}
      >
        {moving ? 'Keep this time' : 'Reschedule'}
      </Button>
      {moving && slot ? (
        <Paper withBorder p="sm" role="region" aria-labelledby="move-title">
          <Stack gap="xs">
            <Title order={3} size="h5" id="move-title">
              Move this visit?
            </Title>
            <Summary
              rows={[
                ['From', `${longDate(booking.localDate)} at ${booking.localTime}, ${booking.provider.name}`],
                ['To', `${longDate(slot.localDate)} at ${slot.localTime}, ${slot.providerName}`],
                ['Time zone', zoneName(booking.timeZone)],
              ]}
            />
            {error ? (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setSlot(null)} disabled={busy}>
                Choose another time
              </Button>
              <Button onClick={() => void move(slot)} loading={busy} rightSection={<IconArrowRight size={16} />}>
                Move the visit
              </Button>
            </Group>
            <Text size="xs">The client is told of the new time unless you undo within a few seconds.</Text>
          </Stack>
        </Paper>
      ) : moving ? (
        <SlotPicker
          key={overriding ? 'any' : booking.client.id}
          locationId={booking.location.id}
          serviceId={booking.service.id}
          from={todayIso()}
          clientId={overriding ? undefined : booking.client.id}
          planId={booking.planId}
          rescheduling={booking.id}
          picked={null}
          onPick={(s) => {
            setError(null);
            setSlot(s);
          }}
        />
      ) : null}
    </Stack>
  );
}
