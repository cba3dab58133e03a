import { ActionIcon, Button, Card, Group, SegmentedControl, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { BarChart } from '../../../components/charts.js';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { call, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { prettyDate } from '../../../api/clinical-types.js';
import { useSession } from '../../../auth/session.js';
import { Page } from '../../../components/page.js';
import { ErrorAlert, Loading } from '../../../components/states.js';
import { addDays } from '../../../api/dates.js';
import { DayGrid } from './day-grid.js';
import { BookingDrawer } from './booking-drawer.js';
import { NewBookingModal } from './new-booking-modal.js';
import { WaitlistCard } from './waitlist-card.js';
import { showUndo } from './undo-notice.js';

type Booking = Schemas['Booking'];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const localToday = (tz: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The desk's day and week: by provider or by room, with reschedule, cancel, check-in and no-show. */
export function SchedulePage() {
  const { me } = useSession();
  const org = useGet('/api/organization', {});
  const [locationId, setLocationId] = useState<string | null>(null);
  const location = org.data?.locations.find((l) => l.id === locationId) ?? org.data?.locations[0];
  const [date, setDate] = useState<string | null>(null);
  const day = date ?? (location ? localToday(location.timeZone) : null);
  const [by, setBy] = useState<'provider' | 'room'>('provider');
  const [span, setSpan] = useState<'day' | 'week'>('day');
  const [changes, setChanges] = useState(0);
  const [open, setOpen] = useState<Booking | null>(null);
  const [creating, setCreating] = useState(false);
  const weekStart = day ? addDays(day, -((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7)) : null;
  const setup = useGet('/api/locations/{locationId}/scheduling-setup', location ? { params: { path: { locationId: location.id } } } : null);
  const week = useGet('/api/bookings', location && weekStart ? { params: { query: { locationId: location.id, from: weekStart, to: addDays(weekStart, 6) } } } : null);
  const todays = (week.data?.items ?? []).filter((b) => b.localDate === day);
  const columns = useMemo(() => {
    if (!setup.data) return [];
    return by === 'provider' ? setup.data.providers.filter((p) => p.weekly || todays.some((b) => b.provider.id === p.id)).map((p) => ({ id: p.id, name: p.name })) : setup.data.rooms;
  }, [setup.data, by, todays]);
  const chart = useMemo(() => {
    if (!weekStart) return [];
    return Array.from({ length: 7 }, (_, i) => {
      const d = addDays(weekStart, i);
      const list = (week.data?.items ?? []).filter((b) => b.localDate === d);
      return { day: prettyDate(d), Booked: list.filter((b) => !['cancelled', 'late_cancelled', 'no_show'].includes(b.status)).length, Cancelled: list.filter((b) => b.status === 'cancelled' || b.status === 'late_cancelled').length, 'No-show': list.filter((b) => b.status === 'no_show').length };
    });
  }, [week.data, weekStart]);

  if (org.loading) return <Loading label="Loading locations" />;
  if (!location || !day) return <ErrorAlert error={org.error} />;
  return (
    <Page
      title="Schedule"
      lead={`Good to see you, ${me?.user.name.split(' ')[0] ?? ''}. Times are in ${location.timeZone.replace('_', ' ')}.`}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          New booking
        </Button>
      }
    >
      <Group wrap="wrap" align="flex-end">
        <Select label="Location" data={org.data?.locations.map((l) => ({ value: l.id, label: l.name })) ?? []} value={location.id} onChange={(v) => setLocationId(v)} allowDeselect={false} w={240} />
        <Group gap={4} align="flex-end">
          <ActionIcon variant="default" size="lg" aria-label="Previous day" onClick={() => setDate(addDays(day, -1))}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <TextInput label="Date" type="date" value={day} onChange={(e) => setDate(e.currentTarget.value || null)} w={160} />
          <ActionIcon variant="default" size="lg" aria-label="Next day" onClick={() => setDate(addDays(day, 1))}>
            <IconChevronRight size={16} />
          </ActionIcon>
          <Button variant="subtle" onClick={() => setDate(null)}>
            Today
          </Button>
        </Group>
        <SegmentedControl value={span} onChange={(v) => setSpan(v === 'week' ? 'week' : 'day')} data={[{ value: 'day', label: 'Day' }, { value: 'week', label: 'Week' }]} aria-label="Span" />
        {span === 'day' ? <SegmentedControl value={by} onChange={(v) => setBy(v === 'room' ? 'room' : 'provider')} data={[{ value: 'provider', label: 'By provider' }, { value: 'room', label: 'By room' }]} aria-label="Columns" /> : null}
      </Group>
      {week.error ? <ErrorAlert error={week.error} /> : null}
      <Card withBorder p="xs" aria-busy={week.loading && !week.data}>
        <Title order={2} size="h5" mb="xs">
          {span === 'week' ? `Week of ${prettyDate(weekStart!)}` : prettyDate(day)}
          {/* no count until the bookings are in: "0 bookings" while loading reads as an empty day */}
          {week.data && !week.loading ? ` · ${plural((span === 'week' ? week.data.items : todays).filter((b) => b.status !== 'cancelled' && b.status !== 'late_cancelled').length, 'booking')}` : ''}
        </Title>
        {week.loading && !week.data ? (
          <Stack gap="xs">
            <Loading label="Loading the day" />
            <Skeleton height={28} />
            <Skeleton height={120} />
          </Stack>
        ) : span === 'day' ? (
          <DayGrid columns={columns} bookings={todays} columnOf={(b) => (by === 'provider' ? b.provider.id : (b.room?.id ?? null))} onOpen={setOpen} />
        ) : (
          <DayGrid columns={Array.from({ length: 7 }, (_, i) => ({ id: addDays(weekStart!, i), name: prettyDate(addDays(weekStart!, i)) }))} bookings={week.data?.items ?? []} columnOf={(b) => b.localDate} onOpen={setOpen} />
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h5" mb="xs">
          This week
        </Title>
        <div role="img" aria-label="Bookings per day this week, as listed below">
          <BarChart h={180} data={chart} dataKey="day" type="stacked" series={[{ name: 'Booked', color: 'teal.7' }, { name: 'Cancelled', color: 'gray.6' }, { name: 'No-show', color: 'red.7' }]} />
        </div>
        <Stack gap={2} mt="xs">
          {chart.map((c, i) => (
            <Text key={c.day} size="xs" c="dimmed" component="button" onClick={() => setDate(addDays(weekStart!, i))} style={{ background: 'none', border: 0, textAlign: 'left', cursor: 'pointer', padding: 0 }}>
              {c.day}: {c.Booked} booked, {c.Cancelled} cancelled, {c['No-show']} no-show
            </Text>
          ))}
        </Stack>
      </Card>
      <WaitlistCard locationId={location.id} reloadKey={changes} />
      {open ? (
        <BookingDrawer
          booking={open}
          onClose={() => setOpen(null)}
          onChanged={(b) => {
            // an undo may come after the drawer was closed: it must not open it again
            setOpen((o) => (o?.id === b.id ? b : o));
            week.reload();
            setChanges((n) => n + 1);
          }}
        />
      ) : null}
      {creating ? (
        <NewBookingModal
          locationId={location.id}
          timeZone={location.timeZone}
          rooms={setup.data?.rooms ?? []}
          from={day}
          onClose={() => setCreating(false)}
          onBooked={(b) => {
            setCreating(false);
            setDate(b.localDate);
            week.reload();
            showUndo({
              title: 'Booked',
              message: `${b.client.name}, ${b.service.name}, ${prettyDate(b.localDate)} at ${b.localTime}.`,
              undoneMessage: `The booking for ${b.client.name} was undone; the client was not told.`,
              onUndo: async () => {
                await call(http.POST('/api/bookings/{bookingId}/undo', { params: { path: { bookingId: b.id } } }));
                week.reload();
                setChanges((n) => n + 1);
              },
            });
          }}
        />
      ) : null}
    </Page>
  );
}
