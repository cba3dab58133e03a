// Who the booking is for, in one place: search clients by name, phone or email, or add a new client
// inline (the name typed in the search becomes the new client's name). A new client is only created
// when the booking is confirmed (new-booking-modal.tsx), so a phone call that ends early leaves no
// half-made record.
import { Button, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { dateOfBirthCheck, emailCheck, phoneCheck, requiredMessage } from '../../../components/form-errors.js';
import { ErrorAlert } from '../../../components/states.js';

type Client = Schemas['Client'];

export interface NewClientDraft {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  dateOfBirth: string;
}

export type ChosenClient = { kind: 'existing'; client: Client } | { kind: 'new'; draft: NewClientDraft };

/** The draft's problems by field, in the same words as the API (empty when it can be created). */
export function draftProblems(d: NewClientDraft): Partial<Record<keyof NewClientDraft, string>> {
  const out: Partial<Record<keyof NewClientDraft, string>> = {};
  if (!d.firstName.trim()) out.firstName = requiredMessage('firstName');
  if (!d.lastName.trim()) out.lastName = requiredMessage('lastName');
  const phone = phoneCheck(d.phone);
  if (phone) out.phone = phone;
  const email = emailCheck()(d.email);
  if (email) out.email = email;
  const dob = dateOfBirthCheck(d.dateOfBirth);
  if (dob) out.dateOfBirth = dob;
  return out;
}

export const chosenName = (c: ChosenClient) => (c.kind === 'existing' ? `${c.client.firstName} ${c.client.lastName}` : `${c.draft.firstName.trim()} ${c.draft.lastName.trim()}`);

/** "Ana Maria Ruiz" → first name "Ana Maria", last name "Ruiz"; a phone number or email goes to its field. */
function draftFrom(q: string): NewClientDraft {
  const t = q.trim();
  const blank = { firstName: '', lastName: '', phone: '', email: '', dateOfBirth: '' };
  if (t.includes('@')) return { ...blank, email: t };
  if (/^\+?[0-9 ()-]+$/.test(t)) return { ...blank, phone: t };
  const parts = t.split(/\s+/).filter(Boolean);
  return { ...blank, firstName: parts.length > 1 ? parts.slice(0, -1).join(' ') : (parts[0] ?? ''), lastName: parts.length > 1 ? parts.at(-1)! : '' };
}

export function ClientPicker({ value, onChange, errors }: { value: ChosenClient | null; onChange: (c: ChosenClient | null) => void; errors: Partial<Record<keyof NewClientDraft, string>> }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const found = useGet('/api/clients', debounced.length >= 2 && !value ? { params: { query: { limit: 5, q: debounced } } } : null);

  if (value?.kind === 'existing') {
    const c = value.client;
    return (
      <Paper withBorder p="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <div>
            <Text size="sm" fw={600}>
              Client: {c.firstName} {c.lastName}
            </Text>
            <Text size="xs">{[c.phone, c.email].filter(Boolean).join(' · ') || 'No phone or email on file'}</Text>
          </div>
          <Button variant="subtle" size="compact-sm" onClick={() => onChange(null)}>
            Change
          </Button>
        </Group>
      </Paper>
    );
  }
  if (value?.kind === 'new') {
    const d = value.draft;
    const set = (field: keyof NewClientDraft) => (e: React.ChangeEvent<HTMLInputElement>) => onChange({ kind: 'new', draft: { ...d, [field]: e.currentTarget.value } });
    return (
      <Paper withBorder p="xs">
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" fw={600}>
              New client
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={() => onChange(null)}>
              Find a client instead
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <TextInput label="First name" required value={d.firstName} onChange={set('firstName')} error={errors.firstName} autoComplete="off" />
            <TextInput label="Last name" required value={d.lastName} onChange={set('lastName')} error={errors.lastName} autoComplete="off" />
            <TextInput label="Phone" type="tel" value={d.phone} onChange={set('phone')} error={errors.phone} autoComplete="off" />
            <TextInput label="Email" type="email" value={d.email} onChange={set('email')} error={errors.email} autoComplete="off" />
            <TextInput label="Date of birth" type="date" value={d.dateOfBirth} onChange={set('dateOfBirth')} error={errors.dateOfBirth} />
          </SimpleGrid>
          <Text size="xs">The client is added when you confirm the booking.</Text>
        </Stack>
      </Paper>
    );
  }
  const items = found.data?.items ?? [];
  return (
    <Stack gap={6}>
      <TextInput
        label="Client"
        placeholder="Name, phone or email"
        description="Search, or add a new client"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        rightSection={found.loading ? <Loader size="xs" /> : null}
        data-autofocus
      />
      {found.error ? <ErrorAlert error={found.error} title="Could not search clients" /> : null}
      {items.length ? (
        <Stack gap={4} role="list" aria-label="Matching clients">
          {items.map((c) => (
            <UnstyledButton key={c.id} role="listitem" onClick={() => onChange({ kind: 'existing', client: c })} p={6} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
              <Text size="sm" fw={600}>
                {c.firstName} {c.lastName}
              </Text>
              <Text size="xs">{[c.phone, c.email].filter(Boolean).join(' · ') || 'No phone or email on file'}</Text>
            </UnstyledButton>
          ))}
        </Stack>
      ) : debounced.length >= 2 && found.data ? (
        <Text size="sm">No client matches “{debounced}”.</Text>
      ) : null}
      <Group>
        <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => onChange({ kind: 'new', draft: draftFrom(q) })}>
          {q.trim() && !q.includes('@') && !/^\+?[0-9 ()-]+$/.test(q.trim()) ? `Add “${q.trim()}” as a new client` : 'Add a new client'}
        </Button>
      </Group>
    </Stack>
  );
}
