// The treated areas: for each, the needle depth (more than 3 mm is refused with a message), the passes, and for RF the preset.
import { Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { AREA_LABEL, AREAS } from '../../../components/clinical/labels.js';
import { AddRowButton, RemoveRowButton, Section, SectionError } from './chart-controls.js';
import { emptyArea, patchRow, withoutRow, type AreaRow, type FormPartProps } from './chart-form-state.js';

const areaOptions = AREAS.map((a) => ({ value: a, label: AREA_LABEL[a] ?? a }));

export function AreasSection({ form, set, err, readOnly, rf }: FormPartProps & { rf: boolean }) {
  const setArea = (i: number, patch: Partial<AreaRow>) =>
    set((f) => ({ areas: patchRow(f.areas, i, patch) }));
  return (
    <Section title="Areas">
      <SectionError error={err('chart.areas')} />
      {form.areas.map((a, i) => (
        // Rows have no id of their own; labels carry the number so each field is named apart.
        <Group key={i} align="flex-end" gap="sm" wrap="nowrap">
          <SimpleGrid cols={{ base: 1, xs: 2, md: rf ? 4 : 3 }} style={{ flex: 1 }}>
            <Select
              label={`Area ${i + 1}`}
              data={areaOptions}
              value={a.area}
              searchable
              error={err(`chart.areas.${i}.area`)}
              onChange={(v) => setArea(i, { area: v })}
              readOnly={readOnly}
            />
            <NumberInput
              label={`Depth (mm) ${i + 1}`}
              value={a.depthMm}
              step={0.25}
              min={0.1}
              max={3}
              clampBehavior="none"
              decimalScale={2}
              error={err(`chart.areas.${i}.depthMm`)}
              onChange={(v) => setArea(i, { depthMm: v })}
              readOnly={readOnly}
            />
            <NumberInput
              label={`Passes ${i + 1}`}
              value={a.passes}
              min={1}
              allowDecimal={false}
              error={err(`chart.areas.${i}.passes`)}
              onChange={(v) => setArea(i, { passes: v })}
              readOnly={readOnly}
            />
            {rf ? (
              <TextInput
                label={`RF preset ${i + 1}`}
                value={a.rfPreset}
                error={err(`chart.areas.${i}.rfPreset`)}
                onChange={(e) => setArea(i, { rfPreset: e.currentTarget.value })}
                readOnly={readOnly}
              />
            ) : null}
          </SimpleGrid>
          {/* A chart always keeps at least one area row. */}
          {!readOnly && form.areas.length > 1 ? (
            <RemoveRowButton
              label={`Remove area ${i + 1}`}
              onClick={() => set({ areas: withoutRow(form.areas, i) })}
            />
          ) : null}
        </Group>
      ))}
      {!readOnly ? (
        <AddRowButton onClick={() => set({ areas: [...form.areas, emptyArea()] })}>Add area</AddRowButton>
      ) : null}
    </Section>
  );
}
