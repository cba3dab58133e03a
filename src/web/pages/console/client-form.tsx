import { Alert, Button, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { call, http, type Schemas } from '../../api/client.js';
import { applyErrors, dateOfBirthCheck, emailCheck, localToday, phoneCheck, required } from '../../components/form-errors.js';
import { useGet } from '../../api/use-api.js';

type Client = Schemas['Client'];

/** Create (no client) or edit (client given) contact details; server field errors land on the fields. */
export function ClientForm({ client, onSaved, submitLabel = 'Save' }: { client?: Client; onSaved: (c: Client) => void; submitLabel?: string }) {
  const org = useGet('/api/organization', {});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: {
      firstName: client?.firstName ?? '',
      lastName: client?.lastName ?? '',
      email: client?.email ?? '',
      phone: client?.phone ?? '',
      dateOfBirth: client?.dateOfBirth ?? '',
      preferredLocationId: client?.preferredLocationId ?? '',
    },
    validate: { firstName: required('firstName'), lastName: required('lastName'), email: emailCheck(), phone: phoneCheck, dateOfBirth: dateOfBirthCheck },
  });
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setError(null);
    const body = { firstName: v.firstName, lastName: v.lastName, email: v.email || null, phone: v.phone || null, dateOfBirth: v.dateOfBirth || null, preferredLocationId: v.preferredLocationId || null };
    try {
      const saved = client
        ? await call(http.PATCH('/api/clients/{clientId}', { params: { path: { clientId: client.id } }, body }))
        : await call(http.POST('/api/clients', { body }));
      onSaved(saved);
    } catch (e) {
      setError(applyErrors(form, e));
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label="First name" required {...form.getInputProps('firstName')} />
          <TextInput label="Last name" required {...form.getInputProps('lastName')} />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
          <TextInput label="Date of birth" type="date" max={localToday()} {...form.getInputProps('dateOfBirth')} />
          <Select
            label="Preferred location"
            clearable
            data={(org.data?.locations ?? []).map((l) => ({ value: l.id, label: l.name }))}
            {...form.getInputProps('preferredLocationId')}
          />
        </SimpleGrid>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
