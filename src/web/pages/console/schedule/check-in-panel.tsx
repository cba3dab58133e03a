// The check-in part of the booking drawer: before the click it says whether today is the visit's day
// (the server's clinic date), lists the consents the client still has to sign with the in-clinic
// hand-off, and asks that the health answers are unchanged. Others than the medical director check in
// only on the visit's day; the medical director may check in on another day with a reason.
import { Alert, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { useSession } from '../../../auth/session.js';
import { ConsentChecklist } from '../../../components/clinical/consent-handoff.js';

type Booking = Schemas['Booking'];
type Act = (request: () => Promise<{ data?: Booking; error?: unknown; response: Response }>) => Promise<void>;
/** A calendar date as "March 2, 2027", whatever the viewer's zone. */
const visitDay = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

export function CheckInPanel({ booking, busy, act, withOverride, overriding }: { booking: Booking; busy: boolean; act: Act; withOverride: () => { override?: { reason: string } }; overriding: boolean }) {
  const { me } = useSession();
  const status = useGet('/api/bookings/{bookingId}/check-in-status', { params: { path: { bookingId: booking.id } } });
  const [answersConfirmed, setAnswersConfirmed] = useState(false);
  const [offDayReason, setOffDayReason] = useState('');
  const treatment = booking.service.kind === 'treatment';
  const byId = { path: { bookingId: booking.id } };
  const isDirector = me?.role === 'medical_director';
  const s = status.data;
  const offDay = s ? !s.onVisitDay : false;
  const checkIn = (extra: { override?: { reason: string } }) =>
    void act(() => http.POST('/api/bookings/{bookingId}/check-in', { params: byId, body: { ...extra, ...(treatment ? { answersConfirmed } : {}) } }));

  return (
    <Stack gap="sm">
      {status.error ? <Text size="sm" c="red.9">Could not load the check-in status; check in may still be refused.</Text> : null}
      {offDay && s ? (
        <Alert color="yellow" title="Not the visit's day" role="status">
          This visit is on {visitDay(s.visitDate)}; check in on that day.
          {isDirector ? ' As medical director you may check the client in today, with a reason.' : ''}
        </Alert>
      ) : null}
      {s && s.consents.length ? (
        <ConsentChecklist clientId={booking.client.id} clientName={booking.client.name} items={s.consents} modality={booking.service.modality ?? null} planId={booking.planId ?? null} />
      ) : null}
      {treatment ? (
        <Stack gap={4}>
          <Checkbox label="The client confirmed their health answers are unchanged" checked={answersConfirmed} onChange={(e) => setAnswersConfirmed(e.currentTarget.checked)} />
          <Text size="xs" c="dimmed">
            Something changed? <Link to={`/console/clients/${booking.client.id}/questionnaire`}>Update the answers</Link>: the client is screened again before treatment.
          </Text>
        </Stack>
      ) : null}
      <Group>
        {!offDay ? (
          <Button onClick={() => checkIn(withOverride())} loading={busy} disabled={!s || (treatment && !answersConfirmed && !overriding)}>
            Check in
          </Button>
        ) : null}
        {Date.parse(booking.start) <= Date.now() ? (
          <Button variant="light" color="red" onClick={() => void act(() => http.POST('/api/bookings/{bookingId}/no-show', { params: byId }))} loading={busy}>
            Mark no-show
          </Button>
        ) : null}
      </Group>
      {offDay && isDirector ? (
        <Stack gap={4}>
          <Textarea label="Reason for checking in on another day" description="Kept in the audit trail." value={offDayReason} onChange={(e) => setOffDayReason(e.currentTarget.value)} required autosize minRows={2} />
          <Group>
            <Button color="orange" loading={busy} disabled={offDayReason.trim().length < 5} onClick={() => checkIn({ override: { reason: offDayReason.trim() } })}>
              Check in anyway
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
