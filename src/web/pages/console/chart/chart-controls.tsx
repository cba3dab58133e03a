// Pieces the chart's sections share, so that each looks and reads the same wherever it appears.
import { ActionIcon, Alert, Button, Card, Group, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiError, errorText } from '../../../api/client.js';
import { splitErrors } from '../../../components/form-errors.js';
import { shownOnChart } from './use-chart-submit.js';
import { useSession } from '../../../auth/session.js';
import { TitledStack } from '../../../components/titled-stack.js';

/** A titled card; the section is named by its title for screen readers. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-label={title}>
      <TitledStack title={title}>{children}</TitledStack>
    </Card>
  );
}

/** An error about a whole section (e.g. "at least one area"), which belongs to no single field. */
export function SectionError({ error }: { error: string | undefined }) {
  return error ? (
    <Text c="red.9" size="sm">
      {error}
    </Text>
  ) : null;
}

export function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" size="lg" mb={4} aria-label={label} onClick={onClick}>
      <IconTrash size={18} />
    </ActionIcon>
  );
}

export function AddRowButton({ children, onClick }: { children: ReactNode; onClick: () => void }) {
  return (
    <Group>
      <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onClick}>
        {children}
      </Button>
    </Group>
  );
}

/** Signing and amending both ask for the typed name, and show whose session it is. */
export function SignatureNameInput({
  value,
  error,
  required,
  onChange,
}: {
  value: string;
  error: string | undefined;
  required?: boolean;
  onChange: (value: string) => void;
}) {
  const { me } = useSession();
  return (
    <TextInput
      label="Type your full name to sign"
      description={me ? `Signing as ${me.user.name}` : undefined}
      required={required}
      value={value}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
      autoComplete="name"
    />
  );
}

export function FailureAlert({ title, failure }: { title: string; failure: unknown }) {
  return (
    <Alert color="red" icon={<IconAlertCircle />} title={title} role="alert">
      {failure instanceof ApiError ? splitErrors(failure, failure.fields.map((f) => f.path).filter(shownOnChart)).message : errorText(failure)}
    </Alert>
  );
}
