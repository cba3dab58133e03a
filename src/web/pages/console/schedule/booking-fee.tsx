// The desk's side of a card on file, in the booking drawer: which card the client saved, and after
// a late cancellation or a no-show, charging the location's fee to it (once; a decline or a bank
// asking the client to confirm is said plainly and nothing is charged).
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call, errorText, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { cents } from '../../../api/billing-types.js';

const KIND = { late_cancelled: 'late_cancel', no_show: 'no_show' } as const;

export function BookingFee({ bookingId, status, onCharged }: { bookingId: string; status: string; onCharged?: () => void }) {
  const step = useGet('/api/bookings/{bookingId}/deposit-step', { params: { path: { bookingId } } });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Schemas['BookingFee'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const s = step.data;
  if (!s) return null;
  const kind = status === 'late_cancelled' || status === 'no_show' ? KIND[status] : null;
  const feeCents = kind === 'late_cancel' ? s.lateCancelFeeCents : kind === 'no_show' ? s.noShowFeeCents : 0;
  const label = kind === 'no_show' ? 'missed appointment fee' : 'late cancellation fee';
  const charge = async () => {
    if (!kind) return;
    setBusy(true);
    setError(null);
    try {
      setDone(await call(http.POST('/api/bookings/{bookingId}/fees', { params: { path: { bookingId } }, body: { kind } })));
      onCharged?.();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <Text size="sm">{s.card ? `Card on file: ${s.card.brand ?? 'card'}${s.card.last4 ? ` ending ${s.card.last4}` : ''}` : 'No card on file.'}</Text>
      {done ? (
        <Alert color="teal" role="status">
          {done.replayed ? 'This fee was already charged' : 'Charged'}: {cents(done.payment.amountCents, done.payment.currency)}. {done.receiptQueued ? 'A receipt was emailed to the client.' : ''}
        </Alert>
      ) : kind && feeCents > 0 && s.card ? (
        <Button size="xs" variant="light" color="orange" loading={busy} onClick={() => void charge()}>
          Charge {label} {cents(feeCents, s.currency)} to the card
        </Button>
      ) : null}
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
