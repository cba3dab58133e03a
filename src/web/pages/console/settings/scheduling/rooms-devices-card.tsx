import { Alert, Button, Group, List, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { call, errorText, http, type Schemas } from '../../../../api/client.js';
import { isModality, modalityLabel, Section } from './helpers.js';
import type { CardProps } from './types.js';

type NewDevice = Omit<Schemas['Device'], 'id'>;

// Rooms and devices stay one card: the add forms share one error line.

const DEVICE_FIELDS = [
  ['manufacturer', 'Manufacturer'],
  ['model', 'Model'],
  ['serial', 'Serial number'],
] as const;

function AddResourceForms({ locationId, reload }: { locationId: string; reload: () => void }) {
  const [room, setRoom] = useState('');
  const [device, setDevice] = useState<NewDevice>({ modality: 'pen', manufacturer: '', model: '', serial: '' });
  const [error, setError] = useState<string | null>(null);
  const params = { path: { locationId } };
  const save = async (request: () => Promise<unknown>, done: () => void) => {
    setError(null);
    try {
      await request();
      done();
      reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack gap="xs" mt="md">
      <Group align="flex-end" wrap="wrap">
        <TextInput label="New room" value={room} onChange={(e) => setRoom(e.currentTarget.value)} />
        <Button
          variant="light"
          disabled={!room.trim()}
          onClick={() => void save(() => call(http.POST('/api/locations/{locationId}/rooms', { params, body: { name: room } })), () => setRoom(''))}
        >
          Add room
        </Button>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Device type"
          data={[
            { value: 'pen', label: 'Pen' },
            { value: 'roller', label: 'Roller' },
            { value: 'rf', label: 'RF microneedling' },
          ]}
          value={device.modality}
          onChange={(v) => setDevice((d) => ({ ...d, modality: isModality(v) ? v : 'pen' }))}
          allowDeselect={false}
          w={170}
        />
        {DEVICE_FIELDS.map(([k, label]) => (
          <TextInput
            key={k}
            label={label}
            value={device[k]}
            onChange={(e) => {
              // Read the value now: the updater runs later, after React has reused the event.
              const v = e.currentTarget.value;
              setDevice((d) => ({ ...d, [k]: v }));
            }}
            w={150}
          />
        ))}
        <Button
          variant="light"
          disabled={!device.manufacturer || !device.model || !device.serial}
          onClick={() =>
            void save(
              () => call(http.POST('/api/locations/{locationId}/devices', { params, body: device })),
              () => setDevice({ modality: 'pen', manufacturer: '', model: '', serial: '' }),
            )
          }
        >
          Add device
        </Button>
      </Group>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** One column of the card: a heading, then the list or why nothing can be booked without it. */
function ResourceList({ title, empty, items }: { title: string; empty: string; items: ReactNode[] }) {
  return (
    <Stack gap={4}>
      <Title order={2} size="h5">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <List size="sm">{items}</List>
      )}
    </Stack>
  );
}

export function ResourcesSection({ setup, canEdit, reload }: CardProps) {
  return (
    <Section title="Rooms and devices">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ResourceList
          title="Rooms"
          empty="No rooms. Services that need a room cannot be booked here."
          items={setup.rooms.map((r) => (
            <List.Item key={r.id}>{r.name}</List.Item>
          ))}
        />
        <ResourceList
          title="Devices"
          empty="No devices. Services that need a device cannot be booked here."
          items={setup.devices.map((d) => (
            <List.Item key={d.id}>
              {d.manufacturer} {d.model} ({modalityLabel(d.modality)}){' '}
              <Text span size="xs" c="dimmed">
                S/N {d.serial}
              </Text>
            </List.Item>
          ))}
        />
      </SimpleGrid>
      {canEdit ? <AddResourceForms locationId={setup.location.id} reload={reload} /> : null}
    </Section>
  );
}
