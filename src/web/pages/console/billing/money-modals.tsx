// Modals that move money back or take a deposit. Each is mounted only while open, so each opening
// carries one idempotency key and a double click cannot refund or charge twice.
import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { call, http, type Schemas } from '../../../api/client.js';
import { cents, METHOD_LABEL, remainingText, toCents, type StaffMethod } from '../../../api/billing-types.js';
import { MethodSelect, ProblemAlert, useIntentKey, useSubmit } from './billing-ui.js';

type InvoiceView = Schemas['Invoice'];
type PackageRefund = Schemas['PackageRefund'];
type PaymentView = Schemas['Payment'];
type PurchaseView = Schemas['PackagePurchase'];

const REASON_MIN = 3;

function Actions({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        Cancel
      </Button>
      {children}
    </Group>
  );
}

/** Refund part or all of one payment, in the payment's own method, with a reason. */
export function RefundPaymentModal({ payment, maxCents, onClose, onDone }: { payment: PaymentView; maxCents: number; onClose: () => void; onDone: () => void }) {
  const key = useIntentKey();
  const [amount, setAmount] = useState<number | string>(maxCents / 100);
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const amountCents = toCents(amount);
  const go = async () => {
    const r = await submit.run(() => call(http.POST('/api/payments/{paymentId}/refunds', { params: { path: { paymentId: payment.id } }, body: { amountCents, reason: reason.trim(), idempotencyKey: key } })));
    if (r) onDone();
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Refund a payment">
      <Stack>
        <Text size="sm">
          {METHOD_LABEL[payment.method]} payment of {cents(payment.amountCents, payment.currency)}; the refund goes back the same way.
        </Text>
        <NumberInput label="Refund amount" description={`At most ${cents(maxCents, payment.currency)}.`} leftSection="$" decimalScale={2} value={amount} onChange={setAmount} error={submit.fieldErrors.amountCents} />
        <TextInput label="Reason for the refund" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={submit.fieldErrors.reason} />
        <ProblemAlert error={submit.error} placed={['amountCents', 'reason']} title="Not refunded" />
        <Actions onClose={onClose}>
          <Button color="red" onClick={() => void go()} loading={submit.busy} disabled={amountCents < 1 || reason.trim().length < REASON_MIN}>
            Refund {cents(Math.max(0, amountCents), payment.currency)}
          </Button>
        </Actions>
      </Stack>
    </Modal>
  );
}

/** Void an invoice issued in error; the API refuses while money is paid on it. */
export function VoidInvoiceModal({ invoice, onClose, onDone }: { invoice: InvoiceView; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const go = async () => {
    const r = await submit.run(() => call(http.POST('/api/invoices/{invoiceId}/void', { params: { path: { invoiceId: invoice.id } }, body: { reason: reason.trim() } })));
    if (r) onDone();
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title={`Void invoice ${invoice.number}`}>
      <Stack>
        <Text size="sm">A void invoice stays on record with its reason; nothing is due on it any more.</Text>
        <TextInput label="Reason for voiding" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={submit.fieldErrors.reason} />
        <ProblemAlert error={submit.error} placed={['reason']} title="Not voided" />
        <Actions onClose={onClose}>
          <Button color="red" onClick={() => void go()} loading={submit.busy} disabled={reason.trim().length < REASON_MIN}>
            Void invoice
          </Button>
        </Actions>
      </Stack>
    </Modal>
  );
}

/** Refund a package's unused sessions under the location's policy; shows what was refunded. */
export function PackageRefundModal({ purchase, onClose, onDone }: { purchase: PurchaseView; onClose: () => void; onDone: () => void }) {
  const key = useIntentKey();
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<PackageRefund | null>(null);
  const submit = useSubmit();
  const go = async () => {
    const r = await submit.run(() => call(http.POST('/api/package-purchases/{purchaseId}/refund', { params: { path: { purchaseId: purchase.id } }, body: { reason: reason.trim(), idempotencyKey: key } })));
    if (r) setResult(r);
  };
  const finish = () => (result ? onDone() : onClose());
  return (
    <Modal opened onClose={finish} closeButtonProps={{ 'aria-label': 'Close' }} title={`Refund unused sessions: ${purchase.name}`}>
      {result ? (
        <Stack>
          <Alert color="teal" title="Refunded" role="status">
            Refunded {cents(result.refundedCents, purchase.currency)} for {result.sessionsRefunded} unused {result.sessionsRefunded === 1 ? 'session' : 'sessions'}.
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onDone}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">
            {remainingText(purchase)}. Unused sessions are refunded at the package rate per session, less the location&apos;s package refund fee, to the payments made for it.
          </Text>
          <TextInput label="Reason for the refund" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={submit.fieldErrors.reason} />
          <ProblemAlert error={submit.error} placed={['reason']} title="Not refunded" />
          <Actions onClose={onClose}>
            <Button color="red" onClick={() => void go()} loading={submit.busy} disabled={reason.trim().length < REASON_MIN}>
              Refund unused sessions
            </Button>
          </Actions>
        </Stack>
      )}
    </Modal>
  );
}

/** Method and a button: the desk takes the deposit a booking asks for. */
export function DepositForm({ bookingId, amountCents, currency, submitLabel, onDone }: { bookingId: string; amountCents: number; currency: string; submitLabel: string; onDone: () => void }) {
  const key = useIntentKey();
  const [method, setMethod] = useState<StaffMethod>('card_terminal');
  const submit = useSubmit();
  const go = async () => {
    const r = await submit.run(() => call(http.POST('/api/bookings/{bookingId}/deposit', { params: { path: { bookingId } }, body: { method, idempotencyKey: key } })));
    if (r) onDone();
  };
  return (
    <Stack gap="xs">
      <MethodSelect value={method} onChange={setMethod} />
      <ProblemAlert error={submit.error} title="Deposit not recorded" />
      <Group>
        <Button onClick={() => void go()} loading={submit.busy}>
          {submitLabel} of {cents(amountCents, currency)}
        </Button>
      </Group>
    </Stack>
  );
}

export function DepositModal({ bookingId, amountCents, currency, startsAt, onClose, onDone }: { bookingId: string; amountCents: number; currency: string; startsAt: string; onClose: () => void; onDone: () => void }) {
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Take deposit">
      <Stack>
        <Text size="sm">
          Deposit for the visit on {new Date(startsAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}: {cents(amountCents, currency)}. It counts toward the visit&apos;s invoice.
        </Text>
        <DepositForm bookingId={bookingId} amountCents={amountCents} currency={currency} submitLabel="Take deposit" onDone={onDone} />
      </Stack>
    </Modal>
  );
}
