// A heading over a stack of content: the common shape of a titled section on a page, so its heading level and spacing are the same everywhere.
import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function TitledStack({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
