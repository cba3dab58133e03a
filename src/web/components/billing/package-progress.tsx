// One package a client holds: name, what remains (as text and as a bar), expiry and status.
import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { PACKAGE_STATUS, remainingText } from '../../api/billing-types.js';
import type { Schemas } from '../../api/client.js';
import { calendarDate } from '../../api/dates.js';

export function PackageProgress({ purchase, actions }: { purchase: Schemas['PackagePurchase']; actions?: ReactNode }) {
  const status = PACKAGE_STATUS[purchase.status];
  const text = remainingText(purchase);
  const percent = purchase.sessionsTotal ? (purchase.sessionsRemaining / purchase.sessionsTotal) * 100 : 0;
  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{purchase.name}</Text>
        <Badge variant="light" color={status.color}>
          {status.label}
        </Badge>
      </Group>
      <Text size="sm">{text}</Text>
      <Progress value={percent} aria-label={text} size="lg" />
      <Text size="sm" c="dimmed">
        {purchase.status === 'expired' ? 'Expired' : 'Valid until'} {calendarDate(purchase.expiresOn)}
        {purchase.sessionsRefunded ? ` · ${purchase.sessionsRefunded} refunded` : ''}
      </Text>
      {actions}
    </Stack>
  );
}
