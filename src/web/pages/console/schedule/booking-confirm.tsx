// The step between a tap on a time and a booking: everything the desk reads back to the caller on
// the phone (client, service, date and time in the clinic's zone, provider, room, price, deposit due)
// and one button that books. Nothing is booked before "Confirm booking".
import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { cents } from '../../../api/billing-types.js';
import { ErrorAlert } from '../../../components/states.js';

type Slot = Schemas['Slot'];

/** "Friday, March 5, 2027" */
export const longDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
export const zoneName = (tz: string) => tz.replace(/_/g, ' ');

export function Summary({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs" layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="34%" fw={600} style={{ verticalAlign: 'top' }}>
              {label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Money({ locationId, serviceId, date, clientId }: { locationId: string; serviceId: string; date: string; clientId: string | undefined }) {
  const terms = useGet('/api/locations/{locationId}/booking-terms', { params: { path: { locationId }, query: { serviceId, date, ...(clientId ? { clientId } : {}) } } });
  if (terms.error) return <ErrorAlert error={terms.error} title="Price and deposit not available" />;
  const t = terms.data;
  if (!t) return <Loader size="sm" aria-label="Loading the price" />;
  const price = t.priceCents === null ? 'Ask the clinic' : t.priceCents === 0 ? 'Free ($0.00)' : cents(t.priceCents, t.currency);
  const deposit = t.coveredBy ? `None: paid from the package ${t.coveredBy.name}` : t.depositCents > 0 ? `${cents(t.depositCents, t.currency)}, due now` : 'None';
  return (
    <Summary
      rows={[
        ['Price', price],
        ['Deposit', deposit],
      ]}
    />
  );
}

export interface ConfirmProps {
  clientName: string;
  /** an existing client: a package they hold may pay for the visit */
  clientId: string | undefined;
  serviceName: string;
  locationId: string;
  serviceId: string;
  slot: Slot;
  timeZone: string;
  roomName: string | null;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onBack: () => void;
}

export function BookingConfirm(p: ConfirmProps) {
  return (
    <Paper withBorder p="sm" aria-labelledby="confirm-title" role="region">
      <Stack gap="xs">
        <Title order={2} size="h4" id="confirm-title">
          Confirm the booking
        </Title>
        <Summary
          rows={[
            ['Client', p.clientName],
            ['Service', p.serviceName],
            ['Date', longDate(p.slot.localDate)],
            ['Time', `${p.slot.localTime} (${zoneName(p.timeZone)})`],
            ['Provider', p.slot.providerName],
            ...(p.roomName ? ([['Room', p.roomName]] as [string, string][]) : []),
          ]}
        />
        <Money locationId={p.locationId} serviceId={p.serviceId} date={p.slot.localDate} clientId={p.clientId} />
        {p.error ? (
          <Alert color="red" role="alert">
            {p.error}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={p.onBack} disabled={p.busy}>
            Choose another time
          </Button>
          <Button onClick={p.onConfirm} loading={p.busy}>
            Confirm booking
          </Button>
        </Group>
        <Text size="xs">You can undo for a few seconds after confirming; the client hears nothing until then.</Text>
      </Stack>
    </Paper>
  );
}
