import { Button, Chip, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { AREA_LABEL, AREAS, MODALITY_LABEL } from './labels.js';

export interface PlanInput {
  modality: 'roller' | 'pen' | 'rf';
  areas: string[];
  date: string;
}

/** Modality, areas and a date: what screening needs to know about the planned treatment. */
export function PlanPicker({ onSubmit, busy, submitLabel = 'Check my eligibility', initialDate }: { onSubmit: (p: PlanInput) => void; busy?: boolean; submitLabel?: string; initialDate: string }) {
  const [modality, setModality] = useState<PlanInput['modality']>('pen');
  const [areas, setAreas] = useState<string[]>(['cheeks', 'forehead']);
  const [date, setDate] = useState(initialDate);
  return (
    <Stack>
      <div>
        <Text fw={600} size="sm" mb={4} id="modality-label">
          Type of microneedling
        </Text>
        <SegmentedControl aria-labelledby="modality-label" fullWidth value={modality} onChange={(v) => setModality(v as PlanInput['modality'])} data={Object.entries(MODALITY_LABEL).map(([value, label]) => ({ value, label }))} />
      </div>
      <div>
        <Text fw={600} size="sm" mb={4}>
          Areas to treat
        </Text>
        <Chip.Group multiple value={areas} onChange={setAreas}>
          <Group gap={6}>
            {AREAS.map((a) => (
              <Chip key={a} value={a} size="sm">
                {AREA_LABEL[a]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <TextInput label="Preferred treatment date" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
      <Button onClick={() => onSubmit({ modality, areas, date })} loading={busy} disabled={areas.length === 0 || !date}>
        {submitLabel}
      </Button>
    </Stack>
  );
}
