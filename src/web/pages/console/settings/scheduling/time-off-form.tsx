import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call, http } from '../../../../api/client.js';
import { useSubmit, FormError } from './helpers.js';
import type { Provider } from './types.js';

export function TimeOffForm({ provider, onDone }: { provider: Provider; onDone: () => void }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const save = useSubmit((p) => p === 'from' || p === 'to' || p === 'reason');
  const order = from && to && new Date(to) <= new Date(from) ? 'Ends before it starts' : undefined;
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save
          .run(
            () =>
              call(
                http.POST('/api/providers/{userId}/time-off', {
                  params: { path: { userId: provider.id } },
                  body: {
                    from: new Date(from).toISOString(),
                    to: new Date(to).toISOString(),
                    reason: reason.trim(),
                  },
                }),
              ),
            `Time off recorded for ${provider.name}.`,
          )
          .then((ok) => ok && onDone());
      }}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Times are in this device&apos;s time zone ({tz}). Existing bookings in this period are not cancelled
          automatically.
        </Text>
        <TextInput
          type="datetime-local"
          label="From"
          required
          value={from}
          error={save.fields.from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="datetime-local"
          label="To"
          required
          value={to}
          error={order ?? save.fields.to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <TextInput
          label="Reason"
          placeholder="Vacation"
          value={reason}
          error={save.fields.reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy} disabled={!from || !to || !!order}>
            Record time off
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
