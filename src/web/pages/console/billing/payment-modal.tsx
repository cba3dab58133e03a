// Taking a payment against an invoice, from the client's Billing tab and from the booking drawer.
import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call, http, type Schemas } from '../../../api/client.js';
import { cents, toCents, type StaffMethod } from '../../../api/billing-types.js';
import { MethodSelect, ProblemAlert, useIntentKey, useSubmit } from './billing-ui.js';
import { atLeastMessage, atMostMessage } from '../../../components/form-errors.js';
import { GiftCardRedeemPanel } from './gift-card-redeem.js';

type PaymentResult = Schemas['PaymentResult'];

export interface PayableInvoice {
  id: string;
  number: number;
  dueCents: number;
  currency: string;
}


/** Mount it only while open: each opening is one intent with its own idempotency key. */
export function PaymentModal({ invoice, onClose, onDone }: { invoice: PayableInvoice; onClose: () => void; onDone: (r: PaymentResult) => void }) {
  const key = useIntentKey();
  const [amount, setAmount] = useState<number | string>(invoice.dueCents / 100);
  const [method, setMethod] = useState<StaffMethod>('card_terminal');
  const [reference, setReference] = useState('');
  const submit = useSubmit();
  const amountCents = toCents(amount);
  // checked here too, in the same words as the API
  const amountProblem = amount === '' ? null : amountCents > invoice.dueCents ? atMostMessage('amountCents', invoice.dueCents) : amountCents < 1 ? atLeastMessage('amountCents', 1) : null;
  const [tried, setTried] = useState(false);
  const [mode, setMode] = useState<'clinic' | 'gift_card'>('clinic');
  // a gift card took part of what was due: closing the dialog shows the invoice as it is now
  const [redeemed, setRedeemed] = useState<PaymentResult | null>(null);
  const close = () => (redeemed ? onDone(redeemed) : onClose());
  const pay = async () => {
    setTried(true);
    if (amountProblem) return;
    const r = await submit.run(() =>
      call(
        http.POST('/api/invoices/{invoiceId}/payments', {
          params: { path: { invoiceId: invoice.id } },
          body: { amountCents, method, idempotencyKey: key, ...(reference.trim() ? { reference: reference.trim() } : {}) },
        }),
      ),
    );
    if (r) onDone(r);
  };
  return (
    <Modal opened onClose={close} closeButtonProps={{ 'aria-label': 'Close' }} title={`Take payment: invoice ${invoice.number}`}>
      <SegmentedControl fullWidth mb="md" value={mode} onChange={(v) => setMode(v === 'gift_card' ? 'gift_card' : 'clinic')} data={[{ value: 'clinic', label: 'Cash, card or check' }, { value: 'gift_card', label: 'Gift card' }]} aria-label="How the client pays" />
      {mode === 'gift_card' ? (
        // the dialog stays open after a card so a second card can pay the rest; closing refreshes the invoice
        <GiftCardRedeemPanel invoice={invoice} onClose={close} onDone={(r, stillDue) => (stillDue ? setRedeemed(r) : onDone(r))} />
      ) : (
      <Stack>
        <Text size="sm">
          Due now: <strong>{cents(invoice.dueCents, invoice.currency)}</strong>
        </Text>
        <NumberInput
          label="Amount"
          description={`Up to ${cents(invoice.dueCents, invoice.currency)}; a smaller amount is a partial payment.`}
          leftSection="$"
          decimalScale={2}
          value={amount}
          onChange={setAmount}
          error={(tried ? amountProblem : null) ?? submit.fieldErrors.amountCents}
        />
        <MethodSelect value={method} onChange={setMethod} />
        <TextInput label="Reference (optional)" description="The terminal's approval code or the check number." value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
        <ProblemAlert error={submit.error} placed={['amountCents']} title="Payment not recorded" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void pay()} loading={submit.busy} disabled={amount === ''}>
            Record payment of {cents(Math.max(0, amountCents), invoice.currency)}
          </Button>
        </Group>
      </Stack>
      )}
    </Modal>
  );
}
