// Settings > Webhooks, for the owner (docs/webhooks.md): endpoints that receive signed events as they
// happen (a booking made, a payment taken, ...), the signing secret shown once, a test event, and the
// delivery log with each attempt's outcome and "Send again". The log is read again every 3 seconds
// while a delivery waits.
import { ActionIcon, Alert, Badge, Button, Card, Checkbox, Code, CopyButton, Group, Stack, Table, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCopy, IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { call, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { shortDateTime } from '../../../api/dates.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';
import { ScrollTable } from '../../../components/billing/scroll-table.js';
import { usePollWhile } from '../../../components/use-poll.js';
import { splitErrors } from '../../../components/form-errors.js';

type Overview = Schemas['Webhooks'];
type Delivery = Schemas['WebhookDelivery'];

const STATUS = {
  delivered: { color: 'teal', label: 'Delivered' },
  pending: { color: 'blue', label: 'Waiting' },
  failed: { color: 'red', label: 'Failed' },
} as const;

function AddEndpoint({ events, onAdded }: { events: Overview['events']; onAdded: (secret: string) => void }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; message: string | null }>({ fields: {}, message: null });

  const submit = async () => {
    setBusy(true);
    try {
      const body = { url: url.trim(), events: chosen as Overview['events'][number]['type'][], ...(description.trim() ? { description: description.trim() } : {}) };
      const created = await call(http.POST('/api/webhooks', { body }));
      setErrors({ fields: {}, message: null });
      setUrl('');
      setDescription('');
      setChosen([]);
      onAdded(created.secret);
    } catch (e) {
      setErrors(splitErrors(e, ['url', 'description', 'events']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder component="form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Stack gap="sm">
        <Title order={2} size="h5">
          Add an endpoint
        </Title>
        <TextInput label="Endpoint address" description="Where the events are sent: https://… (http:// only to localhost, for testing)" placeholder="https://hooks.example.com/dermis" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.fields.url} required />
        <TextInput label="What it is for (optional)" placeholder="Accounting sync" value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.fields.description} maxLength={120} />
        <Checkbox.Group label="Events" description="Each event carries ids only, never clinical content" value={chosen} onChange={setChosen} error={errors.fields.events} required>
          <Stack gap={6} mt={6}>
            {events.map((e) => (
              <Checkbox key={e.type} value={e.type} label={`${e.label} (${e.type})`} />
            ))}
          </Stack>
        </Checkbox.Group>
        {errors.message ? (
          <Alert color="red" role="alert">
            {errors.message}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={busy} leftSection={<IconPlus size={16} aria-hidden />}>
            Add endpoint
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <Alert color="teal" title="Endpoint added: copy its signing secret now" role="status">
      <Stack gap="xs">
        <Text size="sm">Your receiver checks each event&apos;s signature with this secret (Standard Webhooks). It is shown only this once; to get a new one, remove the endpoint and add it again.</Text>
        <Group gap="xs" wrap="nowrap">
          <Code style={{ wordBreak: 'break-all' }}>{secret}</Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy'}>
                <ActionIcon variant="subtle" onClick={copy} aria-label="Copy the signing secret">
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Group>
          <Button size="xs" variant="light" onClick={onDone}>
            I have stored it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function Endpoints({ data, reload, setError }: { data: Overview; reload: () => void; setError: (m: string | null) => void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      reload();
    } catch (e) {
      setError(splitErrors(e).message);
    }
  };
  return (
    <Stack gap="sm">
      {data.endpoints.map((e) => (
        <Card withBorder key={e.id}>
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={4} maw={560}>
              <Text fw={600} style={{ wordBreak: 'break-all' }}>
                {e.url}
              </Text>
              {e.description ? <Text size="sm">{e.description}</Text> : null}
              <Group gap={4}>
                {e.events.map((type) => (
                  <Badge key={type} variant="light" color="gray">
                    {type}
                  </Badge>
                ))}
              </Group>
            </Stack>
            <Group gap="xs">
              <Button size="xs" variant="light" leftSection={<IconSend size={14} aria-hidden />} onClick={() => void act(() => call(http.POST('/api/webhooks/{endpointId}/test', { params: { path: { endpointId: e.id } } })))}>
                Send a test event
              </Button>
              {confirming === e.id ? (
                <Button size="xs" color="red" onClick={() => void act(() => call(http.DELETE('/api/webhooks/{endpointId}', { params: { path: { endpointId: e.id } } })))}>
                  Remove it and its log
                </Button>
              ) : (
                <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setConfirming(e.id)}>
                  Remove
                </Button>
              )}
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function result(d: Delivery) {
  if (d.status === 'delivered') return `Answered ${d.lastStatus ?? ''}`.trim();
  if (d.lastError) return d.status === 'pending' && d.nextAttemptAt ? `${d.lastError}; next try ${shortDateTime(d.nextAttemptAt)}` : d.lastError;
  return 'Not sent yet';
}

function Deliveries({ deliveries, reload, setError }: { deliveries: Delivery[]; reload: () => void; setError: (m: string | null) => void }) {
  const replay = async (id: string) => {
    setError(null);
    try {
      await call(http.POST('/api/webhooks/deliveries/{deliveryId}/replay', { params: { path: { deliveryId: id } } }));
      reload();
    } catch (e) {
      setError(splitErrors(e).message);
    }
  };
  return (
    <Stack gap="xs">
      <Title order={2} size="h5">
        Delivery log
      </Title>
      {deliveries.length === 0 ? (
        <Text size="sm" c="dimmed">
          No deliveries yet. Events appear here as they are sent; press Send a test event to try an endpoint.
        </Text>
      ) : (
        <ScrollTable label="Webhook deliveries" minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>Endpoint</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deliveries.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{shortDateTime(d.createdAt)}</Table.Td>
                  <Table.Td>
                    {d.eventType}
                    {d.replayOf ? (
                      <Text size="xs" c="dimmed">
                        sent again
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{d.url}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS[d.status].color} variant="light">
                      {STATUS[d.status].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{d.attempts}</Table.Td>
                  <Table.Td>{result(d)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => void replay(d.id)}>
                      Send again
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

export function WebhooksTab() {
  const list = useGet('/api/webhooks', {});
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { reload } = list;
  usePollWhile(list.data?.deliveries.some((d) => d.status === 'pending') ?? false, reload, 3000);

  if (list.loading && !list.data) return <Loading label="Loading webhooks" />;
  if (list.error || !list.data) return <ErrorAlert error={list.error} />;
  const data = list.data;

  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={640}>
        Tell your other systems (accounting, marketing, a data warehouse) what happens in Dermis as it happens. Each event is signed, carries ids only, and is retried for a day if your system does not answer.
      </Text>
      {secret ? <SecretOnce secret={secret} onDone={() => setSecret(null)} /> : null}
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      {data.endpoints.length ? (
        <Endpoints data={data} reload={reload} setError={setError} />
      ) : (
        <Empty title="No webhooks yet">
          Add an endpoint below and choose its events; Dermis then sends each one as it happens.
        </Empty>
      )}
      <AddEndpoint
        events={data.events}
        onAdded={(s) => {
          setSecret(s);
          reload();
        }}
      />
      <Deliveries deliveries={data.deliveries} reload={reload} setError={setError} />
    </Stack>
  );
}
