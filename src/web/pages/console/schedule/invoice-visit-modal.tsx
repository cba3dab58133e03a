// Invoicing a visit: the service (or the package session) is added by the API at the price in
// force that day; the desk adds an optional discount with its reason and retail products.
import { ActionIcon, Button, Fieldset, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { call, http, type Schemas } from '../../../api/client.js';
import { toCents } from '../../../api/billing-types.js';
import { ProblemAlert, useSubmit } from '../billing/billing-ui.js';

type InvoiceView = Schemas['Invoice'];

type DiscountKind = 'none' | 'percent' | 'amount';
interface ProductRow {
  key: number;
  description: string;
  price: number | string;
  quantity: number | string;
}

export function InvoiceVisitModal({ bookingId, onClose, onIssued }: { bookingId: string; onClose: () => void; onIssued: (inv: InvoiceView) => void }) {
  const discountLabel = useId();
  const [kind, setKind] = useState<DiscountKind>('none');
  const [value, setValue] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const [products, setProducts] = useState<ProductRow[]>([]);
  const submit = useSubmit();
  const f = submit.fieldErrors;

  const setRow = (key: number, patch: Partial<ProductRow>) => setProducts((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRow = () => setProducts((rows) => [...rows, { key: (rows.at(-1)?.key ?? 0) + 1, description: '', price: '', quantity: 1 }]);
  // fields shown under their inputs; anything else the server says goes in the alert
  const placed = ['discount.bp', 'discount.cents', 'discountReason', ...products.flatMap((_, i) => [`products.${i}.description`, `products.${i}.unitCents`, `products.${i}.quantity`])];

  const issue = async () => {
    const n = Number(value || 0);
    const discount = kind === 'percent' && n > 0 ? { kind, bp: Math.round(n * 100) } : kind === 'amount' && n > 0 ? { kind, cents: toCents(n) } : undefined;
    const body = {
      ...(discount ? { discount, discountReason: reason.trim() } : {}),
      products: products.map((p) => ({ description: p.description.trim(), unitCents: toCents(p.price), quantity: Number(p.quantity || 0) })),
    };
    const inv = await submit.run(() => call(http.POST('/api/bookings/{bookingId}/invoice', { params: { path: { bookingId } }, body })));
    if (inv) onIssued(inv);
  };

  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Invoice this visit" size="lg">
      <Stack>
        <Text size="sm">The service is charged at the price in force on the visit&apos;s date, or drawn from the client&apos;s package; a deposit paid counts toward it.</Text>
        <div>
          <Text fw={600} size="sm" mb={4} id={discountLabel}>
            Discount
          </Text>
          <SegmentedControl
            aria-labelledby={discountLabel}
            value={kind}
            onChange={(v) => setKind(v)}
            data={[
              { value: 'none', label: 'None' },
              { value: 'percent', label: 'Percent' },
              { value: 'amount', label: 'Amount' },
            ]}
          />
        </div>
        {kind !== 'none' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {kind === 'percent' ? (
              <NumberInput label="Discount (%)" rightSection="%" decimalScale={2} min={0} max={100} clampBehavior="none" value={value} onChange={setValue} error={f['discount.bp']} />
            ) : (
              <NumberInput label="Discount amount" leftSection="$" decimalScale={2} min={0} value={value} onChange={setValue} error={f['discount.cents']} />
            )}
            <TextInput label="Reason for the discount" description="Shown on the invoice and the receipt." value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={f.discountReason} />
          </SimpleGrid>
        ) : null}
        {products.map((p, i) => (
          <Fieldset key={p.key} legend={`Product ${i + 1}`}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Description" value={p.description} onChange={(e) => setRow(p.key, { description: e.currentTarget.value })} error={f[`products.${i}.description`]} />
              <NumberInput label="Price" leftSection="$" decimalScale={2} min={0} value={p.price} onChange={(v) => setRow(p.key, { price: v })} error={f[`products.${i}.unitCents`]} />
              <Group align="flex-end" wrap="nowrap" gap="xs">
                <NumberInput label="Quantity" min={1} max={50} allowDecimal={false} value={p.quantity} onChange={(v) => setRow(p.key, { quantity: v })} error={f[`products.${i}.quantity`]} style={{ flex: 1 }} />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove product ${i + 1}`} onClick={() => setProducts((rows) => rows.filter((r) => r.key !== p.key))}>
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            </SimpleGrid>
          </Fieldset>
        ))}
        <Group>
          <Button variant="default" onClick={addRow} disabled={products.length >= 20}>
            Add a product
          </Button>
        </Group>
        <ProblemAlert error={submit.error} placed={placed} title="Invoice not issued" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void issue()} loading={submit.busy}>
            Issue invoice
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
