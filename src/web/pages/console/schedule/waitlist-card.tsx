import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useGet } from '../../../api/use-api.js';
import { prettyDate } from '../../../api/clinical-types.js';

/** Who is waiting at this location, in the order freed times are offered. */
export function WaitlistCard({ locationId, reloadKey }: { locationId: string; reloadKey: number }) {
  const list = useGet('/api/waitlist', { params: { query: { locationId } } });
  // a new reloadKey (a booking changed on the page) loads the list again
  const firstKey = useRef(reloadKey);
  const { reload } = list;
  useEffect(() => {
    if (reloadKey !== firstKey.current) reload();
  }, [reloadKey, reload]);
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb="xs">
        Waitlist
      </Title>
      {list.data?.items.length ? (
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>Client</Table.Th>
                <Table.Th>Service</Table.Th>
                <Table.Th>Days</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((e, i) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{e.client}</Table.Td>
                  <Table.Td>{e.service}</Table.Td>
                  <Table.Td>
                    {prettyDate(e.fromDate)} to {prettyDate(e.toDate)}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={e.status === 'offered' ? 'yellow' : 'gray'} variant="light">
                      {e.status === 'offered' ? 'Offer out' : 'Waiting'}
                    </Badge>
                    {e.offers ? <Text span size="xs" c="dimmed"> · {e.offers} offer{e.offers > 1 ? 's' : ''}</Text> : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm" c="dimmed">
          Nobody is waiting. When a client asks for a full day, they appear here; a freed time is offered to the first in line.
        </Text>
      )}
    </Card>
  );
}
