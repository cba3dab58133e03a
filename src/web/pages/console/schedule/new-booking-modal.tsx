import { Alert, Checkbox, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { ApiError, call, errorText, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { useSession } from '../../../auth/session.js';
import { SlotPicker } from '../../../components/booking/slot-picker.js';
import { BookingConfirm } from './booking-confirm.js';
import { type ChosenClient, chosenName, ClientPicker, draftProblems, type NewClientDraft } from './client-picker.js';

type Slot = Schemas['Slot'];
type Booking = Schemas['Booking'];

const CLIENT_FIELDS = ['firstName', 'lastName', 'phone', 'email', 'dateOfBirth'] as const;

/**
 * The desk books on the phone in one flow: find the client or add a new one inline, the service (a
 * new client starts with the consultation), a free time, then a confirmation to read back before
 * anything is booked. The booking is made undoable; the schedule shows the notice with "Undo".
 */
export function NewBookingModal({ locationId, timeZone, rooms, from, onClose, onBooked }: { locationId: string; timeZone: string; rooms: { id: string; name: string }[]; from: string; onClose: () => void; onBooked: (b: Booking) => void }) {
  const { me } = useSession();
  const phone = useMediaQuery('(max-width: 48em)');
  const services = useGet('/api/services', {});
  const [client, setClient] = useState<ChosenClient | null>(null);
  const [chosenService, setServiceId] = useState<string | null>(null);
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof NewClientDraft, string>>>({});
  // a client added on an earlier try (the time was then taken) is not added twice
  const [created, setCreated] = useState<Schemas['Client'] | null>(null);
  const canOverride = ['owner', 'medical_director', 'front_desk'].includes(me?.role ?? '');
  const active = (services.data?.items ?? []).filter((s) => s.active);
  // a new client starts with the consultation; treatments need their screening first
  const serviceId = chosenService ?? (client?.kind === 'new' ? (active.find((s) => s.kind === 'consultation')?.id ?? null) : null);
  const service = active.find((s) => s.id === serviceId) ?? null;
  // free times show once the new client has a name; the other details are checked at the tap on a time
  const draftReady = client?.kind === 'new' && Boolean(client.draft.firstName.trim() && client.draft.lastName.trim());
  const clientReady = client?.kind === 'existing' || draftReady;
  const existingId = client?.kind === 'existing' ? client.client.id : (created?.id ?? undefined);

  const pick = (s: Slot) => {
    setError(null);
    if (client?.kind === 'new') {
      const problems = draftProblems(client.draft);
      setFieldErrors(problems);
      if (Object.keys(problems).length) return;
    }
    setSlot(s);
  };

  const confirm = async () => {
    if (!client || !service || !slot) return;
    setBusy(true);
    setError(null);
    try {
      let clientId = existingId;
      if (!clientId && client.kind === 'new') {
        const d = client.draft;
        try {
          const c = await call(http.POST('/api/clients', { body: { firstName: d.firstName.trim(), lastName: d.lastName.trim(), phone: d.phone.trim() || null, email: d.email.trim() || null, dateOfBirth: d.dateOfBirth || null } }));
          setCreated(c);
          clientId = c.id;
        } catch (e) {
          // the client's details were refused: back to the form, with each message under its field
          if (e instanceof ApiError) setFieldErrors(Object.fromEntries(e.fields.filter((f) => (CLIENT_FIELDS as readonly string[]).includes(f.path)).map((f) => [f.path, f.message])));
          setSlot(null);
          throw e;
        }
      }
      const b = await call(
        http.POST('/api/bookings', {
          body: { locationId, serviceId: service.id, clientId: clientId!, start: slot.start, providerId: slot.providerId, idempotencyKey: crypto.randomUUID(), undoable: true, ...(override ? { override: { reason } } : {}) },
        }),
      );
      onBooked(b);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title="New booking" size="lg" fullScreen={Boolean(phone)} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="sm">
        {slot && client && service ? (
          <BookingConfirm
            clientName={chosenName(client)}
            clientId={existingId}
            serviceName={service.name}
            locationId={locationId}
            serviceId={service.id}
            slot={slot}
            timeZone={timeZone}
            roomName={rooms.find((r) => r.id === slot.roomId)?.name ?? null}
            busy={busy}
            error={error}
            onConfirm={() => void confirm()}
            onBack={() => {
              setSlot(null);
              setError(null);
            }}
          />
        ) : (
          <>
            <ClientPicker
              value={client}
              onChange={(c) => {
                setClient(c);
                setFieldErrors({});
                if (c?.kind !== 'new') setCreated(null);
              }}
              errors={fieldErrors}
            />
            <Select label="Service" data={active.map((s) => ({ value: s.id, label: `${s.name} (${s.durationMin} min)` }))} value={serviceId} onChange={setServiceId} allowDeselect={false} />
            {canOverride ? (
              <>
                <Checkbox label="Override booking rules (screening, interval); overlaps stay impossible" checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} />
                {override ? <TextInput label="Reason for the override" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required /> : null}
              </>
            ) : null}
            {error ? (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            ) : null}
            {clientReady && serviceId ? (
              <SlotPicker
                key={`${serviceId}:${override ? 'any' : (existingId ?? 'new')}`}
                locationId={locationId}
                serviceId={serviceId}
                from={from}
                clientId={override ? undefined : existingId}
                picked={null}
                onPick={pick}
              />
            ) : (
              <Text size="sm">{client?.kind === 'new' && !draftReady ? 'Enter the new client’s first and last name to see free times.' : 'Choose the client and the service to see free times.'}</Text>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}
