import type { Schemas } from '../../../api/client.js';
import { Badge, Box, Paper, ScrollArea, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { BOOKING_STATUS } from '../../../api/clinical-types.js';

type Booking = Schemas['Booking'];

const START_HOUR = 7;
const END_HOUR = 21;
const PX_PER_MIN = 1.2;

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

export interface Column {
  id: string;
  name: string;
}

/**
 * One day as columns (providers or rooms) on a local time axis; each booking is placed at its local
 * start with its length. Cancelled bookings are left out; the grid scrolls sideways on a phone.
 */
export function DayGrid({ columns, bookings, columnOf, onOpen }: { columns: Column[]; bookings: Booking[]; columnOf: (b: Booking) => string | null; onOpen: (b: Booking) => void }) {
  const height = (END_HOUR - START_HOUR) * 60 * PX_PER_MIN;
  const hours = Array.from({ length: END_HOUR - START_HOUR + 1 }, (_, i) => START_HOUR + i);
  const visible = bookings.filter((b) => b.status !== 'cancelled' && b.status !== 'late_cancelled');
  return (
    <ScrollArea type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, role: "region", "aria-label": "Calendar, scrolls sideways" }}>
      <Box style={{ display: 'grid', gridTemplateColumns: `56px repeat(${Math.max(columns.length, 1)}, minmax(150px, 1fr))`, minWidth: 56 + 150 * columns.length }}>
        <div />
        {columns.map((c) => (
          <Text key={c.id} fw={600} size="sm" ta="center" p={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            {c.name}
          </Text>
        ))}
        <Box style={{ position: 'relative', height }}>
          {hours.map((h) => (
            <Text key={h} size="xs" c="dimmed" style={{ position: 'absolute', top: (h - START_HOUR) * 60 * PX_PER_MIN - 7, right: 6 }}>
              {String(h).padStart(2, '0')}:00
            </Text>
          ))}
        </Box>
        {columns.map((c) => (
          <Box key={c.id} style={{ position: 'relative', height, borderLeft: '1px solid var(--mantine-color-gray-3)' }} role="group" aria-label={`Bookings for ${c.name}`}>
            {hours.map((h) => (
              <div key={h} style={{ position: 'absolute', left: 0, right: 0, top: (h - START_HOUR) * 60 * PX_PER_MIN, borderTop: '1px dashed var(--mantine-color-gray-2)' }} />
            ))}
            {visible
              .filter((b) => columnOf(b) === c.id)
              .map((b) => {
                const top = (minutesOf(b.localTime) - START_HOUR * 60) * PX_PER_MIN;
                const len = (Date.parse(b.end) - Date.parse(b.start)) / 60000;
                const status = BOOKING_STATUS[b.status];
                return (
                  <UnstyledButton key={b.id} onClick={() => onOpen(b)} style={{ position: 'absolute', top, left: 4, right: 4, height: Math.max(len * PX_PER_MIN - 2, 22) }}>
                    <Paper withBorder shadow="xs" p={4} h="100%" style={{ overflow: 'hidden', borderLeft: `4px solid var(--mantine-color-${status.color}-7)`, background: 'var(--mantine-color-body)' }}>
                      <Text size="xs" fw={700} lh={1.2}>
                        {b.localTime} {b.client.name}
                      </Text>
                      <Text size="xs" lh={1.2}>
                        {b.service.name}
                      </Text>
                      {b.status !== 'confirmed' ? (
                        <Badge size="xs" color={status.color} variant="light">
                          {status.label}
                        </Badge>
                      ) : (
                        <VisuallyHidden>{status.label}</VisuallyHidden>
                      )}
                    </Paper>
                  </UnstyledButton>
                );
              })}
          </Box>
        ))}
      </Box>
    </ScrollArea>
  );
}
