// A new clinic on Dermis: the owner's sign-up form (/start) and the page the confirmation link opens
// (/start/confirm). The server checks everything again and names each refused field.
import { Alert, Anchor, Button, Loader, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { call, errorText, http } from '../../api/client.js';
import { applyErrors, emailCheck, required } from '../../components/form-errors.js';
import { US_STATES, US_TIME_ZONES } from '../../../domain/shared/places.js';

const browserZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return '';
  }
};

/** US zones first, then every other zone the browser knows. */
function zoneOptions() {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const first = new Set<string>(US_TIME_ZONES);
  return [
    { group: 'United States', items: [...US_TIME_ZONES] },
    { group: 'Other time zones', items: all.filter((z) => !first.has(z) && z.includes('/') && !z.startsWith('Etc/')) },
  ];
}

const STATE_OPTIONS = Object.entries(US_STATES).map(([value, name]) => ({ value, label: `${name} (${value})` }));

export function StartPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(zoneOptions, []);
  const here = browserZone();
  const form = useForm({
    initialValues: {
      clinicName: '', ownerName: '', email: '', password: '', address: '', locationName: '',
      timeZone: (US_TIME_ZONES as readonly string[]).includes(here) ? here : '', state: '',
    },
    validate: {
      clinicName: required('clinicName'),
      ownerName: required('ownerName'),
      email: emailCheck(true),
      password: (v) => (v.length >= 10 ? null : 'Use at least 10 characters for the password'),
      address: required('address'),
      locationName: required('locationName'),
      timeZone: required('timeZone'),
      state: required('state'),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call(http.POST('/api/clinic-sign-up', { body: v }));
      setSentTo(r.email);
    } catch (e) {
      setError(applyErrors(form, e));
    } finally {
      setBusy(false);
    }
  });

  if (sentTo) {
    return (
      <Paper withBorder radius="lg" p="xl" maw={560} mx="auto" mt="lg">
        <Stack>
          <Title order={1} size="h2">
            Check your email
          </Title>
          <Text>
            We sent an email to <strong>{sentTo}</strong>. Open the link in it to confirm your address, then sign in: you will set up two-step sign-in and find your
            set-up checklist.
          </Text>
          <Text size="sm" c="dimmed">
            The link works for 24 hours. Nothing there? Look in your spam folder, or sign in and ask for a new link.
          </Text>
          <Button component={Link} to="/sign-in" variant="light">
            Sign in
          </Button>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder radius="lg" p="xl" maw={640} mx="auto" mt="lg">
      <Title order={1} size="h2">
        Start your clinic on Dermis
      </Title>
      <Text c="dimmed" mb="md">
        Your clinic starts empty and private. A checklist walks you through hours, providers, rooms, devices, services and prices; clients find you only when you switch
        online booking on.
      </Text>
      {error ? (
        <Alert color="red" mb="md" role="alert">
          {error}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            Your clinic
          </Title>
          <TextInput label="Clinic name" autoComplete="organization" required {...form.getInputProps('clinicName')} />
          <Text size="sm" c="dimmed">
            Your first location: you can add its opening hours, rooms and devices next. Its state decides the scope-of-practice rules; its time zone, the times
            of opening hours and appointments.
          </Text>
          <TextInput label="Location name" description="For example Downtown or Main Street" required {...form.getInputProps('locationName')} />
          <TextInput label="Address" autoComplete="street-address" description="Street, suite, city and ZIP code" required {...form.getInputProps('address')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select label="State" searchable data={STATE_OPTIONS} required allowDeselect={false} {...form.getInputProps('state')} />
            <Select label="Time zone" searchable data={zones} required allowDeselect={false} limit={80} {...form.getInputProps('timeZone')} />
          </SimpleGrid>
          <Title order={2} size="h4" mt="sm">
            You, the owner
          </Title>
          <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('ownerName')} />
          <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput label="Password" description="At least 10 characters, hard to guess" autoComplete="new-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={busy}>
            Create my clinic
          </Button>
          <Text size="sm">
            Already on Dermis?{' '}
            <Anchor component={Link} to="/sign-in">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}

/** Opened from the confirmation email: confirms the owner's address once, then leads to sign-in. */
export function ConfirmClinicPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<'working' | 'done' | 'failed'>(token ? 'working' : 'failed');
  const [clinic, setClinic] = useState('');
  const [error, setError] = useState<string | null>(token ? null : 'This link is incomplete. Open the link from the email again, or sign in and ask for a new one.');
  const started = useRef(false);
  useEffect(() => {
    // once: the link works only one time, and React may run effects twice in development
    if (!token || started.current) return;
    started.current = true;
    call(http.POST('/api/clinic-sign-up/verify', { body: { token } }))
      .then((r) => {
        setClinic(r.organizationName);
        setState('done');
      })
      .catch((e: unknown) => {
        setError(errorText(e));
        setState('failed');
      });
  }, [token]);
  return (
    <Paper withBorder radius="lg" p="xl" maw={480} mx="auto" mt="lg">
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
            {clinic} is ready to set up. Sign in: first you set up two-step sign-in with an authenticator app, then the checklist shows what is left to do.
          </Alert>
          <Button component={Link} to="/sign-in?next=%2Fconsole%2Fsetup">
            Sign in
          </Button>
        </Stack>
      ) : (
        <Stack>
          <Alert color="red" role="alert">
            {error}
          </Alert>
          <Button component={Link} to="/sign-in" variant="light">
            Sign in
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
