// Selling a package of sessions at the desk: the invoice is for the package price (plus tax where
// the location taxes treatments) and the payment taken now is the whole of it or a deposit toward it.
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { cents, toCents, type StaffMethod } from '../../../api/billing-types.js';
import { computeInvoice } from '../../../../domain/billing/invoice.js';
import { MethodSelect, ProblemAlert, useIntentKey, useSubmit } from './billing-ui.js';

type PackageSale = Schemas['PackageSale'];


export function SellPackageModal({ clientId, defaultLocationId, onClose, onSold }: { clientId: string; defaultLocationId?: string | null; onClose: () => void; onSold: (s: PackageSale) => void }) {
  const key = useIntentKey();
  const org = useGet('/api/organization', {});
  const [locationId, setLocationId] = useState<string | null>(defaultLocationId ?? null);
  const location = locationId ?? org.data?.locations[0]?.id ?? null;
  const atLocation = location ? { params: { path: { locationId: location } } } : null;
  const prices = useGet('/api/locations/{locationId}/prices', atLocation);
  const settings = useGet('/api/locations/{locationId}/billing-settings', atLocation);
  const [packageId, setPackageId] = useState<string | null>(null);
  // null: the full price (it follows the package chosen until the desk types an amount)
  const [amount, setAmount] = useState<number | string | null>(null);
  const [method, setMethod] = useState<StaffMethod>('card_terminal');
  const submit = useSubmit();

  const offers = prices.data?.packages.filter((p) => p.active) ?? [];
  const pkg = offers.find((p) => p.id === packageId) ?? null;
  const taxRateBp = settings.data?.taxRateBp ?? 0;
  const totals = pkg ? computeInvoice([{ kind: 'package', description: pkg.name, quantity: 1, unitCents: pkg.priceCents, taxable: settings.data?.taxServices ?? false }], taxRateBp) : null;
  const totalCents = totals?.totalCents ?? 0;
  const amountValue = amount ?? totalCents / 100;
  const amountCents = toCents(amountValue);
  const currency = pkg?.currency ?? 'USD';

  const sell = async () => {
    if (!pkg || !location) return;
    const r = await submit.run(() => call(http.POST('/api/clients/{clientId}/packages', { params: { path: { clientId } }, body: { locationId: location, packageId: pkg.id, payment: { amountCents, method }, idempotencyKey: key } })));
    if (r) onSold(r);
  };

  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Sell a package">
      <Stack>
        <Select
          label="Location"
          data={org.data?.locations.map((l) => ({ value: l.id, label: l.name })) ?? []}
          value={location}
          onChange={(v) => {
            setLocationId(v);
            setPackageId(null);
            setAmount(null);
          }}
          allowDeselect={false}
          error={submit.fieldErrors.locationId}
        />
        <Select
          label="Package"
          description={prices.data && !offers.length ? 'No packages on sale at this location: add one under Settings, Prices.' : undefined}
          data={offers.map((p) => ({ value: p.id, label: `${p.name}: ${p.sessions} sessions, ${cents(p.priceCents, p.currency)}` }))}
          value={packageId}
          onChange={(v) => {
            setPackageId(v);
            setAmount(null);
          }}
          error={submit.fieldErrors.packageId}
        />
        {pkg && totals ? (
          <Text size="sm">
            Invoice total {cents(totalCents, currency)}
            {totals.taxCents ? ` (includes ${cents(totals.taxCents, currency)} sales tax)` : ''}. Valid for {pkg.validDays} days from today.
          </Text>
        ) : null}
        <NumberInput
          label="Amount taken now"
          description="The full price by default. A smaller amount is a deposit toward it; the rest stays due on the invoice."
          leftSection="$"
          decimalScale={2}
          value={amountValue}
          onChange={setAmount}
          disabled={!pkg}
          error={submit.fieldErrors['payment.amountCents']}
        />
        <MethodSelect value={method} onChange={setMethod} />
        {pkg && amountCents > 0 && amountCents < totalCents ? (
          <Alert color="blue" variant="light">
            {cents(totalCents - amountCents, currency)} stays due on the invoice.
          </Alert>
        ) : null}
        <ProblemAlert error={submit.error} placed={['locationId', 'packageId', 'payment.amountCents']} title="Package not sold" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void sell()} loading={submit.busy} disabled={!pkg || amountCents < 1}>
            Sell package
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
