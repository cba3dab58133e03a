// What an invoice says, read-only: lines, subtotal, discount with its reason, tax with its rate,
// total, and every payment and refund. The console adds actions per payment through `paymentActions`.
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { ScrollTable } from './scroll-table.js';
import type { ReactNode } from 'react';
import { cents, METHOD_LABEL } from '../../api/billing-types.js';
import type { Schemas } from '../../api/client.js';
import { shortDate } from '../../api/dates.js';

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm" fw={strong ? 700 : undefined}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : undefined}>
        {value}
      </Text>
    </Group>
  );
}

export function ReceiptLink({ payment }: { payment: Schemas['Payment'] }) {
  if (!payment.receiptUrl) return null;
  return (
    <Anchor href={payment.receiptUrl} target="_blank" rel="noopener" size="sm" aria-label={`Receipt (PDF) for the ${cents(payment.amountCents, payment.currency)} payment of ${shortDate(payment.at)}`}>
      Receipt (PDF)
    </Anchor>
  );
}

export function InvoiceBreakdown({ invoice, paymentActions }: { invoice: Schemas['Invoice']; paymentActions?: (p: Schemas['Payment']) => ReactNode }) {
  const m = (c: number) => cents(c, invoice.currency);
  return (
    <Stack gap="sm">
      <ScrollTable minWidth={420} label={`Lines of invoice ${invoice.number}`}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Description</Table.Th>
              <Table.Th>Quantity</Table.Th>
              <Table.Th>Amount</Table.Th>
              <Table.Th>Discount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoice.lines.map((l) => (
              <Table.Tr key={l.position}>
                <Table.Td>{l.description}</Table.Td>
                <Table.Td>{l.quantity}</Table.Td>
                <Table.Td>{m(l.totalCents)}</Table.Td>
                <Table.Td>{l.discountCents ? `-${m(l.discountCents)}` : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Stack gap={2} maw={360} ml="auto" w="100%">
        <Row label="Subtotal" value={m(invoice.subtotalCents)} />
        {invoice.discountCents ? <Row label={`Discount${invoice.discountReason ? ` (${invoice.discountReason})` : ''}`} value={`-${m(invoice.discountCents)}`} /> : null}
        <Row label={`Tax ${(invoice.taxRateBp / 100).toFixed(2)}%`} value={m(invoice.taxCents)} />
        <Row label="Total" value={m(invoice.totalCents)} strong />
        {invoice.creditedCents ? <Row label="Credited (unused package sessions)" value={`-${m(invoice.creditedCents)}`} /> : null}
        <Row label="Paid" value={m(invoice.paidCents)} />
        {invoice.refundedCents ? <Row label="Refunded" value={`-${m(invoice.refundedCents)}`} /> : null}
        {/* a void invoice asks for nothing, whatever its arithmetic says */}
        {invoice.status === 'void' ? <Row label="Due" value="Nothing (void)" strong /> : <Row label="Due" value={m(invoice.dueCents)} strong />}
        {invoice.creditCents ? <Row label="Credit owed to the client" value={m(invoice.creditCents)} /> : null}
      </Stack>
      {invoice.voidReason ? <Text size="sm">Voided: {invoice.voidReason}</Text> : null}
      {invoice.payments.length ? (
        <ScrollTable minWidth={520} label={`Payments of invoice ${invoice.number}`}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Payment or refund</Table.Th>
                <Table.Th>Method</Table.Th>
                <Table.Th>Amount</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Receipt and actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.payments.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{shortDate(p.at)}</Table.Td>
                  <Table.Td>{p.kind === 'refund' ? 'Refund' : p.purpose === 'deposit' ? 'Deposit' : 'Payment'}</Table.Td>
                  <Table.Td>{METHOD_LABEL[p.method]}</Table.Td>
                  <Table.Td>{p.kind === 'refund' ? `-${m(p.amountCents)}` : m(p.amountCents)}</Table.Td>
                  <Table.Td>{p.reason ?? ''}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      <ReceiptLink payment={p} />
                      {paymentActions?.(p)}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : (
        <Text size="sm" c="dimmed">
          No payments yet.
        </Text>
      )}
    </Stack>
  );
}
