// How the treatment ended: the clinical end point reached, and free notes.
import { Textarea, TextInput } from '@mantine/core';
import { Section } from './chart-controls.js';
import type { FormPartProps } from './chart-form-state.js';

export function OutcomeSection({ form, set, err, readOnly }: FormPartProps) {
  return (
    <Section title="Outcome">
      <TextInput
        label="Clinical end point"
        value={form.endPoint}
        error={err('chart.endPoint')}
        onChange={(e) => set({ endPoint: e.currentTarget.value })}
        readOnly={readOnly}
      />
      <Textarea
        label="Notes"
        autosize
        minRows={3}
        value={form.notes}
        error={err('chart.notes')}
        onChange={(e) => set({ notes: e.currentTarget.value })}
        readOnly={readOnly}
      />
    </Section>
  );
}
