// The money side of a booking in the drawer: the package session it uses or its deposit, and the
// visit's invoice (issue it once the client is checked in, then take payment).
import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useGet } from '../../../api/use-api.js';
import { cents, DEPOSIT_STATUS } from '../../../api/billing-types.js';
import { ErrorAlert } from '../../../components/states.js';
import { DepositForm } from '../billing/money-modals.js';
import { PaymentModal } from '../billing/payment-modal.js';
import { InvoiceVisitModal } from './invoice-visit-modal.js';
import { BookingFee } from './booking-fee.js';

export function BookingMoney({ bookingId, status, onChanged }: { bookingId: string; status: string; onChanged?: () => void }) {
  const billing = useGet('/api/bookings/{bookingId}/billing', { params: { path: { bookingId } } });
  const [invoicing, setInvoicing] = useState(false);
  const [paying, setPaying] = useState(false);
  const { reload } = billing;
  // a check-in, cancellation or no-show can draw, return or settle money: read it again
  const seen = useRef(status);
  useEffect(() => {
    if (status === seen.current) return;
    seen.current = status;
    reload();
  }, [status, reload]);

  if (billing.error) return <ErrorAlert error={billing.error} title="Billing not available" />;
  const b = billing.data;
  if (!b) return null;
  const changed = () => {
    setInvoicing(false);
    setPaying(false);
    reload();
    onChanged?.();
  };
  const inv = b.invoice;
  const canInvoice = (status === 'checked_in' || status === 'completed') && !inv;

  return (
    <Stack gap="xs">
      {b.packageDraw ? (
        <Text size="sm">
          Paid from package {b.packageDraw.name} ({b.packageDraw.sessionsRemaining} left)
        </Text>
      ) : null}
      {b.deposit ? (
        <Text size="sm">
          Deposit {cents(b.deposit.amountCents, b.deposit.currency)}: {DEPOSIT_STATUS[b.deposit.status]}
        </Text>
      ) : null}
      <BookingFee key={status} bookingId={bookingId} status={status} onCharged={onChanged} />
      {b.deposit?.status === 'due' ? <DepositForm bookingId={bookingId} amountCents={b.deposit.amountCents} currency={b.deposit.currency} submitLabel="Take deposit" onDone={changed} /> : null}
      {inv ? (
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">
            Invoice {inv.number}: total {cents(inv.totalCents, inv.currency)}, paid {cents(inv.paidCents - inv.refundedCents, inv.currency)}, due {cents(inv.dueCents, inv.currency)}
          </Text>
          {inv.dueCents > 0 && inv.status !== 'void' ? (
            <Button size="xs" onClick={() => setPaying(true)}>
              Take payment
            </Button>
          ) : null}
        </Group>
      ) : null}
      {canInvoice ? (
        <Group>
          <Button size="xs" variant="light" onClick={() => setInvoicing(true)}>
            Invoice this visit
          </Button>
        </Group>
      ) : null}
      {invoicing ? <InvoiceVisitModal bookingId={bookingId} onClose={() => setInvoicing(false)} onIssued={changed} /> : null}
      {paying && inv ? <PaymentModal invoice={inv} onClose={() => setPaying(false)} onDone={changed} /> : null}
    </Stack>
  );
}
