// The owner adds a location or corrects one: name, address, phone, state and time zone. The server
// checks everything again and names each refused field.
import { Alert, Button, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { call, http, type Schemas } from '../../../api/client.js';
import { applyErrors, required } from '../../../components/form-errors.js';
import { US_STATES, US_TIME_ZONES } from '../../../../domain/shared/places.js';

const STATE_OPTIONS = Object.entries(US_STATES).map(([value, name]) => ({ value, label: `${name} (${value})` }));

/** US zones first, then every other zone the browser knows. */
function zoneOptions(current: string) {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const first = new Set<string>(US_TIME_ZONES);
  const others = all.filter((z) => !first.has(z) && z.includes('/') && !z.startsWith('Etc/'));
  if (current && !first.has(current) && !others.includes(current)) others.unshift(current);
  return [
    { group: 'United States', items: [...US_TIME_ZONES] },
    { group: 'Other time zones', items: others },
  ];
}

export function LocationModal({ location, onClose, onSaved }: { location: Schemas['Location'] | null; onClose: () => void; onSaved: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => zoneOptions(location?.timeZone ?? ''), [location]);
  const form = useForm({
    initialValues: { name: location?.name ?? '', address: location?.address ?? '', phone: location?.phone ?? '', state: location?.state ?? '', timeZone: location?.timeZone ?? '' },
    validate: { name: required('name'), address: required('address'), state: required('state'), timeZone: required('timeZone') },
  });
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setError(null);
    try {
      if (location) await call(http.PUT('/api/locations/{locationId}', { params: { path: { locationId: location.id } }, body: v }));
      else await call(http.POST('/api/locations', { body: v }));
      onSaved();
    } catch (e) {
      setError(applyErrors(form, e));
    } finally {
      setBusy(false);
    }
  });
  return (
    <Modal opened onClose={onClose} title={location ? `Location: ${location.name}` : 'Add a location'} closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Location name" description="For example Downtown or Main Street" required {...form.getInputProps('name')} />
          <TextInput label="Address" autoComplete="street-address" description="Street, suite, city and ZIP code" required {...form.getInputProps('address')} />
          <TextInput label="Phone" type="tel" autoComplete="tel" description="Shown to clients; leave empty if none" {...form.getInputProps('phone')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select label="State" searchable data={STATE_OPTIONS} required allowDeselect={false} {...form.getInputProps('state')} />
            <Select label="Time zone" searchable data={zones} required allowDeselect={false} limit={80} {...form.getInputProps('timeZone')} />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {location
              ? 'The state decides the scope-of-practice rules. Booked appointments keep their moment; opening hours are read in the time zone you choose.'
              : 'The state decides the scope-of-practice rules. Give the new location its opening hours, rooms, devices and prices next, under Scheduling, Prices and Billing.'}
          </Text>
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <Button type="submit" loading={busy}>
            {location ? 'Save location' : 'Add location'}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
