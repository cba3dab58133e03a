import { Alert, Badge, Button, Code, Group, ScrollArea, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call, errorText, http, type Schemas } from '../../api/client.js';
import { Page } from '../../components/page.js';
import { Empty, ErrorAlert, Loading } from '../../components/states.js';
import { RefusedAttempts } from './audit-refusals.js';
import { useEffect } from 'react';

interface Filters {
  action: string;
  entityType: string;
  clientId: string;
  from: string;
  to: string;
}

const PROBLEM: Record<string, string> = {
  hash_mismatch: 'its content was changed after it was recorded',
  broken_link: 'it does not follow the event before it',
  gap: 'events before it are missing',
  head_mismatch: 'the newest events are missing',
};

export function AuditPage() {
  const [filters, setFilters] = useState<Filters>({ action: '', entityType: '', clientId: '', from: '', to: '' });
  const [applied, setApplied] = useState<Filters>(filters);
  const [items, setItems] = useState<Schemas['AuditEvent'][]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [verify, setVerify] = useState<Schemas['AuditChainReport'] | null>(null);

  // empty filters are left out of the query
  const query = (f: Filters, beforePosition?: number) => ({
    limit: 50,
    action: f.action || undefined,
    entityType: f.entityType || undefined,
    clientId: f.clientId || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    beforePosition: beforePosition || undefined,
  });
  const load = async (f: Filters, beforePosition?: number) => {
    setLoading(true);
    try {
      const r = await call(http.GET('/api/audit', { params: { query: query(f, beforePosition) } }));
      setItems((prev) => (beforePosition ? [...prev, ...r.items] : r.items));
      setNext(r.nextBeforePosition);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load(applied);
  }, [applied]);

  const field = (key: keyof Filters, label: string, type = 'text') => (
    <TextInput label={label} type={type} value={filters[key]} onChange={(e) => setFilters({ ...filters, [key]: e.currentTarget.value })} />
  );

  return (
    <Page
      title="Audit trail"
      lead="Who did what to which record, when and from where. Events cannot be changed; the chain check proves it."
      actions={
        <Button variant="light" onClick={() => void call(http.GET('/api/audit/verify')).then(setVerify).catch((e: unknown) => setError(e))}>
          Verify chain
        </Button>
      }
    >
      <RefusedAttempts />
      {verify ? (
        <Alert color={verify.ok ? 'teal' : 'red'} title={verify.ok ? 'Chain intact' : 'Chain broken'} role="status">
          {verify.ok ? `All ${verify.events} sealed events verify.` : verify.problems.map((p) => `Event ${p.seq}: ${PROBLEM[p.problem] ?? 'does not match the chain'}.`).join(' ')}
          {verify.unsealed.count ? ` ${verify.unsealed.count} recent ${verify.unsealed.count === 1 ? 'event is' : 'events are'} waiting to be sealed into the chain (the oldest ${verify.unsealed.oldestAgeSeconds ?? 0} seconds old); this normally takes a second or two.` : ''}
        </Alert>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filters);
        }}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
          {field('action', 'Action starts with')}
          {field('entityType', 'Record type')}
          {field('clientId', 'Client id')}
          {field('from', 'From', 'date')}
          {field('to', 'To', 'date')}
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">Filter</Button>
        </Group>
      </form>
      {error ? <ErrorAlert error={error} /> : null}
      {loading && items.length === 0 ? <Loading label="Loading events" /> : null}
      {!loading && items.length === 0 && !error ? <Empty title="No events match these filters">Widen the dates or clear a filter to see more.</Empty> : null}
      {items.length > 0 ? (
        <ScrollArea viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Audit events, scrolls sideways' }}>
          <Table striped verticalSpacing="xs" miw={800}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Record</Table.Th>
                <Table.Th>From</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.position}>
                  <Table.Td>{e.seq ?? <Text span size="xs" c="dimmed">sealing</Text>}</Table.Td>
                  <Table.Td>{new Date(e.occurredAt).toLocaleString()}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.actorName ?? 'System'}</Text>
                    {e.actorRole ? <Badge size="xs" variant="light">{e.actorRole.replace('_', ' ')}</Badge> : null}
                  </Table.Td>
                  <Table.Td>
                    <Code>{e.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.entityType}</Text>
                    {e.clientId ? <Text size="xs" c="dimmed">client {e.clientId.slice(0, 8)}</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{e.ip ?? '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      ) : null}
      {next ? (
        <Stack align="center">
          <Button variant="default" loading={loading} onClick={() => void load(applied, next)}>
            Load older events
          </Button>
        </Stack>
      ) : null}
      {error && items.length ? <Text c="red">{errorText(error)}</Text> : null}
    </Page>
  );
}
