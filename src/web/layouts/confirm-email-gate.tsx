import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { call, errorText, http } from '../api/client.js';
import { useSession } from '../auth/session.js';

/**
 * A client (or a new clinic's owner) who has not confirmed their email sees only this: nothing of a
 * record, or of the console, is shown until the address is proven theirs (the server refuses it too).
 */
export function ConfirmEmailGate() {
  const { me, refresh } = useSession();
  const owner = me?.role === 'owner';
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resend = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(owner ? http.POST('/api/clinic-sign-up/verification-email') : http.POST('/api/register/verification-email'));
      setSent(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder radius="lg" p="xl" maw={520} mx="auto" mt="lg">
      <Stack>
        <IconMailCheck size={40} aria-hidden color="var(--mantine-color-teal-7)" />
        <Title order={1} size="h2">
          Check your email
        </Title>
        <Text>
          We sent a link to <strong>{me?.user.email}</strong>. Open it to confirm the address is yours; {owner ? 'your clinic opens' : 'your portal opens'} as soon as you do.
        </Text>
        <Text size="sm" c="dimmed">
          Nothing there? Look in your spam folder, or send a new link (the old one stops working). The link works for 24 hours.
        </Text>
        {sent ? <Alert color="teal">A new link is on its way.</Alert> : null}
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Button onClick={() => void resend()} loading={busy} variant="light">
          Send a new link
        </Button>
        <Button onClick={() => void refresh()} variant="subtle">
          I have confirmed it
        </Button>
      </Stack>
    </Paper>
  );
}
