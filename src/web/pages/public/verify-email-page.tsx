import { Alert, Button, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { call, errorText, http } from '../../api/client.js';
import { useSession } from '../../auth/session.js';

/** Opened from the confirmation email: confirms the address once, then leads into the portal. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { me, refresh } = useSession();
  const [state, setState] = useState<'working' | 'done' | 'failed'>(token ? 'working' : 'failed');
  const [error, setError] = useState<string | null>(token ? null : 'This link is incomplete. Open the link from the email again, or ask for a new one in your portal.');
  const started = useRef(false);
  useEffect(() => {
    // once: the link works only one time, and React may run effects twice in development
    if (!token || started.current) return;
    started.current = true;
    call(http.POST('/api/register/verify', { body: { token } }))
      .then(async () => {
        await refresh();
        setState('done');
      })
      .catch((e: unknown) => {
        setError(errorText(e));
        setState('failed');
      });
  }, [token, refresh]);
  return (
    <Paper withBorder radius="lg" p="xl" maw={460} mx="auto" mt="lg">
      <Title order={1} size="h2" mb="md">
        Confirm your email
      </Title>
      {state === 'working' ? (
        <Stack align="center" py="md">
          <Loader aria-label="Confirming" />
          <Text>Confirming your email address…</Text>
        </Stack>
      ) : state === 'done' ? (
        <Stack>
          <Alert color="teal" title="Your email is confirmed">
            Your portal is ready: answer the health questionnaire, see your plan and book.
          </Alert>
          <Button component={Link} to={me ? '/portal' : '/sign-in'}>
            {me ? 'Go to my portal' : 'Sign in'}
          </Button>
        </Stack>
      ) : (
        <Stack>
          <Alert color="red" role="alert">
            {error}
          </Alert>
          <Button component={Link} to={me ? '/portal' : '/sign-in'} variant="light">
            {me ? 'Back to my portal' : 'Sign in'}
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
