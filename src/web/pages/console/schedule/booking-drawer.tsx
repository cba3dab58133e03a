import { Alert, Badge, Button, Checkbox, Drawer, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call, errorText, http, type Schemas } from '../../../api/client.js';
import { BOOKING_STATUS, prettyDate } from '../../../api/clinical-types.js';
import { useSession } from '../../../auth/session.js';
import { BookingMoney } from './booking-money.js';
import { CheckInPanel } from './check-in-panel.js';
import { ReschedulePanel } from './reschedule-panel.js';

type Booking = Schemas['Booking'];

const OVERRIDERS = ['owner', 'medical_director', 'front_desk'];
// the desk's view of a booking's money: package session, deposit, invoice
const BILLING = ['owner', 'front_desk', 'medical_director'];

/** A booking's details and what the desk can do with it: check in, no-show, move, cancel. */
export function BookingDrawer({ booking, onClose, onChanged }: { booking: Booking; onClose: () => void; onChanged: (b: Booking) => void }) {
  const { me } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [busy, setBusy] = useState(false);
  const canOverride = OVERRIDERS.includes(me?.role ?? '');
  const byId = { path: { bookingId: booking.id } };
  const act = async (request: () => Promise<{ data?: Booking; error?: unknown; response: Response }>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await call(request()));
    } catch (e) {
      setError(e instanceof ApiError && e.fields.length ? `${errorText(e)}` : errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const withOverride = () => (override && overrideReason.trim().length >= 5 ? { override: { reason: overrideReason } } : {});
  const status = BOOKING_STATUS[booking.status];
  const open = booking.status === 'confirmed' || booking.status === 'held';
  return (
    <Drawer opened onClose={onClose} position="right" size="md" title={`${booking.service.name}`} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        <Group gap="xs">
          <Badge color={status.color}>{status.label}</Badge>
          {booking.seriesIndex ? <Badge variant="light">Session {booking.seriesIndex}</Badge> : null}
        </Group>
        <Text>
          {prettyDate(booking.localDate)} at {booking.localTime} ({booking.timeZone})
        </Text>
        <Text size="sm">
          Client: <Link to={`/console/clients/${booking.client.id}`}>{booking.client.name}</Link> · {booking.client.phone ?? 'no phone'}
        </Text>
        <Text size="sm">
          Provider: {booking.provider.name}
          {booking.room ? ` · ${booking.room.name}` : ''}
          {booking.device ? ` · ${booking.device.model} (${booking.device.serial})` : ''}
        </Text>
        {BILLING.includes(me?.role ?? '') ? <BookingMoney bookingId={booking.id} status={booking.status} /> : null}
        {booking.overrideReason ? <Text size="sm">Rules overridden: {booking.overrideReason}</Text> : null}
        {booking.service.kind === 'treatment' && ['checked_in', 'completed'].includes(booking.status) && (me?.role === 'provider' || me?.role === 'medical_director') ? (
          <Button component={Link} to={`/console/bookings/${booking.id}/chart`} variant="light">
            {booking.status === 'completed' ? 'Open chart' : 'Chart this session'}
          </Button>
        ) : null}
        {booking.cancelReason ? <Text size="sm">Cancelled: {booking.cancelReason}</Text> : null}
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        {canOverride && open ? (
          <Stack gap={4}>
            <Checkbox label="Override booking rules (never overlaps)" checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} />
            {override ? <TextInput label="Reason for the override" value={overrideReason} onChange={(e) => setOverrideReason(e.currentTarget.value)} /> : null}
          </Stack>
        ) : null}
        {booking.status === 'confirmed' ? <CheckInPanel booking={booking} busy={busy} act={act} withOverride={withOverride} overriding={override} /> : null}
        {open ? (
          <>
            <ReschedulePanel booking={booking} override={withOverride()} onChanged={onChanged} />
            <Group align="flex-end">
              <TextInput label="Cancellation reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: 1 }} />
              <Button color="red" variant="light" disabled={reason.trim().length < 2} onClick={() => void act(() => http.POST('/api/bookings/{bookingId}/cancel', { params: byId, body: { reason } }))} loading={busy}>
                Cancel booking
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Drawer>
  );
}
