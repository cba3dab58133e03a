import { ActionIcon, Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { DAYS } from './helpers.js';
import type { DayKey, TimeRange, Weekly } from './types.js';

// One editor for weekly hours: the location's opening hours and each provider's working hours.
export function WeeklyEditor({
  value,
  onChange,
  disabled = false,
  errors = {},
  errorPrefix = 'weekly',
}: {
  value: Weekly;
  onChange: (next: Weekly) => void;
  disabled?: boolean;
  errors?: Record<string, string>;
  errorPrefix?: string;
}) {
  const setDay = (key: DayKey, ranges: TimeRange[] | null) => {
    const next: Weekly = { ...value };
    if (ranges === null) delete next[key];
    else next[key] = ranges;
    onChange(next);
  };
  return (
    <Stack gap="xs">
      {DAYS.map((d) => {
        const ranges = value[d.key] ?? [];
        const open = ranges.length > 0;
        return (
          <Group key={d.key} align="flex-start" gap="sm" wrap="wrap">
            <Switch
              w={130}
              mt={6}
              label={d.name}
              aria-label={`${d.name} open`}
              checked={open}
              disabled={disabled}
              onChange={(e) =>
                setDay(d.key, e.currentTarget.checked ? [{ start: '09:00', end: '17:00' }] : null)
              }
            />
            {open ? (
              <Stack gap={6} style={{ flex: 1, minWidth: 220 }}>
                {ranges.map((r, i) => {
                  const suffix = i === 0 ? '' : `, range ${i + 1}`;
                  const base = `${errorPrefix}.${d.key}.${i}`;
                  const update = (patch: Partial<TimeRange>) =>
                    setDay(
                      d.key,
                      ranges.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                    );
                  return (
                    <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                      <TextInput
                        type="time"
                        size="xs"
                        aria-label={`${d.name} opens${suffix}`}
                        value={r.start}
                        disabled={disabled}
                        error={errors[`${base}.start`]}
                        onChange={(e) => update({ start: e.currentTarget.value })}
                      />
                      <Text size="sm" mt={4} aria-hidden>
                        to
                      </Text>
                      <TextInput
                        type="time"
                        size="xs"
                        aria-label={`${d.name} closes${suffix}`}
                        value={r.end}
                        disabled={disabled}
                        error={errors[`${base}.end`] ?? errors[base]}
                        onChange={(e) => update({ end: e.currentTarget.value })}
                      />
                      {!disabled ? (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          mt={2}
                          aria-label={`Remove ${d.name} range ${i + 1}`}
                          onClick={() =>
                            setDay(d.key, ranges.length === 1 ? null : ranges.filter((_, j) => j !== i))
                          }
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      ) : null}
                    </Group>
                  );
                })}
                {!disabled ? (
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    leftSection={<IconPlus size={14} />}
                    style={{ alignSelf: 'flex-start' }}
                    aria-label={`Add range on ${d.name}`}
                    onClick={() => {
                      const last = ranges[ranges.length - 1];
                      const start = last && last.end < '22:00' ? last.end : '13:00';
                      const end =
                        start < '23:00'
                          ? `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}${start.slice(2)}`
                          : '23:59';
                      setDay(d.key, [...ranges, { start, end }]);
                    }}
                  >
                    Add range
                  </Button>
                ) : null}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed" mt={6}>
                Closed
              </Text>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
