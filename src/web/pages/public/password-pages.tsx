import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, call, errorText, http } from '../../api/client.js';
import { applyErrors } from '../../components/form-errors.js';

export function ForgotPasswordPage() {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '' }, validate: { email: (v) => (/.+@.+/.test(v) ? null : 'Enter your email') } });
  const submit = form.onSubmit(async (v) => {
    try {
      await call(http.POST('/api/auth/request-password-reset', { body: { email: v.email, redirectTo: '/reset-password' } }));
      setSent(true);
    } catch (e) {
      setError(errorText(e));
    }
  });
  return (
    <Paper withBorder radius="lg" p="xl" maw={420} mx="auto" mt="lg">
      <Title order={1} size="h2" mb="md">
        Reset your password
      </Title>
      {sent ? (
        <Alert color="teal" role="status">
          If an account exists for that email, we sent a link to choose a new password. It works for one hour.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {error ? <Alert color="red">{error}</Alert> : null}
            <TextInput label="Email" type="email" autoComplete="email" {...form.getInputProps('email')} />
            <Button type="submit">Send reset link</Button>
          </Stack>
        </form>
      )}
      <Text size="sm" mt="md">
        <Anchor component={Link} to="/sign-in">
          Back to sign in
        </Anchor>
      </Text>
    </Paper>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { password: '' }, validate: { password: (v) => (v.length >= 10 ? null : 'Use at least 10 characters') } });
  const submit = form.onSubmit(async (v) => {
    try {
      await call(http.POST('/api/auth/reset-password', { body: { newPassword: v.password, token } }));
      void navigate('/sign-in');
    } catch (e) {
      setError(e instanceof ApiError && e.status === 400 ? 'This link is invalid or has expired. Ask for a new one.' : errorText(e));
    }
  });
  return (
    <Paper withBorder radius="lg" p="xl" maw={420} mx="auto" mt="lg">
      <Title order={1} size="h2" mb="md">
        Choose a new password
      </Title>
      {!token ? <Alert color="red">This page needs the link from your email.</Alert> : null}
      <form onSubmit={submit} noValidate>
        <Stack>
          {error ? <Alert color="red">{error}</Alert> : null}
          <PasswordInput label="New password" description="At least 10 characters" autoComplete="new-password" {...form.getInputProps('password')} />
          <Button type="submit" disabled={!token}>
            Save password
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

export function AcceptInvitePage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '', password: '' }, validate: { name: (v) => (v.trim() ? null : 'Enter your full name'), password: (v) => (v.length >= 10 ? null : 'Use at least 10 characters') } });
  const submit = form.onSubmit(async (v) => {
    try {
      await call(http.POST('/api/invitations/accept', { body: { token, name: v.name, password: v.password } }));
      void navigate('/sign-in');
    } catch (e) {
      setError(applyErrors(form, e));
    }
  });
  return (
    <Paper withBorder radius="lg" p="xl" maw={420} mx="auto" mt="lg">
      <Title order={1} size="h2" mb="md">
        Join your team on Dermis
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error ? <Alert color="red">{error}</Alert> : null}
          <TextInput label="Full name" autoComplete="name" {...form.getInputProps('name')} />
          <PasswordInput label="Password" description="At least 10 characters" autoComplete="new-password" {...form.getInputProps('password')} />
          <Button type="submit" disabled={!token}>
            Accept invitation
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
