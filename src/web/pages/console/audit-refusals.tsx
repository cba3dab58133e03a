// Console > Audit: refused attempts (a role or ownership refusal, or an id not found in this clinic),
// counted per person and route by the hour on the server, summed here over the last 30 days.
import { Badge, Card, Code, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useGet } from '../../api/use-api.js';
import { Empty, ErrorAlert, Loading } from '../../components/states.js';

const STATUS_LABEL: Record<number, string> = { 403: 'refused', 404: 'not found' };

export function RefusedAttempts() {
  const refusals = useGet('/api/audit/refusals', { params: { query: { days: 30 } } });
  return (
    <Card withBorder component="section" aria-labelledby="refused-attempts-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="refused-attempts-title">
            Refused attempts
          </Title>
          <Text size="sm" c="dimmed">
            Requests refused for a role or ownership, or naming a record not found in this clinic, over the last 30 days. Repeats are counted, not listed one by one.
          </Text>
        </div>
        {refusals.error ? <ErrorAlert error={refusals.error} /> : null}
        {refusals.loading && !refusals.data ? <Loading label="Loading refused attempts" /> : null}
        {refusals.data?.items.length === 0 ? <Empty title="No refused attempts">Nobody was refused in the last 30 days.</Empty> : null}
        {refusals.data?.items.length ? (
          <ScrollArea viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Refused attempts, scrolls sideways' }}>
            <Table striped verticalSpacing="xs" miw={800} aria-labelledby="refused-attempts-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Route</Table.Th>
                  <Table.Th>Answer</Table.Th>
                  <Table.Th ta="right">Times</Table.Th>
                  <Table.Th>First seen</Table.Th>
                  <Table.Th>Last seen</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {refusals.data.items.map((r) => (
                  <Table.Tr key={`${r.userId} ${r.method} ${r.route} ${r.status}`}>
                    <Table.Td>
                      <Text size="sm">{r.name ?? r.email ?? r.userId}</Text>
                      <Badge size="xs" variant="light">
                        {r.role.replace('_', ' ')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Code>
                        {r.method} {r.route}
                      </Code>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={r.status === 403 ? 'red' : 'orange'} variant="light">
                        {r.status} {STATUS_LABEL[r.status] ?? ''}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{r.count}</Table.Td>
                    <Table.Td>{new Date(r.firstAt).toLocaleString()}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{new Date(r.lastAt).toLocaleString()}</Text>
                      {r.lastIp ? (
                        <Text size="xs" c="dimmed">
                          from {r.lastIp}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        ) : null}
      </Stack>
    </Card>
  );
}
