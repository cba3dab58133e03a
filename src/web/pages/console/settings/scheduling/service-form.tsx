import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { call, http } from '../../../../api/client.js';
import { MODALITIES, MODALITY_LABEL, toNum, useSubmit, FormError } from './helpers.js';
import type { Buffers, Modality } from './types.js';

interface ServiceDraft {
  code: string;
  name: string;
  kind: 'consultation' | 'treatment';
  modality: Modality | null;
  treatmentMin: number;
  numbingMin: number;
  needsRoom: boolean;
  needsDevice: boolean;
  credential: string;
  buffers: Buffers;
}

export function ServiceForm({ onDone }: { onDone: () => void }) {
  const [d, setD] = useState<ServiceDraft>({
    code: '',
    name: '',
    kind: 'treatment',
    modality: 'pen',
    treatmentMin: 60,
    numbingMin: 0,
    needsRoom: true,
    needsDevice: true,
    credential: '',
    buffers: {
      providerBefore: 0,
      providerAfter: 0,
      roomBefore: 0,
      roomAfter: 0,
      deviceBefore: 0,
      deviceAfter: 0,
    },
  });
  const save = useSubmit();
  const f = save.fields;
  const setBuffer = (k: keyof Buffers) => (v: number | string) =>
    setD({ ...d, buffers: { ...d.buffers, [k]: toNum(v) ?? 0 } });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const body = {
          ...d,
          code: d.code.trim(),
          name: d.name.trim(),
          credential: d.credential.trim() || null,
          modality: d.modality,
        };
        void save
          .run(() => call(http.POST('/api/services', { body })), `Service “${body.name}” added.`)
          .then((ok) => ok && onDone());
      }}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label="Name"
            required
            value={d.name}
            error={f.name}
            onChange={(e) => setD({ ...d, name: e.currentTarget.value })}
          />
          <TextInput
            label="Code"
            required
            description="Short unique code, e.g. MN-FACE"
            value={d.code}
            error={f.code}
            onChange={(e) => setD({ ...d, code: e.currentTarget.value })}
          />
          <Select
            label="Kind"
            data={[
              { value: 'treatment', label: 'Treatment' },
              { value: 'consultation', label: 'Consultation' },
            ]}
            value={d.kind}
            allowDeselect={false}
            error={f.kind}
            onChange={(v) =>
              v &&
              setD({
                ...d,
                kind: v,
                ...(v === 'consultation' ? { modality: null, needsDevice: false, numbingMin: 0 } : {}),
              })
            }
          />
          <Select
            label="Modality"
            placeholder="None"
            clearable
            data={MODALITIES.map((m) => ({ value: m, label: MODALITY_LABEL[m] ?? m }))}
            value={d.modality}
            error={f.modality}
            onChange={(v) => setD({ ...d, modality: v })}
          />
          {(
            [
              ['treatmentMin', 'Treatment time'],
              ['numbingMin', 'Numbing time'],
            ] as const
          ).map(([k, label]) => (
            <NumberInput
              key={k}
              label={label}
              suffix=" min"
              min={0}
              allowDecimal={false}
              value={d[k]}
              error={f[k]}
              onChange={(v) => setD({ ...d, [k]: toNum(v) ?? 0 })}
            />
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          Total appointment length: {d.numbingMin + d.treatmentMin} min.
        </Text>
        <Group>
          <Checkbox
            label="Needs a room"
            checked={d.needsRoom}
            error={f.needsRoom}
            onChange={(e) => setD({ ...d, needsRoom: e.currentTarget.checked })}
          />
          <Checkbox
            label="Needs a device"
            checked={d.needsDevice}
            error={f.needsDevice}
            onChange={(e) => setD({ ...d, needsDevice: e.currentTarget.checked })}
          />
        </Group>
        <TextInput
          label="Required credential"
          description="Optional: providers need this credential to be booked for the service"
          value={d.credential}
          error={f.credential}
          onChange={(e) => setD({ ...d, credential: e.currentTarget.value })}
        />
        <Title order={3} size="h6">
          Buffers (minutes)
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          {(
            [
              ['providerBefore', 'Provider before'],
              ['providerAfter', 'Provider after'],
              ['roomBefore', 'Room before'],
              ['roomAfter', 'Room after'],
              ['deviceBefore', 'Device before'],
              ['deviceAfter', 'Device after'],
            ] as const
          ).map(([k, label]) => (
            <NumberInput
              key={k}
              label={label}
              min={0}
              allowDecimal={false}
              value={d.buffers[k]}
              error={f[`buffers.${k}`]}
              onChange={setBuffer(k)}
            />
          ))}
        </SimpleGrid>
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy} disabled={!d.name.trim() || !d.code.trim()}>
            Add service
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
