import { Button, Chip, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useGet } from '../../api/use-api.js';
import type { Schemas } from '../../api/client.js';
import { prettyDate } from '../../api/clinical-types.js';
import { ErrorAlert } from '../states.js';
import { addDays } from '../../api/dates.js';

type AvailableSlot = Schemas['Slot'];

/**
 * Provider (or any), day and time from real availability. Days show how many times are free, so a
 * busy week is visible at a glance; a day with nothing free cannot be chosen.
 */
export function SlotPicker({ locationId, serviceId, from, days = 14, onPick, picked, emptyAction }: { locationId: string; serviceId: string; from: string; days?: number; onPick: (s: AvailableSlot) => void; picked: AvailableSlot | null; emptyAction?: (range: { from: string; to: string; providerId: string | null }) => ReactNode }) {
  const to = addDays(from, days - 1);
  const [provider, setProvider] = useState<string | null>(null);
  const a = useGet('/api/locations/{locationId}/availability', { params: { path: { locationId }, query: { serviceId, from, to, ...(provider ? { providerId: provider } : {}) } } });
  const [day, setDay] = useState<string | null>(null);
  const byDay = useMemo(() => {
    const m = new Map<string, AvailableSlot[]>();
    for (const s of a.data?.slots ?? []) m.set(s.localDate, [...(m.get(s.localDate) ?? []), s]);
    return m;
  }, [a.data]);
  const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
  const chosenDay = day ?? dates.find((d) => byDay.has(d)) ?? null;
  // one button per start time: with "any provider" the first free provider at that time is taken
  const times = useMemo(() => {
    const seen = new Map<string, AvailableSlot>();
    for (const s of byDay.get(chosenDay ?? '') ?? []) if (!seen.has(s.start)) seen.set(s.start, s);
    return [...seen.values()];
  }, [byDay, chosenDay]);

  return (
    <Stack>
      <Select
        label="Provider"
        data={[{ value: '', label: 'Any provider' }, ...(a.data?.providers.filter((p) => p.eligible).map((p) => ({ value: p.id, label: `${p.name}${p.title ? `, ${p.title}` : ''}` })) ?? [])]}
        value={provider ?? ''}
        onChange={(v) => {
          setProvider(v || null);
          setDay(null);
        }}
        allowDeselect={false}
      />
      {a.error ? <ErrorAlert error={a.error} title="Could not load free times" /> : null}
      <div>
        <Text size="sm" fw={600} mb={4} id="day-label">
          Day {a.loading ? <Loader size="xs" ml="xs" /> : null}
        </Text>
        <Chip.Group value={chosenDay ?? ''} onChange={(v) => setDay(typeof v === 'string' ? v : null)}>
          <Group gap={6} aria-labelledby="day-label" role="radiogroup">
            {dates.map((d) => {
              const n = byDay.get(d)?.length ?? 0;
              return (
                <Chip key={d} value={d} disabled={n === 0} size="sm">
                  {prettyDate(d)} · {n ? `${new Set(byDay.get(d)!.map((s) => s.start)).size} free` : 'full'}
                </Chip>
              );
            })}
          </Group>
        </Chip.Group>
      </div>
      {a.data && a.data.slots.length === 0 && !a.loading ? (
        <Stack gap="xs" align="flex-start">
          <Text c="dimmed">No free times in these two weeks. Try another provider, or wait for a time to open up.</Text>
          {emptyAction?.({ from, to, providerId: provider })}
        </Stack>
      ) : null}
      {chosenDay && times.length ? (
        <div>
          <Text size="sm" fw={600} mb={4}>
            Time ({a.data?.location.timeZone})
          </Text>
          {/* wrapping buttons of a fixed width read well in a narrow drawer and on a phone */}
          <Group gap={6} role="group" aria-label={`Free times on ${prettyDate(chosenDay)}`}>
            {times.map((s) => (
              <Button key={s.start} w={84} px={0} variant={picked?.start === s.start ? 'filled' : 'default'} onClick={() => onPick(s)} aria-pressed={picked?.start === s.start}>
                {s.localTime}
              </Button>
            ))}
          </Group>
        </div>
      ) : null}
    </Stack>
  );
}

