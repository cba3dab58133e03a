// The client's invoices, newest first, each opening to its lines, totals, payments and actions.
import { Accordion, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call, http, type Schemas } from '../../../api/client.js';
import { cents, INVOICE_STATUS } from '../../../api/billing-types.js';
import { shortDate } from '../../../api/dates.js';
import { InvoiceBreakdown } from '../../../components/billing/invoice-breakdown.js';
import { PaymentModal } from './payment-modal.js';
import { RefundPaymentModal, VoidInvoiceModal } from './money-modals.js';
import { ProblemAlert, useSubmit } from './billing-ui.js';

type InvoiceView = Schemas['Invoice'];
type PaymentView = Schemas['Payment'];

/** What of a payment can still be refunded: its amount less the refunds made of it. */
export const refundable = (inv: InvoiceView, p: PaymentView) => p.amountCents - inv.payments.filter((r) => r.refundOf === p.id).reduce((s, r) => s + r.amountCents, 0);

function EmailReceipt({ payment }: { payment: PaymentView }) {
  const submit = useSubmit();
  const [sent, setSent] = useState(false);
  const go = async () => {
    const r = await submit.run(() => call(http.POST('/api/payments/{paymentId}/receipt/email', { params: { path: { paymentId: payment.id } } })));
    if (r) setSent(true);
  };
  return (
    <Stack gap={2}>
      <Button size="xs" variant="default" onClick={() => void go()} loading={submit.busy} aria-label={`Email receipt for the ${cents(payment.amountCents, payment.currency)} payment`}>
        Email receipt
      </Button>
      {sent ? (
        <Text size="xs" role="status">
          Receipt emailed.
        </Text>
      ) : null}
      <ProblemAlert error={submit.error} title="Receipt not sent" />
    </Stack>
  );
}

function InvoiceDetail({ invoice, canMoneyBack, onChanged }: { invoice: InvoiceView; canMoneyBack: boolean; onChanged: () => void }) {
  const [paying, setPaying] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [refunding, setRefunding] = useState<PaymentView | null>(null);
  const open = invoice.status !== 'void';
  const paidNet = invoice.paidCents - invoice.refundedCents;
  const done = () => {
    setPaying(false);
    setVoiding(false);
    setRefunding(null);
    onChanged();
  };
  const actions = (p: PaymentView) => {
    if (p.kind !== 'payment') return null;
    const left = refundable(invoice, p);
    return (
      <>
        <EmailReceipt payment={p} />
        {canMoneyBack && left > 0 ? (
          <Button size="xs" variant="light" color="red" onClick={() => setRefunding(p)} aria-label={`Refund the ${cents(p.amountCents, p.currency)} payment of ${shortDate(p.at)}`}>
            Refund
          </Button>
        ) : null}
      </>
    );
  };
  return (
    <Stack>
      <InvoiceBreakdown invoice={invoice} paymentActions={actions} />
      <Group>
        {open && invoice.dueCents > 0 ? <Button onClick={() => setPaying(true)}>Take payment</Button> : null}
        {open && canMoneyBack && paidNet <= 0 ? (
          <Button variant="light" color="red" onClick={() => setVoiding(true)}>
            Void
          </Button>
        ) : null}
      </Group>
      {paying ? <PaymentModal invoice={invoice} onClose={() => setPaying(false)} onDone={done} /> : null}
      {voiding ? <VoidInvoiceModal invoice={invoice} onClose={() => setVoiding(false)} onDone={done} /> : null}
      {refunding ? <RefundPaymentModal payment={refunding} maxCents={refundable(invoice, refunding)} onClose={() => setRefunding(null)} onDone={done} /> : null}
    </Stack>
  );
}

export function InvoicesSection({ invoices, canMoneyBack, onChanged }: { invoices: InvoiceView[]; canMoneyBack: boolean; onChanged: () => void }) {
  return (
    <Accordion multiple variant="separated">
      {invoices.map((inv) => {
        const status = INVOICE_STATUS[inv.status];
        return (
          <Accordion.Item key={inv.id} value={inv.id}>
            <Accordion.Control>
              <Group justify="space-between" wrap="wrap" gap="xs" pr="xs">
                <Text fw={600}>
                  Invoice {inv.number} · {shortDate(inv.issuedAt)}
                </Text>
                <Group gap="xs" wrap="wrap">
                  <Badge variant="light" color={status.color}>
                    {status.label}
                  </Badge>
                  <Text size="sm">Total {cents(inv.totalCents, inv.currency)}</Text>
                  {inv.status !== 'void' ? (
                    <Text size="sm" fw={inv.dueCents ? 700 : undefined}>
                      Due {cents(inv.dueCents, inv.currency)}
                    </Text>
                  ) : null}
                </Group>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <InvoiceDetail invoice={inv} canMoneyBack={canMoneyBack} onChanged={onChanged} />
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
