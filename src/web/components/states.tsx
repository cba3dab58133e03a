import { Alert, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorText } from '../api/client.js';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="xl" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-label={label} />
        <Text size="sm" c="dimmed">
          {label}…
        </Text>
      </Stack>
    </Center>
  );
}

export function ErrorAlert({ error, title = 'Could not load this' }: { error: unknown; title?: string }) {
  return (
    <Alert color="red" icon={<IconAlertCircle />} title={title} role="alert">
      {errorText(error)}
    </Alert>
  );
}

export function Empty({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" maw={420} ta="center">
        <IconInbox size={40} stroke={1.4} aria-hidden />
        {/* h2: never skips a level below the page's h1, wherever the empty state sits */}
        <Title order={2} size="h4">
          {title}
        </Title>
        {children ? (
          <Text c="dimmed" size="sm">
            {children}
          </Text>
        ) : null}
        {action}
      </Stack>
    </Center>
  );
}
