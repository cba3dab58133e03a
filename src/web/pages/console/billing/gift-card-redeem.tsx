// Paying an invoice with a gift card code, inside the payment dialog: the code as the client reads
// it, and an amount (by default what the card holds, up to what is due). Several cards pay one
// invoice one after another: the dialog stays open while something is still due.
import { Alert, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call, http, type Schemas } from '../../../api/client.js';
import { cents, toCents } from '../../../api/billing-types.js';
import { ProblemAlert, useSubmit } from './billing-ui.js';
import type { PayableInvoice } from './payment-modal.js';

type Redemption = Schemas['GiftCardRedemption'];

export function GiftCardRedeemPanel({ invoice, onClose, onDone }: { invoice: PayableInvoice; onClose: () => void; onDone: (r: Redemption, stillDue: boolean) => void }) {
  const [code, setCode] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [due, setDue] = useState(invoice.dueCents);
  const [last, setLast] = useState<Redemption | null>(null);
  const submit = useSubmit();
  const redeem = async () => {
    const r = await submit.run(() =>
      call(
        http.POST('/api/invoices/{invoiceId}/gift-card-payments', {
          params: { path: { invoiceId: invoice.id } },
          // a new key per card: each code is its own intent
          body: { code: code.trim(), idempotencyKey: crypto.randomUUID(), ...(amount !== '' ? { amountCents: toCents(amount) } : {}) },
        }),
      ),
    );
    if (!r) return;
    setLast(r);
    setDue(r.invoice.dueCents);
    setCode('');
    setAmount('');
    onDone(r, r.invoice.dueCents > 0);
  };
  return (
    <Stack>
      <Text size="sm">
        Due now: <strong>{cents(due, invoice.currency)}</strong>
      </Text>
      {last ? (
        <Alert color="teal" role="status">
          {cents(last.payment.amountCents, invoice.currency)} taken from the gift card ending {last.giftCard.last4}; {cents(last.giftCard.balanceCents, invoice.currency)} is left on it.
          {due > 0 ? ' Enter another card, or close and take the rest another way.' : ' The invoice is paid.'}
        </Alert>
      ) : null}
      {due > 0 ? (
        <>
          <TextInput label="Gift card code" description="16 characters, as on the recipient's email; dashes and spaces do not matter." value={code} onChange={(e) => setCode(e.currentTarget.value)} autoComplete="off" error={submit.fieldErrors.code} />
          <NumberInput
            label="Amount (optional)"
            description={`Leave empty to take as much as the card holds, up to ${cents(due, invoice.currency)}.`}
            leftSection="$"
            decimalScale={2}
            min={0}
            value={amount}
            onChange={setAmount}
            error={submit.fieldErrors.amountCents}
          />
          <ProblemAlert error={submit.error} placed={['code', 'amountCents']} title="Gift card not taken" />
        </>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {due > 0 ? 'Cancel' : 'Close'}
        </Button>
        {due > 0 ? (
          <Button onClick={() => void redeem()} loading={submit.busy} disabled={code.trim().length < 16}>
            Pay with gift card
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
