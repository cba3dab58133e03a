import { Alert, Button, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { call, errorText, http, type Schemas } from '../../api/client.js';

/**
 * Opened from the unsubscribe link of a recall message: unsubscribes at once (link scanners that
 * only fetch the page change nothing: this runs in the browser), says plainly from what, and offers
 * to undo it.
 */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<Schemas['UnsubscribeState'] | null>(null);
  const [error, setError] = useState<string | null>(token ? null : 'This link is incomplete. Open the link from the message again.');
  const [busy, setBusy] = useState(false);
  const started = useRef(false);
  const set = async (subscribed: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setState(await call(http.POST('/api/public/unsubscribe', { body: { token, subscribed } })));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    call(http.POST('/api/public/unsubscribe', { body: { token, subscribed: false } }))
      .then(setState)
      .catch((e: unknown) => setError(errorText(e)));
  }, [token]);
  return (
    <Paper withBorder radius="lg" p="xl" maw={480} mx="auto" mt="lg">
      <Title order={1} size="h2" mb="md">
        Unsubscribe
      </Title>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : !state ? (
        <Stack align="center" py="md">
          <Loader aria-label="Unsubscribing" />
          <Text>Unsubscribing…</Text>
        </Stack>
      ) : state.subscribed ? (
        <Stack>
          <Alert color="teal" title="You are subscribed again">
            You will get {state.what} again.
          </Alert>
          <Button variant="light" loading={busy} onClick={() => void set(false)}>
            Unsubscribe after all
          </Button>
        </Stack>
      ) : (
        <Stack>
          <Alert color="teal" title="You are unsubscribed">
            You will no longer get {state.what}. Messages about your own bookings still reach you.
          </Alert>
          <Button variant="light" loading={busy} onClick={() => void set(true)}>
            Undo: keep getting them
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
