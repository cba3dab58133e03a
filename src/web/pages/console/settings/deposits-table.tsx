// Each service's deposit at booking: none, a fixed amount in dollars, or a percent of the price.
import { NumberInput, Select, Table, Text } from '@mantine/core';
import { ScrollTable } from '../../../components/billing/scroll-table.js';
import type { Schemas } from '../../../api/client.js';

type DepositKind = Schemas['BillingSettings']['deposits'][number]['kind'];

export interface DepositRow {
  serviceId: string;
  serviceName: string;
  kind: DepositKind;
  /** dollars for an amount, percent for a percent (hundredths on the wire either way) */
  value: number | string;
}

const KINDS: { value: DepositKind; label: string }[] = [
  { value: 'none', label: 'No deposit' },
  { value: 'amount', label: 'Fixed amount' },
  { value: 'percent', label: 'Percent of the price' },
];

export function DepositsTable({ rows, onChange, readOnly, errors }: { rows: DepositRow[]; onChange: (rows: DepositRow[]) => void; readOnly: boolean; errors: Record<string, string> }) {
  const set = (i: number, patch: Partial<DepositRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  if (!rows.length) return <Text size="sm">No active services yet: add them in the Scheduling tab.</Text>;
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        Deposits asked at booking
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        A client who holds a package for the service pays no deposit.
      </Text>
      <ScrollTable minWidth={460} label="Deposits per service">
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Service</Table.Th>
              <Table.Th>Deposit</Table.Th>
              <Table.Th>Amount or percent</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.serviceId}>
                <Table.Td>{r.serviceName}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Deposit for ${r.serviceName}`}
                    data={KINDS}
                    value={r.kind}
                    onChange={(v) => v && set(i, { kind: v, value: v === 'none' ? '' : r.value })}
                    allowDeselect={false}
                    disabled={readOnly}
                    error={errors[`deposits.${i}.kind`]}
                  />
                </Table.Td>
                <Table.Td>
                  {r.kind === 'none' ? null : (
                    <NumberInput
                      aria-label={r.kind === 'amount' ? `Deposit amount for ${r.serviceName}` : `Deposit percent for ${r.serviceName}`}
                      {...(r.kind === 'amount' ? { leftSection: '$' } : { rightSection: '%', max: 100 })}
                      decimalScale={2}
                      min={0}
                      value={r.value}
                      onChange={(v) => set(i, { value: v })}
                      disabled={readOnly}
                      error={errors[`deposits.${i}.value`]}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </div>
  );
}
