import { Alert, Anchor, Button, Paper, PasswordInput, PinInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, call, errorText, http } from '../../api/client.js';
import { homeFor, useSession } from '../../auth/session.js';

export function SignInPage() {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { email: '', password: '' }, validate: { email: (v) => (/.+@.+/.test(v) ? null : 'Enter your email'), password: (v) => (v ? null : 'Enter your password') } });

  const finish = async () => {
    const me = await refresh();
    const next = params.get('next');
    if (me) void navigate(next && next.startsWith('/') ? next : homeFor(me), { replace: true });
  };

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call(http.POST('/api/auth/sign-in/email', { body: values }));
      if (r.twoFactorRedirect) setNeedsCode(true);
      else await finish();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? 'Email or password is incorrect.' : errorText(e));
    } finally {
      setBusy(false);
    }
  });

  const verify = async (code: string) => {
    setBusy(true);
    setError(null);
    try {
      await call(http.POST('/api/auth/two-factor/verify-totp', { body: { code } }));
      await finish();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? 'That code is not right. Try the newest code in your app.' : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="lg" p="xl" maw={420} mx="auto" mt="lg">
      <Title order={1} size="h2" mb="xs">
        Sign in
      </Title>
      {error ? (
        <Alert color="red" mb="md" role="alert">
          {error}
        </Alert>
      ) : null}
      {needsCode ? (
        <Stack>
          <Text>Enter the 6-digit code from your authenticator app.</Text>
          <PinInput length={6} type="number" oneTimeCode aria-label="Authentication code" onComplete={(c) => void verify(c)} disabled={busy} />
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
            <Button type="submit" loading={busy} fullWidth>
              Sign in
            </Button>
            <Text size="sm">
              <Anchor component={Link} to="/forgot-password">
                Forgot your password?
              </Anchor>
            </Text>
            <Text size="sm">
              New here?{' '}
              <Anchor component={Link} to="/register">
                Create an account
              </Anchor>
            </Text>
            <Text size="sm">
              Running a MedSpa?{' '}
              <Anchor component={Link} to="/start">
                Start your clinic on Dermis
              </Anchor>
            </Text>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
