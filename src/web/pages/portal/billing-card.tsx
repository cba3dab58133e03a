// The client's own money in the portal: packages and what remains, deposits to pay, invoices with
// what is due and the receipts of their payments.
import { Accordion, Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useGet } from '../../api/use-api.js';
import type { Schemas } from '../../api/client.js';
import { cents, INVOICE_STATUS, METHOD_LABEL } from '../../api/billing-types.js';
import { shortDate, shortDateTime } from '../../api/dates.js';
import { ErrorAlert, Loading } from '../../components/states.js';
import { InvoiceBreakdown } from '../../components/billing/invoice-breakdown.js';
import { PackageProgress } from '../../components/billing/package-progress.js';
import { DepositStep } from '../../components/billing/deposit-step.js';
import { CheckoutReturn, PayOnlineButton } from './pay-online.js';

function Body({ s, settled }: { s: Schemas['ClientBilling']; settled: (r: Schemas['CardIntentResult']) => void }) {
  const currency = s.invoices[0]?.currency ?? 'USD';
  const due = s.deposits.filter((d) => d.status === 'due');
  if (!s.packages.length && !s.invoices.length && !due.length && !s.payments.length) return <Text size="sm">No packages or payments yet.</Text>;
  return (
    <Stack>
      <Text>
        Balance due: <strong>{cents(s.balanceDueCents, currency)}</strong>
        {s.creditCents ? ` · Credit: ${cents(s.creditCents, currency)}` : ''}
      </Text>
      {s.packages.length ? (
        <>
          <Title order={3} size="h5">
            My packages
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {s.packages.map((p) => (
              <Card key={p.id} withBorder padding="sm">
                <PackageProgress purchase={p} />
              </Card>
            ))}
          </SimpleGrid>
        </>
      ) : null}
      {due.length ? (
        <>
          <Title order={3} size="h5">
            Deposits due
          </Title>
          {due.map((d) => (
            <Stack key={d.bookingId} gap="xs">
              <Text size="sm">
                Deposit of {cents(d.amountCents, d.currency)} for your visit on {shortDateTime(d.startsAt)}. {s.onlinePayments ? 'Pay it online or at the front desk.' : 'Pay it at the front desk.'}
              </Text>
              {/* the Payment Element when set up, else the hosted Checkout page */}
              {s.onlinePayments ? <DepositStep bookingId={d.bookingId} onSettled={settled} /> : null}
            </Stack>
          ))}
        </>
      ) : null}
      {s.payments.length ? (
        <>
          <Title order={3} size="h5">
            Payments
          </Title>
          <Stack gap={4}>
            {s.payments.map((p) => (
              <Group key={p.id} gap="xs" wrap="wrap">
                <Text size="sm">
                  {shortDateTime(p.at)} · {p.kind === 'refund' ? 'Refund' : p.purpose === 'deposit' ? 'Deposit' : 'Payment'} · {METHOD_LABEL[p.method]} · {p.kind === 'refund' ? '-' : ''}
                  {cents(p.amountCents, p.currency)}
                </Text>
                {p.receiptUrl ? (
                  <Anchor size="sm" href={p.receiptUrl} target="_blank" rel="noreferrer" aria-label={`Receipt (PDF) for ${cents(p.amountCents, p.currency)} on ${shortDateTime(p.at)}`}>
                    Receipt (PDF)
                  </Anchor>
                ) : null}
              </Group>
            ))}
          </Stack>
        </>
      ) : null}
      {s.invoices.length ? (
        <>
          <Title order={3} size="h5">
            Invoices and receipts
          </Title>
          <Accordion variant="separated">
            {s.invoices.map((inv) => (
              <Accordion.Item key={inv.id} value={inv.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="wrap" gap="xs" pr="xs">
                    <Text fw={600}>
                      Invoice {inv.number} · {shortDate(inv.issuedAt)}
                    </Text>
                    <Group gap="xs">
                      <Badge variant="light" color={INVOICE_STATUS[inv.status].color}>
                        {INVOICE_STATUS[inv.status].label}
                      </Badge>
                      {inv.status !== 'void' ? <Text size="sm">Due {cents(inv.dueCents, inv.currency)}</Text> : null}
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <InvoiceBreakdown invoice={inv} />
                  {s.onlinePayments && inv.status === 'issued' && inv.dueCents > 0 ? <PayOnlineButton target={{ kind: 'invoice', invoiceId: inv.id }} label={`Pay online: invoice ${inv.number}`} /> : null}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </>
      ) : null}
    </Stack>
  );
}

export function BillingCard({ clientId }: { clientId: string }) {
  const statement = useGet('/api/clients/{clientId}/billing', { params: { path: { clientId } } });
  // the deposit leaves "Deposits due" once paid: say so above
  const [paid, setPaid] = useState<string | null>(null);
  const settled = (r: Schemas['CardIntentResult']) => {
    setPaid(r.message);
    statement.reload();
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Packages and payments
      </Title>
      {statement.loading && !statement.data ? <Loading label="Loading packages and payments" /> : null}
      {statement.error ? <ErrorAlert error={statement.error} /> : null}
      <CheckoutReturn onDone={statement.reload} />
      {paid ? (
        <Alert color="teal" title="Payment received" mb="sm">
          {paid}
        </Alert>
      ) : null}
      {statement.data ? <Body s={statement.data} settled={settled} /> : null}
    </Card>
  );
}
