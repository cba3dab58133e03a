// The device used and the cartridge lot or lots, picked from the location's devices and lots.
import { Anchor, MultiSelect, Select, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/client.js';
import { Section } from './chart-controls.js';
import type { FormPartProps } from './chart-form-state.js';
import type { Device, Lot } from './chart-types.js';

type Booking = Schemas['Booking'];

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Devices of the service's modality. The booked device stays listed even if it is no longer in the location's set, so an older chart still shows it. */
function deviceOptions(devices: Device[] | undefined, booking: Booking, deviceId: string | null) {
  const modality = booking.service.modality;
  const options = (devices ?? [])
    .filter((d) => !modality || d.modality === modality)
    .map((d) => ({ value: d.id, label: `${d.model} · S/N ${d.serial}` }));
  if (deviceId && !options.some((o) => o.value === deviceId) && booking.device?.id === deviceId) {
    options.push({
      value: booking.device.id,
      label: `${booking.device.model} · S/N ${booking.device.serial}`,
    });
  }
  return options;
}

/** Recalled and expired lots are listed but cannot be chosen, so the clinician sees why a lot in hand is refused. */
function lotOptions(lots: Lot[] | undefined) {
  const today = todayIso();
  return (lots ?? []).map((l) => {
    const base = `${l.product} · lot ${l.lotNumber} · exp ${l.expiresOn}`;
    if (l.recalledAt) return { value: l.id, label: `${base} (recalled)`, disabled: true };
    if (l.expiresOn < today) return { value: l.id, label: `${base} (expired)`, disabled: true };
    return { value: l.id, label: base };
  });
}

export function DeviceLotsSection({
  form,
  set,
  err,
  readOnly,
  booking,
  devices,
  lots,
}: FormPartProps & { booking: Booking; devices: Device[] | undefined; lots: Lot[] | undefined }) {
  return (
    <Section title="Device and cartridge">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Device"
          placeholder={devices ? 'Choose the device' : 'Loading devices…'}
          data={deviceOptions(devices, booking, form.deviceId)}
          value={form.deviceId}
          error={err('chart.deviceId')}
          onChange={(v) => set({ deviceId: v })}
          allowDeselect={false}
          readOnly={readOnly}
        />
        <MultiSelect
          label="Cartridge lot"
          placeholder={form.lotIds.length ? undefined : 'Choose the lot or lots used'}
          data={lotOptions(lots)}
          value={form.lotIds}
          // The server may name the list as a whole or one lot in it; show whichever came.
          error={err('chart.lotIds') ?? form.lotIds.map((_, i) => err(`chart.lotIds.${i}`)).find(Boolean)}
          onChange={(v) => set({ lotIds: v })}
          readOnly={readOnly}
        />
      </SimpleGrid>
      {lots && lots.length === 0 && !readOnly ? (
        <Text size="sm" mt="xs">
          No cartridge lots received at this location yet.{' '}
          <Anchor component={Link} to="/console/settings?tab=lots">
            Receive a lot
          </Anchor>{' '}
          (owner, medical director or provider), then choose it here.
        </Text>
      ) : null}
    </Section>
  );
}
