import { Alert, Checkbox, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { call, errorText, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { useSession } from '../../../auth/session.js';
import { SlotPicker } from '../../../components/booking/slot-picker.js';

type AvailableSlot = Schemas['Slot'];
type Booking = Schemas['Booking'];

/** The front desk books for a client: client, service, then a free time from real availability. */
export function NewBookingModal({ locationId, from, onClose, onBooked }: { locationId: string; from: string; onClose: () => void; onBooked: (b: Booking) => void }) {
  const { me } = useSession();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const clients = useGet('/api/clients', { params: { query: { limit: 20, ...(debounced ? { q: debounced } : {}) } } });
  const services = useGet('/api/services', {});
  const [clientId, setClientId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const canOverride = ['owner', 'medical_director', 'front_desk'].includes(me?.role ?? '');
  const book = async (s: AvailableSlot) => {
    // free times show only once both are chosen
    if (!clientId || !serviceId) return;
    setError(null);
    try {
      const b = await call(
        http.POST('/api/bookings', {
          body: { locationId, serviceId, clientId, start: s.start, providerId: s.providerId, idempotencyKey: crypto.randomUUID(), ...(override ? { override: { reason } } : {}) },
        }),
      );
      onBooked(b);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal opened onClose={onClose} title="New booking" size="lg">
      <Stack>
        <Select
          label="Client"
          searchable
          searchValue={q}
          onSearchChange={setQ}
          data={clients.data?.items.map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName}${c.phone ? ` · ${c.phone}` : ''}` })) ?? []}
          value={clientId}
          onChange={setClientId}
          nothingFoundMessage="No client found"
        />
        <Select label="Service" data={services.data?.items.map((s) => ({ value: s.id, label: `${s.name} (${s.durationMin} min)` })) ?? []} value={serviceId} onChange={setServiceId} />
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
        {clientId && serviceId ? <SlotPicker key={override ? 'any' : clientId} locationId={locationId} serviceId={serviceId} from={from} clientId={override ? undefined : clientId} picked={null} onPick={(s) => void book(s)} /> : <Text c="dimmed" size="sm">Choose the client and the service to see free times.</Text>}
      </Stack>
    </Modal>
  );
}
