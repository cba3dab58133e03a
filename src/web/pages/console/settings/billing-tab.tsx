// A location's billing settings: sales tax, what a late cancellation or no-show costs, the package
// refund fee and each service's deposit. The owner edits; other staff read.
import { Alert, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { useSession } from '../../../auth/session.js';
import { ErrorAlert, Loading } from '../../../components/states.js';
import { ProblemAlert, useSubmit } from '../billing/billing-ui.js';
import { DepositsTable, type DepositRow } from './deposits-table.js';

// basis points on the wire, percent with two decimals on screen; dollars and cents alike
const fromHundredths = (n: number) => n / 100;
const toHundredths = (v: number | string) => Math.round(Number(v || 0) * 100);

const POLICY: { key: 'lateCancelKeepsDeposit' | 'lateCancelForfeitsSession' | 'noShowKeepsDeposit' | 'noShowForfeitsSession'; label: string }[] = [
  { key: 'lateCancelKeepsDeposit', label: 'Keep the deposit on a late cancellation' },
  { key: 'lateCancelForfeitsSession', label: 'Use a package session on a late cancellation' },
  { key: 'noShowKeepsDeposit', label: 'Keep the deposit on a no-show' },
  { key: 'noShowForfeitsSession', label: 'Use a package session on a no-show' },
];

function BillingForm({ initial, readOnly }: { initial: Schemas['BillingSettings']; readOnly: boolean }) {
  const [tax, setTax] = useState<number | string>(fromHundredths(initial.taxRateBp));
  const [fee, setFee] = useState<number | string>(fromHundredths(initial.packageRefundFeeBp));
  const [flags, setFlags] = useState({
    taxServices: initial.taxServices,
    lateCancelKeepsDeposit: initial.lateCancelKeepsDeposit,
    lateCancelForfeitsSession: initial.lateCancelForfeitsSession,
    noShowKeepsDeposit: initial.noShowKeepsDeposit,
    noShowForfeitsSession: initial.noShowForfeitsSession,
  });
  const [hold, setHold] = useState<'deposit' | 'card_on_file'>(initial.holdPolicy);
  const [lateFee, setLateFee] = useState<number | string>(fromHundredths(initial.lateCancelFeeCents));
  const [noShowFee, setNoShowFee] = useState<number | string>(fromHundredths(initial.noShowFeeCents));
  const [deposits, setDeposits] = useState<DepositRow[]>(initial.deposits.map((d) => ({ serviceId: d.serviceId, serviceName: d.serviceName, kind: d.kind, value: d.kind === 'none' ? '' : fromHundredths(d.value) })));
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const f = submit.fieldErrors;

  const save = async () => {
    setSaved(false);
    const body = {
      taxRateBp: toHundredths(tax),
      packageRefundFeeBp: toHundredths(fee),
      ...flags,
      holdPolicy: hold,
      lateCancelFeeCents: toHundredths(lateFee),
      noShowFeeCents: toHundredths(noShowFee),
      deposits: deposits.map((d) => ({ serviceId: d.serviceId, kind: d.kind, value: d.kind === 'none' ? 0 : toHundredths(d.value) })),
    };
    const r = await submit.run(() => call(http.PUT('/api/locations/{locationId}/billing-settings', { params: { path: { locationId: initial.locationId } }, body })));
    if (r) setSaved(true);
  };
  const labels: Record<string, string> = { taxRateBp: 'Sales tax rate (%)', packageRefundFeeBp: 'Package refund fee (%)', lateCancelFeeCents: 'Late cancellation fee ($)', noShowFeeCents: 'Missed appointment fee ($)' };
  deposits.forEach((d, i) => {
    labels[`deposits.${i}.value`] = `Deposit for ${d.serviceName}`;
    labels[`deposits.${i}.kind`] = `Deposit for ${d.serviceName}`;
  });

  return (
    <Stack>
      {readOnly ? <Alert color="blue">Only the owner changes billing settings.</Alert> : null}
      <Card withBorder>
        <Title order={2} size="h5" mb="sm">
          Sales tax
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label="Sales tax rate (%)" description="Charged on products, and on treatments when ticked below." rightSection="%" decimalScale={2} min={0} max={30} value={tax} onChange={setTax} disabled={readOnly} error={f.taxRateBp} />
          <Checkbox mt={{ base: 0, sm: 'xl' }} label="Charge sales tax on treatments" checked={flags.taxServices} onChange={(e) => setFlags({ ...flags, taxServices: e.currentTarget.checked })} disabled={readOnly} />
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Title order={2} size="h5" mb="xs">
          Cancellation policy
        </Title>
        <Text size="sm" mb="sm">
          A cancellation is late when it comes less than {initial.lateCancelHours} hours before the visit. The window is set in the Scheduling tab.
        </Text>
        <Stack gap="sm">
          {POLICY.map((p) => (
            <Switch key={p.key} label={p.label} checked={flags[p.key]} onChange={(e) => setFlags({ ...flags, [p.key]: e.currentTarget.checked })} disabled={readOnly} />
          ))}
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={2} size="h5" mb="xs">
          Holding a booking and fees
        </Title>
        <Text size="sm" mb="sm">
          With card payments set up, clients pay the deposit or save a card when they book. Fees are charged by the desk to the saved card, after a late cancellation or a no-show.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="What holds a booking"
            data={[{ value: 'deposit', label: "The service's deposit" }, { value: 'card_on_file', label: 'A card on file (no deposit)' }]}
            value={hold}
            onChange={(v) => setHold(v === 'card_on_file' ? 'card_on_file' : 'deposit')}
            allowDeselect={false}
            disabled={readOnly}
          />
          <NumberInput label="Late cancellation fee ($)" description="0 for none." prefix="$" decimalScale={2} fixedDecimalScale value={lateFee} onChange={setLateFee} disabled={readOnly} error={f.lateCancelFeeCents} />
          <NumberInput label="Missed appointment fee ($)" description="0 for none." prefix="$" decimalScale={2} fixedDecimalScale value={noShowFee} onChange={setNoShowFee} disabled={readOnly} error={f.noShowFeeCents} />
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Title order={2} size="h5" mb="sm">
          Packages and deposits
        </Title>
        <Stack>
          <NumberInput
            label="Package refund fee (%)"
            description="Kept from the refund of a package's unused sessions."
            rightSection="%"
            decimalScale={2}
            min={0}
            max={100}
            value={fee}
            onChange={setFee}
            disabled={readOnly}
            error={f.packageRefundFeeBp}
            maw={280}
          />
          <DepositsTable rows={deposits} onChange={setDeposits} readOnly={readOnly} errors={f} />
        </Stack>
      </Card>
      <ProblemAlert error={submit.error} placed={Object.keys(labels)} title="Not saved" />
      {!readOnly ? (
        <Group>
          <Button onClick={() => void save()} loading={submit.busy}>
            Save billing settings
          </Button>
          {saved ? (
            <Text size="sm" role="status">
              Saved.
            </Text>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

export function BillingTab() {
  const { me } = useSession();
  const org = useGet('/api/organization', {});
  const [locationId, setLocationId] = useState<string | null>(null);
  const location = locationId ?? org.data?.locations[0]?.id ?? null;
  const settings = useGet('/api/locations/{locationId}/billing-settings', location ? { params: { path: { locationId: location } } } : null);
  return (
    <Stack>
      <Select label="Location" data={org.data?.locations.map((l) => ({ value: l.id, label: l.name })) ?? []} value={location} onChange={setLocationId} allowDeselect={false} maw={360} />
      {settings.loading && !settings.data ? <Loading label="Loading billing settings" /> : null}
      {settings.error ? <ErrorAlert error={settings.error} /> : null}
      {settings.data && settings.data.locationId === location ? (
        <BillingForm key={location} initial={settings.data} readOnly={me?.role !== 'owner'} />
      ) : null}
    </Stack>
  );
}
