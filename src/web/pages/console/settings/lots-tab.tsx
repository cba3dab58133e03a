import { Alert, Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError, call, errorText, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { useSession } from '../../../auth/session.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';

type Lot = Schemas['Lot'];
type Trace = Schemas['LotTrace'];

/** Needle cartridge lots per location: receive, recall, and trace every client a lot touched. */
export function LotsTab() {
  const { me } = useSession();
  const org = useGet('/api/organization', {});
  const [locationId, setLocationId] = useState<string | null>(null);
  const location = locationId ?? org.data?.locations[0]?.id ?? null;
  const lots = useGet('/api/locations/{locationId}/lots', location ? { params: { path: { locationId: location } } } : null);
  const [form, setForm] = useState({ manufacturer: '', product: '', lotNumber: '', expiresOn: '' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [trace, setTrace] = useState<Trace | null>(null);
  const [recallReason, setRecallReason] = useState('');
  const canRecall = me?.role === 'owner' || me?.role === 'medical_director';
  const today = new Date().toISOString().slice(0, 10);

  const add = async () => {
    if (!location) return;
    setError(null);
    setFields({});
    try {
      await call(http.POST('/api/locations/{locationId}/lots', { params: { path: { locationId: location } }, body: form }));
      setForm({ manufacturer: '', product: '', lotNumber: '', expiresOn: '' });
      lots.reload();
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fieldErrors());
      setError(errorText(e));
    }
  };
  const open = async (lot: Lot) => {
    setError(null);
    try {
      setTrace(await call(http.GET('/api/lots/{lotId}/trace', { params: { path: { lotId: lot.id } } })));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const recall = async () => {
    if (!trace) return;
    try {
      setTrace(await call(http.POST('/api/lots/{lotId}/recall', { params: { path: { lotId: trace.lot.id } }, body: { reason: recallReason } })));
      setRecallReason('');
      lots.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const v = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: v }));
  };

  if (org.loading) return <Loading label="Loading locations" />;
  return (
    <Stack>
      <Select label="Location" data={org.data?.locations.map((l) => ({ value: l.id, label: l.name })) ?? []} value={location} onChange={setLocationId} allowDeselect={false} maw={320} />
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Receive a lot
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Single-use sterile cartridges, recorded by lot so each use can be traced (sterility rule LOG-4: a new sterile cartridge for every client, its lot recorded). Expired or recalled lots cannot be charted.
        </Text>
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Manufacturer" value={form.manufacturer} onChange={set('manufacturer')} error={fields.manufacturer} />
          <TextInput label="Product" value={form.product} onChange={set('product')} error={fields.product} />
          <TextInput label="Lot number" value={form.lotNumber} onChange={set('lotNumber')} error={fields.lotNumber} />
          <TextInput label="Expires on" type="date" value={form.expiresOn} onChange={set('expiresOn')} error={fields.expiresOn} />
          <Button onClick={() => void add()} disabled={!form.manufacturer || !form.product || !form.lotNumber || !form.expiresOn}>
            Add lot
          </Button>
        </Group>
      </Card>
      {error ? <Alert color="red">{error}</Alert> : null}
      {lots.error ? <ErrorAlert error={lots.error} /> : null}
      {lots.data && lots.data.items.length === 0 ? <Empty title="No cartridge lots received yet">Receive the cartridges on hand with the form above before charting: charts list only received, unexpired lots.</Empty> : null}
      {lots.data?.items.length ? (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Product</Table.Th>
                <Table.Th>Lot</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Trace</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lots.data.items.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    {l.product}
                    <Text size="xs" c="dimmed">
                      {l.manufacturer}
                    </Text>
                  </Table.Td>
                  <Table.Td>{l.lotNumber}</Table.Td>
                  <Table.Td>{l.expiresOn}</Table.Td>
                  <Table.Td>
                    {l.recalledAt ? <Badge color="red" variant="light">Recalled</Badge> : l.expiresOn < today ? <Badge color="orange" variant="light">Expired</Badge> : <Badge color="teal" variant="light">In use</Badge>}
                  </Table.Td>
                  <Table.Td>
                    {canRecall ? (
                      <Button size="compact-xs" variant="light" onClick={() => void open(l)}>
                        Clients
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {trace ? (
        <Modal opened onClose={() => setTrace(null)} title={`Lot ${trace.lot.lotNumber}`} size="lg">
          <Stack>
            <Text size="sm">
              {trace.uses.length ? `Used on ${new Set(trace.uses.map((u) => u.clientId)).size} client(s):` : 'Not used on any client yet.'}
            </Text>
            {trace.uses.map((u) => (
              <Text key={`${u.clientId}-${u.treatedOn}`} size="sm">
                {u.clientName} · {u.treatedOn.slice(0, 10)} · {u.phone ?? u.email ?? 'no contact'}
              </Text>
            ))}
            {trace.lot.recalledAt ? (
              <Alert color="red">Recalled {trace.lot.recalledAt.slice(0, 10)}: {trace.lot.recallReason}</Alert>
            ) : (
              <Group align="flex-end">
                <TextInput label="Recall reason" value={recallReason} onChange={(e) => setRecallReason(e.currentTarget.value)} style={{ flex: 1 }} />
                <Button color="red" disabled={recallReason.trim().length < 3} onClick={() => void recall()}>
                  Recall this lot
                </Button>
              </Group>
            )}
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}
