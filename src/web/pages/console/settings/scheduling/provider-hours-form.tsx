import { Alert, Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { call, errorText, http } from '../../../../api/client.js';
import { DEFAULT_SCHEDULE, weeklyProblems, useSubmit, FormError } from './helpers.js';
import type { Weekly, Provider, SchedulingSetup } from './types.js';
import { WeeklyEditor } from './weekly-editor.js';

// A provider's own hours: the weekly pattern, and one date that differs from it.
export function ProviderHoursForm({
  provider,
  setup,
  onDone,
}: {
  provider: Provider;
  setup: SchedulingSetup;
  onDone: () => void;
}) {
  const [weekly, setWeekly] = useState<Weekly>(() =>
    structuredClone(provider.weekly ?? setup.schedule?.weekly ?? DEFAULT_SCHEDULE.weekly),
  );
  const save = useSubmit();
  const local = weeklyProblems(weekly);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Hours {provider.name} works at {setup.location.name} ({setup.location.timeZone}). Bookings also need
        the location to be open.
      </Text>
      <WeeklyEditor value={weekly} onChange={setWeekly} errors={{ ...save.fields, ...local }} />
      <FormError error={save.error} />
      <Group justify="flex-end">
        <Button
          loading={save.busy}
          disabled={Object.keys(local).length > 0}
          onClick={() =>
            void save
              .run(
                () =>
                  call(
                    http.PUT('/api/providers/{userId}/schedule', {
                      params: { path: { userId: provider.id } },
                      body: { locationId: setup.location.id, weekly },
                    }),
                  ),
                `Hours saved for ${provider.name}.`,
              )
              .then((ok) => ok && onDone())
          }
        >
          Save hours
        </Button>
      </Group>
    </Stack>
  );
}

/** Different hours on one date at this location (or a day off), replacing the weekly hours. */
export function DayOverrideForm({
  provider,
  locationId,
  onDone,
}: {
  provider: Provider;
  locationId: string;
  onDone: () => void;
}) {
  const [date, setDate] = useState('');
  const [off, setOff] = useState(false);
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('17:00');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      await call(
        http.PUT('/api/providers/{userId}/overrides', {
          params: { path: { userId: provider.id } },
          body: { locationId, date, ranges: off ? [] : [{ start, end }] },
        }),
      );
      notifications.show({ color: 'teal', message: `Hours on ${date} saved for ${provider.name}.` });
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack>
      <TextInput
        label="Date"
        type="date"
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
        required
      />
      <Switch label="Day off" checked={off} onChange={(e) => setOff(e.currentTarget.checked)} />
      {!off ? (
        <Group grow>
          <TextInput
            label="Starts"
            type="time"
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
          />
          <TextInput label="Ends" type="time" value={end} onChange={(e) => setEnd(e.currentTarget.value)} />
        </Group>
      ) : null}
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <Button onClick={() => void save()} disabled={!date || (!off && end <= start)}>
        Save this day
      </Button>
    </Stack>
  );
}
