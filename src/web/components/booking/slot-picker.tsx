import { Alert, Button, Chip, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconChevronsRight, IconPlayerTrackNext } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useGet } from '../../api/use-api.js';
import type { Schemas } from '../../api/client.js';
import { prettyDate } from '../../api/clinical-types.js';
import { ErrorAlert } from '../states.js';
import { addDays, addMonths, todayIso } from '../../api/dates.js';
import { startsByDate } from './free-times.js';

type AvailableSlot = Schemas['Slot'];
const DAYS = 7;

export interface SlotPickerProps {
  locationId: string;
  serviceId: string;
  onPick: (s: AvailableSlot) => void;
  picked: AvailableSlot | null;
  /** the first date to show; the picker moves on to the first date the client may book */
  from?: string;
  /** staff booking for a client: offer only what that client may book (a client always gets their own) */
  clientId?: string | undefined;
  planId?: string | null | undefined;
  /** a booking being moved: its own date does not count against the interval between sessions */
  rescheduling?: string | undefined;
  emptyAction?: (range: { from: string; to: string; providerId: string | null }) => ReactNode;
}

/**
 * Provider (or any), day and time from real availability, a week at a time. It opens on the first
 * date the client may book (and jumps to the first free one), moves by week and month up to the
 * booking horizon, and days show how many times are free; a day with nothing free cannot be chosen.
 */
export function SlotPicker({ locationId, serviceId, onPick, picked, from, clientId, planId, rescheduling, emptyAction }: SlotPickerProps) {
  const [start, setStart] = useState(from ?? todayIso());
  const [provider, setProvider] = useState<string | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const to = addDays(start, DAYS - 1);
  const query = { serviceId, from: start, to, ...(provider ? { providerId: provider } : {}), ...(clientId ? { clientId } : {}), ...(planId ? { planId } : {}), ...(rescheduling ? { rescheduling } : {}) };
  const a = useGet('/api/locations/{locationId}/availability', { params: { path: { locationId }, query } });
  const window = a.data?.window ?? null;
  const first = window?.from && window.from > (from ?? todayIso()) ? window.from : (from ?? todayIso());
  const last = window?.until ?? null;
  // open on the first date the client may book, then on the first date with a free time (once)
  const jumped = useRef(false);
  useEffect(() => {
    if (!a.data || a.loading) return;
    if (start < first) return void setStart(first);
    if (!jumped.current) {
      jumped.current = true;
      if (a.data.days.length === 0 && a.data.nextAvailable) setStart(a.data.nextAvailable);
    }
  }, [a.data, a.loading, start, first]);
  const go = (d: string) => {
    setDay(null);
    setStart(d < first ? first : d);
  };

  const byDay = useMemo(() => startsByDate(a.data), [a.data]);
  const dates = Array.from({ length: DAYS }, (_, i) => addDays(start, i)).filter((d) => !last || d <= last);
  const chosenDay = day && byDay.has(day) ? day : (dates.find((d) => byDay.has(d)) ?? null);
  // one button per start time: with "any provider" the first free provider at that time is taken
  const times = byDay.get(chosenDay ?? '') ?? [];

  if (window && !window.bookable) {
    return (
      <Alert color="orange" title="Not bookable online yet">
        {window.reason}
      </Alert>
    );
  }
  const next = a.data?.nextAvailable ?? null;
  const atEnd = last !== null && addDays(start, DAYS) > last;
  return (
    <Stack>
      <Select
        label="Provider"
        data={[{ value: '', label: 'Any provider' }, ...(a.data?.providers.filter((p) => p.eligible).map((p) => ({ value: p.id, label: `${p.name}${p.title ? `, ${p.title}` : ''}` })) ?? [])]}
        value={provider ?? ''}
        onChange={(v) => {
          setProvider(v || null);
          setDay(null);
          jumped.current = false;
        }}
        allowDeselect={false}
      />
      {window?.reason ? <Text size="sm">{window.reason}</Text> : null}
      {a.error ? <ErrorAlert error={a.error} title="Could not load free times" /> : null}
      <Group gap={6} justify="space-between" wrap="wrap">
        <Text size="sm" fw={600} id="week-label">
          {prettyDate(start)} – {prettyDate(dates.at(-1) ?? start)} {a.loading ? <Loader size="xs" ml="xs" /> : null}
        </Text>
        <Group gap={4}>
          <Button size="compact-sm" variant="default" onClick={() => go(addDays(start, -DAYS))} disabled={start <= first} leftSection={<IconChevronLeft size={14} />} aria-label="Previous week">
            Week
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => go(addDays(start, DAYS))} disabled={atEnd} rightSection={<IconChevronRight size={14} />} aria-label="Next week">
            Week
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => go(addMonths(start, 1))} disabled={last !== null && addMonths(start, 1) > last} rightSection={<IconChevronsRight size={14} />} aria-label="Next month">
            Month
          </Button>
        </Group>
      </Group>
      <Chip.Group value={chosenDay ?? ''} onChange={(v) => setDay(typeof v === 'string' ? v : null)}>
        <Group gap={6} aria-labelledby="week-label" role="radiogroup">
          {dates.map((d) => {
            const n = byDay.get(d)?.length ?? 0;
            return (
              <Chip key={d} value={d} disabled={n === 0} size="sm">
                {prettyDate(d)} · {n ? `${n} free` : 'full'}
              </Chip>
            );
          })}
        </Group>
      </Chip.Group>
      {a.data && a.data.days.length === 0 && !a.loading ? (
        <Stack gap="xs" align="flex-start">
          {next ? (
            <>
              <Text c="dimmed">No free times this week. The next free time is on {prettyDate(next)}.</Text>
              <Button variant="light" leftSection={<IconPlayerTrackNext size={16} />} onClick={() => go(next)}>
                Go to {prettyDate(next)}
              </Button>
            </>
          ) : (
            <Text c="dimmed">No free times from this week up to the end of online booking. Try another provider, or join the waitlist.</Text>
          )}
          {emptyAction?.({ from: start, to, providerId: provider })}
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
