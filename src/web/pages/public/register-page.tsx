import { Alert, Anchor, Button, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { call, http } from '../../api/client.js';
import { applyErrors, dateOfBirthCheck, emailCheck, localToday, phoneCheck, required } from '../../components/form-errors.js';
import { useGet } from '../../api/use-api.js';

export function RegisterPage() {
  const orgs = useGet('/api/public/organizations', {});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { organizationSlug: '', firstName: '', lastName: '', email: '', phone: '', dateOfBirth: '', password: '' },
    validate: {
      firstName: required('firstName'),
      lastName: required('lastName'),
      email: emailCheck(true),
      password: (v) => (v.length >= 10 ? null : 'Use at least 10 characters for the password'),
      phone: phoneCheck,
      dateOfBirth: dateOfBirthCheck,
    },
  });
  const first = orgs.data?.items[0]?.slug;
  useEffect(() => {
    if (first && !form.values.organizationSlug) form.setFieldValue('organizationSlug', first);
    // Only when the list of organizations arrives: the form object changes every render.
  }, [first]);

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call(
        http.POST('/api/register', {
          body: { organizationSlug: v.organizationSlug, firstName: v.firstName, lastName: v.lastName, email: v.email, password: v.password, ...(v.phone ? { phone: v.phone } : {}), ...(v.dateOfBirth ? { dateOfBirth: v.dateOfBirth } : {}) },
        }),
      );
      // the same answer whether or not the address has an account: the email says what to do next
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
            We sent an email to <strong>{sentTo}</strong>. Open the link in it to confirm your address and open your portal.
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
    <Paper withBorder radius="lg" p="xl" maw={560} mx="auto" mt="lg">
      <Title order={1} size="h2">
        Create your account
      </Title>
      <Text c="dimmed" mb="md">
        Your answers and records are private: only you and your care team can see them.
      </Text>
      {error ? (
        <Alert color="red" mb="md" role="alert">
          {error}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack>
          {orgs.data && orgs.data.items.length > 1 ? (
            <Select label="MedSpa" data={orgs.data.items.map((o) => ({ value: o.slug, label: o.name }))} {...form.getInputProps('organizationSlug')} allowDeselect={false} />
          ) : null}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="First name" autoComplete="given-name" required {...form.getInputProps('firstName')} />
            <TextInput label="Last name" autoComplete="family-name" required {...form.getInputProps('lastName')} />
          </SimpleGrid>
          <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="Mobile phone" type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
            <TextInput label="Date of birth" type="date" autoComplete="bday" max={localToday()} {...form.getInputProps('dateOfBirth')} />
          </SimpleGrid>
          <PasswordInput label="Password" description="At least 10 characters" autoComplete="new-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={busy} disabled={!orgs.data}>
            Create account
          </Button>
          <Text size="sm">
            Already have an account?{' '}
            <Anchor component={Link} to="/sign-in">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
