// The step after "Confirm booking": what the booking asks for, in one sentence (a deposit paid by
// card now, a card kept on file, or "Deposit of $50.00 due at the desk"), the cancellation policy to
// accept, then Stripe's Payment Element. Without the Payment Element it falls back to the hosted
// Checkout page, and without payment keys it says what is due at the desk.
import { Alert, Button, Card, Checkbox, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { cents } from '../../api/billing-types.js';
import { ErrorAlert, Loading } from '../states.js';
import { PayOnlineButton } from '../../pages/portal/pay-online.js';
import { PaymentElementForm } from './payment-element-form.js';

export interface DepositStepProps {
  /** the booking just confirmed */
  bookingId: string;
  /** called once the deposit is paid or the card saved (e.g. to move on or reload), with the sentence to show */
  onSettled?: (result: Schemas['CardIntentResult']) => void;
}

/** A wallet or bank that left the page comes back with ?payment_intent= or ?setup_intent=: record it from the server. */
function useReturnFromRedirect(onBack: (r: Schemas['CardIntentResult']) => void) {
  const [checking, setChecking] = useState<string | null>(() => {
    const q = new URLSearchParams(window.location.search);
    return q.get('payment_intent') ?? q.get('setup_intent');
  });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!checking) return;
    const url = new URL(window.location.href);
    for (const k of ['payment_intent', 'payment_intent_client_secret', 'setup_intent', 'setup_intent_client_secret', 'redirect_status']) url.searchParams.delete(k);
    window.history.replaceState(null, '', url);
    call(http.POST('/api/card-intents/{intentId}/confirm', { params: { path: { intentId: checking } } }))
      .then(onBack)
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => setChecking(null));
    // once per return
  }, []);
  return { checking: Boolean(checking), error };
}

export function DepositStep({ bookingId, onSettled }: DepositStepProps) {
  const step = useGet('/api/bookings/{bookingId}/deposit-step', { params: { path: { bookingId } } });
  const [accepted, setAccepted] = useState(false);
  const [intent, setIntent] = useState<Schemas['CardIntent'] | null>(null);
  const [result, setResult] = useState<Schemas['CardIntentResult'] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const settled = (r: Schemas['CardIntentResult']) => {
    setResult(r);
    if (r.state === 'paid' || r.state === 'card_saved') {
      setIntent(null);
      step.reload();
      onSettled?.(r);
    }
  };
  const back = useReturnFromRedirect(settled);

  const s = step.data;
  const start = async () => {
    if (!s) return;
    setBusy(true);
    setError(null);
    try {
      setIntent(await call(http.POST('/api/bookings/{bookingId}/payment-intent', { params: { path: { bookingId } }, body: { acceptPolicy: true, policyVersion: s.policyVersion } })));
    } catch (e) {
      setError(errorText(e));
      step.reload();
    } finally {
      setBusy(false);
    }
  };

  if (step.error) return <ErrorAlert error={step.error} title="Could not load what this booking asks for" />;
  if (!s || back.checking) return <Loading label={back.checking ? 'Checking your payment' : 'Loading the deposit'} />;
  if (s.mode === 'none') return null;
  const title = s.mode === 'save_card' ? 'Card on file' : 'Deposit';
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Stack gap="sm">
        {result && (result.state === 'paid' || result.state === 'card_saved') ? (
          <Alert color="teal" title={result.state === 'paid' ? 'Deposit paid' : 'Card saved'}>
            {result.message}
          </Alert>
        ) : null}
        {result?.state === 'pending' ? <Alert color="yellow">{result.message}</Alert> : null}
        {back.error ? <Alert color="red" role="alert">{back.error}</Alert> : null}
        <Text fw={600}>{s.message}</Text>
        {s.mode === 'at_desk' ? <Text size="sm">Nothing is charged online. The front desk will see what is owed when you arrive.</Text> : null}
        {(s.mode === 'pay_deposit' || s.mode === 'save_card') && !intent ? (
          <>
            <Text size="sm">Cancellation policy:</Text>
            <List size="sm" spacing={4}>
              {s.policy.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
            {s.stripe ? (
              <>
                <Checkbox checked={accepted} onChange={(e) => setAccepted(e.currentTarget.checked)} label="I accept the cancellation policy" />
                {error ? <Alert color="red" role="alert">{error}</Alert> : null}
                <Button onClick={() => void start()} loading={busy} disabled={!accepted} fullWidth>
                  {s.mode === 'save_card' ? 'Continue to save a card' : `Continue to pay ${cents(s.amountCents, s.currency)}`}
                </Button>
              </>
            ) : (
              // no Payment Element: the hosted Checkout page takes the deposit
              <PayOnlineButton target={{ kind: 'deposit', bookingId }} label={`Pay online: deposit of ${cents(s.amountCents, s.currency)}`} />
            )}
          </>
        ) : null}
        {intent ? <PaymentElementForm intent={intent} onDone={settled} /> : null}
      </Stack>
    </Card>
  );
}
