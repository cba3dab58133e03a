import { Checkbox, Chip, Group, Paper, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { Item } from './questions.js';
import { emptyPick, type Pick } from './answers.js';
import { AREA_LABEL, AREAS } from '../../components/clinical/labels.js';

/** One yes/no item, with its follow-up questions (where, when, still taking it) once ticked. */
export function ItemField({ item, pick, onChange, today }: { item: Item; pick: Pick | undefined; onChange: (p: Pick) => void; today: string }) {
  const p = pick ?? emptyPick();
  const set = (patch: Partial<Pick>) => onChange({ ...p, ...patch });
  return (
    <Paper withBorder p="sm" radius="md">
      <Checkbox label={item.label} checked={p.checked} onChange={(e) => set({ checked: e.currentTarget.checked })} size="md" />
      {p.checked ? (
        <Stack gap="xs" mt="sm" pl="lg">
          {item.date === 'lastDose' ? (
            <>
              {/* nothing is assumed: the client says whether they still take it */}
              <Radio.Group label="Do you still take or use it?" value={p.current === null ? '' : p.current ? 'yes' : 'no'} onChange={(v) => set({ current: v === 'yes', ...(v === 'yes' ? { date: '' } : {}) })} withAsterisk>
                <Group mt={4}>
                  <Radio value="yes" label="Yes" />
                  <Radio value="no" label="No, I stopped" />
                </Group>
              </Radio.Group>
              {p.current === false ? (
                <TextInput label="Date of the last dose or use" description="Your best guess is fine." type="date" max={today} required value={p.date} onChange={(e) => set({ date: e.currentTarget.value })} />
              ) : null}
            </>
          ) : null}
          {item.date === 'procedure' ? <TextInput label="Date (the last day, for a course)" type="date" max={today} value={p.date} onChange={(e) => set({ date: e.currentTarget.value })} /> : null}
          {item.controlledQuestion ? (
            <div>
              <Text size="sm" mb={4} id={`${item.code}-controlled`}>
                Is it well controlled?
              </Text>
              <SegmentedControl
                aria-labelledby={`${item.code}-controlled`}
                value={p.controlled === null ? 'unsure' : p.controlled ? 'yes' : 'no'}
                onChange={(v) => set({ controlled: v === 'unsure' ? null : v === 'yes' })}
                data={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }, { value: 'unsure', label: 'Not sure' }]}
              />
            </div>
          ) : null}
          {item.areas ? (
            <div>
              <Text size="sm" mb={4}>
                Where? (leave empty if you are not sure: we will treat it as everywhere)
              </Text>
              <Chip.Group multiple value={p.areas} onChange={(v) => set({ areas: v })}>
                <Group gap={4}>
                  {AREAS.map((a) => (
                    <Chip key={a} value={a} size="xs">
                      {AREA_LABEL[a]}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </div>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}
