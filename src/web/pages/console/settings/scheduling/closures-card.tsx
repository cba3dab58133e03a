import { Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { call, http } from '../../../../api/client.js';
import { todayIso, useSubmit, FormError } from './helpers.js';
import type { CardProps } from './types.js';

// Shown inside the opening-hours card: a closure is a date the location is not open.
export function ClosuresBlock({ setup, canEdit, reload }: CardProps) {
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const save = useSubmit((p) => p === 'date' || p === 'reason');
  const closures = [...setup.closures].sort((a, b) => a.date.localeCompare(b.date));
  const upcoming = closures.filter((c) => c.date >= todayIso());
  return (
    <Stack gap="xs" mt="sm">
      <Title order={2} size="h5">
        Closures
      </Title>
      {canEdit ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save
              .run(
                () =>
                  call(
                    http.POST('/api/locations/{locationId}/closures', {
                      params: { path: { locationId: setup.location.id } },
                      body: { date, reason: reason.trim() },
                    }),
                  ),
                `Closed on ${date}.`,
              )
              .then((ok) => {
                if (ok) {
                  setDate('');
                  setReason('');
                  reload();
                }
              });
          }}
        >
          <Group align="flex-end" wrap="wrap" gap="sm">
            <TextInput
              type="date"
              label="Close on"
              required
              min={todayIso()}
              value={date}
              error={save.fields.date}
              onChange={(e) => setDate(e.currentTarget.value)}
            />
            <TextInput
              label="Reason"
              placeholder="Public holiday"
              style={{ flex: 1, minWidth: 180 }}
              value={reason}
              error={save.fields.reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button type="submit" variant="light" loading={save.busy} disabled={!date}>
              Close on this date
            </Button>
          </Group>
        </form>
      ) : null}
      <FormError error={save.error} />
      {upcoming.length === 0 ? (
        <Text size="sm" c="dimmed">
          No upcoming closures.
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {upcoming.map((c) => (
            <List.Item key={c.date}>
              <Text span fw={600} size="sm">
                {new Date(`${c.date}T12:00:00`).toLocaleDateString(undefined, {
                  weekday: 'short',
                  year: 'numeric',
                  month: 'short',
                  day: 'numeric',
                })}
              </Text>
              {c.reason ? ` — ${c.reason}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {closures.length > upcoming.length ? (
        <Text size="xs" c="dimmed">
          {closures.length - upcoming.length} past closure{closures.length - upcoming.length === 1 ? '' : 's'}{' '}
          not shown.
        </Text>
      ) : null}
    </Stack>
  );
}
