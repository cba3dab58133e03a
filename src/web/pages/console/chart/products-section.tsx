// What was applied to the skin, and whether each product is approved for use with the device (a reason when not).
import { Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { AddRowButton, RemoveRowButton, Section } from './chart-controls.js';
import {
  emptyProduct,
  patchRow,
  withoutRow,
  type FormPartProps,
  type ProductRow,
} from './chart-form-state.js';

export function ProductsSection({ form, set, err, readOnly }: FormPartProps) {
  const setProduct = (i: number, patch: Partial<ProductRow>) =>
    set((f) => ({ products: patchRow(f.products, i, patch) }));
  return (
    <Section title="Products applied">
      {form.products.length === 0 ? <Text size="sm">No products recorded.</Text> : null}
      {form.products.map((p, i) => (
        <Stack key={i} gap="xs">
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={`Product ${i + 1}`}
              value={p.name}
              error={err(`chart.products.${i}.name`)}
              onChange={(e) => setProduct(i, { name: e.currentTarget.value })}
              readOnly={readOnly}
            />
            {!readOnly ? (
              <RemoveRowButton
                label={`Remove product ${i + 1}`}
                onClick={() => set({ products: withoutRow(form.products, i) })}
              />
            ) : null}
          </Group>
          <Checkbox
            label="Approved for use with the device"
            checked={p.approvedForDevice}
            disabled={readOnly}
            error={err(`chart.products.${i}.approvedForDevice`)}
            onChange={(e) => setProduct(i, { approvedForDevice: e.currentTarget.checked })}
          />
          {!p.approvedForDevice ? (
            <TextInput
              label={`Reason for using product ${i + 1}`}
              value={p.reason}
              error={err(`chart.products.${i}.reason`)}
              onChange={(e) => setProduct(i, { reason: e.currentTarget.value })}
              readOnly={readOnly}
            />
          ) : null}
        </Stack>
      ))}
      {!readOnly ? (
        <AddRowButton onClick={() => set({ products: [...form.products, emptyProduct()] })}>
          Add product
        </AddRowButton>
      ) : null}
    </Section>
  );
}
