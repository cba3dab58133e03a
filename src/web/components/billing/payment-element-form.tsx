// Stripe's Payment Element (cards and wallets) on Dermis's own page: Stripe.js draws the card field
// in its frames, so card numbers never reach Dermis. After Stripe.js confirms (3-D Secure is shown
// by Stripe.js itself), the server is asked to record it: it checks with Stripe, not the browser.
import { Alert, Box, Button, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { call, errorText, http, type Schemas } from '../../api/client.js';
import { cents } from '../../api/billing-types.js';
import { Loading } from '../states.js';
import { declineText, loadStripeJs, type StripeClient, type StripeElements } from './stripe-js.js';

export interface PaymentElementFormProps {
  /** the intent the server made (POST /api/bookings/{bookingId}/payment-intent) */
  intent: Schemas['CardIntent'];
  /** the server's record once Stripe says the payment or the saved card succeeded */
  onDone: (result: Schemas['CardIntentResult']) => void;
}

export function PaymentElementForm({ intent, onDone }: PaymentElementFormProps) {
  const holder = useRef<HTMLDivElement>(null);
  const stripe = useRef<{ client: StripeClient; elements: StripeElements } | null>(null);
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let gone = false;
    let destroy = () => {};
    loadStripeJs(intent.stripe.jsUrl)
      .then((Stripe) => {
        if (gone || !holder.current) return;
        const client = Stripe(intent.stripe.publishableKey);
        const elements = client.elements({ clientSecret: intent.clientSecret });
        const element = elements.create('payment', { layout: 'tabs' });
        element.on('ready', () => setReady(true));
        element.mount(holder.current);
        destroy = () => element.destroy();
        stripe.current = { client, elements };
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : 'Card payment could not load. Try again, or pay at the desk.'));
    return () => {
      gone = true;
      destroy();
    };
  }, [intent.clientSecret]);

  const submit = async () => {
    if (!stripe.current) return;
    setBusy(true);
    setError(null);
    try {
      const { client, elements } = stripe.current;
      // a wallet or bank that must leave the page comes back here, where DepositStep picks it up
      const options = { elements, redirect: 'if_required' as const, confirmParams: { return_url: window.location.href } };
      const out = intent.kind === 'setup' ? await client.confirmSetup(options) : await client.confirmPayment(options);
      if (out.error) {
        setError(declineText(out.error));
        return;
      }
      const result = await call(http.POST('/api/card-intents/{intentId}/confirm', { params: { path: { intentId: intent.intentId } } }));
      if (result.state === 'declined') setError(result.message);
      else onDone(result);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const label = intent.kind === 'setup' ? 'Save card' : `Pay ${cents(intent.amountCents, intent.currency)}`;
  return (
    <Stack gap="sm">
      {!ready && !error ? <Loading label="Loading the card form" /> : null}
      <Box ref={holder} data-testid="payment-element" />
      {intent.kind === 'setup' ? (
        <Text size="sm" c="dimmed">
          Your card is kept on file with our card processor. Nothing is charged now.
        </Text>
      ) : null}
      {error ? (
        <Alert color="red" role="alert" title={intent.kind === 'setup' ? 'Card not saved' : 'Not paid'}>
          {error}
        </Alert>
      ) : null}
      <Button onClick={() => void submit()} loading={busy} disabled={!ready} fullWidth>
        {label}
      </Button>
    </Stack>
  );
}
