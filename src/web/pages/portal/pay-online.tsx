// Paying online from the portal: a button that opens the card processor's hosted page, and the
// confirmation when the client comes back (?checkout=<session>), which asks the server, not the URL,
// whether the payment went through.
import { Alert, Button } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { call, errorText, http } from '../../api/client.js';

export function PayOnlineButton({ target, label }: { target: { kind: 'deposit'; bookingId: string } | { kind: 'invoice'; invoiceId: string }; label: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      const { url } = await call(http.POST('/api/checkout', { body: target }));
      window.location.assign(url);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="xs" variant="light" loading={busy} onClick={() => void go()} aria-label={label}>
        Pay online
      </Button>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
    </>
  );
}

/** After the hosted page sends the client back: record the payment once and say what happened. */
export function CheckoutReturn({ onDone }: { onDone: () => void }) {
  const [params, setParams] = useSearchParams();
  const session = params.get('checkout');
  const [state, setState] = useState<'checking' | 'paid' | 'unpaid' | { error: string } | null>(session ? 'checking' : null);
  useEffect(() => {
    if (!session) return;
    call(http.POST('/api/checkout/{sessionId}/confirm', { params: { path: { sessionId: session } } }))
      .then((r) => {
        setState(r.paid ? 'paid' : 'unpaid');
        onDone();
      })
      .catch((e: unknown) => setState({ error: errorText(e) }))
      .finally(() => setParams((p) => (p.delete('checkout'), p), { replace: true }));
    // once per returning session
  }, [session]);
  if (!state) return null;
  if (state === 'checking') return <Alert>Checking your payment…</Alert>;
  if (state === 'paid') return <Alert color="teal" title="Payment received">Thank you. Your receipt is below.</Alert>;
  if (state === 'unpaid') return <Alert color="yellow" title="Not paid yet">The payment was not completed. You can try again or pay at the front desk.</Alert>;
  return <Alert color="red" role="alert" title="Could not check the payment">{state.error}</Alert>;
}
