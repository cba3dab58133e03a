// Before the device touches skin: the pre-procedure checklist, and the numbing record once numbing is ticked.
import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import { Section, SectionError } from './chart-controls.js';
import type { FormPartProps, FormState } from './chart-form-state.js';

type ChecklistKey = keyof FormState['checklist'];
const CHECKLIST: { key: ChecklistKey; label: string }[] = [
  { key: 'skinCleansed', label: 'Skin cleansed' },
  { key: 'beforePhotosBeforeNumbing', label: 'Before photos taken before numbing' },
  { key: 'numbingApplied', label: 'Numbing applied' },
];

export function ChecklistSection({ form, set, err, readOnly }: FormPartProps) {
  return (
    <Section title="Pre-procedure checklist">
      {CHECKLIST.map(({ key, label }) => (
        <Checkbox
          key={key}
          label={label}
          checked={form.checklist[key]}
          disabled={readOnly}
          error={err(`chart.checklist.${key}`)}
          onChange={(e) => set({ checklist: { ...form.checklist, [key]: e.currentTarget.checked } })}
        />
      ))}
    </Section>
  );
}

type NumbingKey = keyof FormState['numbing'];
const NUMBING: { key: NumbingKey; label: string; type?: 'time' }[] = [
  { key: 'product', label: 'Product' },
  { key: 'amount', label: 'Amount' },
  { key: 'area', label: 'Area numbed' },
  { key: 'onAt', label: 'Time on', type: 'time' },
  { key: 'offAt', label: 'Time off', type: 'time' },
];

/** Shown only when "Numbing applied" is ticked; otherwise the chart records no numbing. */
export function NumbingSection({ form, set, err, readOnly }: FormPartProps) {
  if (!form.checklist.numbingApplied) return null;
  return (
    <Section title="Numbing">
      <SectionError error={err('chart.numbing')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {NUMBING.map(({ key, label, type }) => (
          <TextInput
            key={key}
            label={label}
            type={type}
            value={form.numbing[key]}
            error={err(`chart.numbing.${key}`)}
            onChange={(e) => set({ numbing: { ...form.numbing, [key]: e.currentTarget.value } })}
            readOnly={readOnly}
          />
        ))}
      </SimpleGrid>
    </Section>
  );
}
