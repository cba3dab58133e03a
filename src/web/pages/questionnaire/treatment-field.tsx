import { Button, Card, Chip, Group, Radio, Stack, Text } from '@mantine/core';
import { AREA_LABEL } from '../../components/clinical/labels.js';
import type { Treatment } from './answers.js';
import { AREA_GROUPS, MODALITY_CHOICES } from './questions.js';

/** The last questions: which type of microneedling and where, grouped for a phone. */
export function TreatmentField({ value, onChange }: { value: Treatment; onChange: (t: Treatment) => void }) {
  const face = AREA_GROUPS[0]!.areas;
  const wholeFace = face.every((a) => value.areas.includes(a));
  const toggleFace = () => onChange({ ...value, areas: wholeFace ? value.areas.filter((a) => !face.includes(a)) : [...new Set([...value.areas, ...face])] });
  return (
    <Stack gap="md">
      <Card withBorder>
        <Radio.Group label="Which type of microneedling?" value={value.modality ?? ''} onChange={(v) => onChange({ ...value, modality: v as Treatment['modality'] })}>
          <Stack gap="sm" mt="xs">
            {MODALITY_CHOICES.map((m) => (
              <Radio key={m.value} value={m.value} label={m.label} description={m.description} />
            ))}
          </Stack>
        </Radio.Group>
      </Card>
      <Card withBorder>
        <Text fw={500} size="sm" id="treatment-areas">
          Where on your body?
        </Text>
        <Text size="xs" c="dimmed" mb="xs">
          Choose every area you would like treated.
        </Text>
        <Stack gap="sm" role="group" aria-labelledby="treatment-areas">
          {AREA_GROUPS.map((g, i) => (
            <div key={g.label}>
              <Group justify="space-between" mb={6}>
                <Text size="sm" fw={600}>
                  {g.label}
                </Text>
                {i === 0 ? (
                  <Button size="compact-sm" variant="subtle" onClick={toggleFace}>
                    {wholeFace ? 'Clear the face' : 'Whole face'}
                  </Button>
                ) : null}
              </Group>
              <Chip.Group multiple value={value.areas} onChange={(areas) => onChange({ ...value, areas })}>
                <Group gap={6}>
                  {g.areas.map((a) => (
                    <Chip key={a} value={a} size="md">
                      {AREA_LABEL[a]}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </div>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
