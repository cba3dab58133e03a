import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { call, http } from '../../../../api/client.js';
import {
  GRID_OPTIONS,
  DEFAULT_SCHEDULE,
  isGrid,
  toNum,
  weeklyProblems,
  useSubmit,
  FormError,
  Section,
} from './helpers.js';
import type { LocationSchedule, CardProps } from './types.js';
import { WeeklyEditor } from './weekly-editor.js';
import { ClosuresBlock } from './closures-card.js';

/** The numeric booking rules, in the order they appear under the weekly hours. */
const BOOKING_RULES: {
  key: 'minNoticeMin' | 'horizonDays' | 'holdMin' | 'lateCancelHours';
  label: string;
  description: string;
  suffix: string;
  min: number;
}[] = [
  {
    key: 'minNoticeMin',
    label: 'Minimum notice',
    description: 'How soon online booking may start',
    suffix: ' min',
    min: 0,
  },
  {
    key: 'horizonDays',
    label: 'Booking horizon',
    description: 'How far ahead clients may book',
    suffix: ' days',
    min: 1,
  },
  {
    key: 'holdMin',
    label: 'Hold length',
    description: 'How long a slot is held during checkout',
    suffix: ' min',
    min: 1,
  },
  {
    key: 'lateCancelHours',
    label: 'Late-cancel window',
    description: 'Cancelling inside this window counts as late',
    suffix: ' hours',
    min: 0,
  },
];

export function HoursSection({ setup, canEdit, reload }: CardProps) {
  const locationId = setup.location.id;
  const [draft, setDraft] = useState<LocationSchedule>(() =>
    structuredClone(setup.schedule ?? DEFAULT_SCHEDULE),
  );
  const save = useSubmit();
  const gridMin = draft.gridMin;
  const local: Record<string, string> = weeklyProblems(draft.weekly);
  if (!isGrid(gridMin)) local.gridMin = 'Choose a slot grid';
  const errors = { ...save.fields, ...local };
  const setNum = (key: keyof Omit<LocationSchedule, 'weekly'>) => (v: number | string) =>
    setDraft({ ...draft, [key]: toNum(v) ?? 0 });

  return (
    <Section
      title="Opening hours"
      description={`Times are in the location's time zone (${setup.location.timeZone}). Bookable slots fall inside these hours and outside closures.`}
    >
      {setup.schedule === null ? (
        <Alert color="yellow" title="No opening hours yet">
          Nothing can be booked at {setup.location.name} until opening hours are saved. The form below shows
          suggested defaults.
        </Alert>
      ) : null}
      {!canEdit ? (
        <Text size="sm" c="dimmed">
          Only the owner can change opening hours and booking rules.
        </Text>
      ) : null}
      <WeeklyEditor
        value={draft.weekly}
        onChange={(weekly) => setDraft({ ...draft, weekly })}
        disabled={!canEdit}
        errors={errors}
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        <Select
          label="Slot grid"
          description="Appointments start on this grid"
          data={GRID_OPTIONS.map((g) => ({ value: g, label: `${g} minutes` }))}
          value={String(draft.gridMin)}
          allowDeselect={false}
          disabled={!canEdit}
          error={errors.gridMin}
          onChange={(v) => v && setDraft({ ...draft, gridMin: Number(v) })}
        />
        {BOOKING_RULES.map((r) => (
          <NumberInput
            key={r.key}
            label={r.label}
            description={r.description}
            suffix={r.suffix}
            min={r.min}
            allowDecimal={false}
            value={draft[r.key]}
            disabled={!canEdit}
            error={errors[r.key]}
            onChange={setNum(r.key)}
          />
        ))}
      </SimpleGrid>
      <FormError error={save.error} />
      <Group>
        <Button
          disabled={!canEdit || Object.keys(local).length > 0}
          loading={save.busy}
          onClick={() => {
            if (!isGrid(gridMin)) return;
            void save
              .run(
                () =>
                  call(
                    http.PUT('/api/locations/{locationId}/schedule', {
                      params: { path: { locationId } },
                      body: { ...draft, gridMin },
                    }),
                  ),
                `Opening hours saved for ${setup.location.name}.`,
              )
              .then((ok) => ok && reload());
          }}
        >
          Save opening hours
        </Button>
        {!canEdit ? (
          <Text size="sm" c="dimmed">
            Read only
          </Text>
        ) : null}
      </Group>
      <ClosuresBlock setup={setup} canEdit={canEdit} reload={reload} />
    </Section>
  );
}
