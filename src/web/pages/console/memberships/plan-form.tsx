// The owner's form for a membership plan: fees, terms, member prices, percent off and included
// credits, with a live line of what a member gets (the same sentence the API gives the plan).
import { Button, Card, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { call, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { cents, toCents } from '../../../api/billing-types.js';
import { planSummary } from '../../../../domain/billing/membership.js';
import { ProblemAlert, useSubmit } from '../billing/billing-ui.js';

type Plan = Schemas['MembershipPlan'];
interface PriceRow { serviceCode: string | null; price: number | string }
interface CreditRow { serviceCode: string | null; count: number | string; everyPeriods: number | string; validDays: number | string; label: string }

export function PlanForm({ plan, onClose, onSaved }: { plan: Plan | null; onClose: () => void; onSaved: () => void }) {
  const org = useGet('/api/organization', {});
  const services = useGet('/api/services', {});
  const [locationId, setLocationId] = useState<string | null>(plan?.locationId ?? null);
  const [name, setName] = useState(plan?.name ?? '');
  const [description, setDescription] = useState(plan?.description ?? '');
  const [period, setPeriod] = useState<'month' | 'year'>(plan?.period ?? 'month');
  const [fee, setFee] = useState<number | string>(plan ? plan.feeCents / 100 : '');
  const [signup, setSignup] = useState<number | string>(plan ? plan.signupFeeCents / 100 : 0);
  const [minTerm, setMinTerm] = useState<number | string>(plan?.minTermPeriods ?? 0);
  const [maxPause, setMaxPause] = useState<number | string>(plan?.maxPauseDays ?? 0);
  const [percent, setPercent] = useState<number | string>(plan ? plan.percentOffBp / 100 : 0);
  const [active, setActive] = useState(plan?.active ?? true);
  const [prices, setPrices] = useState<PriceRow[]>(plan?.memberPrices.map((p) => ({ serviceCode: p.serviceCode, price: p.priceCents / 100 })) ?? []);
  const [credits, setCredits] = useState<CreditRow[]>(plan?.credits.map((c) => ({ ...c })) ?? []);
  const submit = useSubmit();
  const f = submit.fieldErrors;
  const location = locationId ?? org.data?.locations[0]?.id ?? null;
  const options = (services.data?.items ?? []).map((s) => ({ value: s.code, label: s.name }));
  const nameOf = (code: string) => services.data?.items.find((s) => s.code === code)?.name ?? code;
  const body = {
    locationId: location ?? '', name: name.trim(), description: description.trim(), period, feeCents: toCents(fee), signupFeeCents: toCents(signup), minTermPeriods: Number(minTerm) || 0,
    maxPauseDays: Number(maxPause) || 0, percentOffBp: Math.round(Number(percent || 0) * 100), active,
    memberPrices: prices.filter((p) => p.serviceCode).map((p) => ({ serviceCode: p.serviceCode ?? '', priceCents: toCents(p.price) })),
    credits: credits.filter((c) => c.serviceCode).map((c) => ({ serviceCode: c.serviceCode ?? '', count: Number(c.count) || 1, everyPeriods: Number(c.everyPeriods) || 1, validDays: Number(c.validDays) || 30, label: c.label.trim() })),
  };
  const preview = planSummary({ ...body, memberPrices: body.memberPrices, credits: body.credits }, (c) => cents(c), nameOf);
  const save = async () => {
    const r = await submit.run(() => (plan ? call(http.PUT('/api/membership-plans/{planId}', { params: { path: { planId: plan.id } }, body })) : call(http.POST('/api/membership-plans', { body }))));
    if (r) onSaved();
  };
  const setCredit = (i: number, patch: Partial<CreditRow>) => setCredits(credits.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Modal opened onClose={onClose} size="lg" closeButtonProps={{ 'aria-label': 'Close' }} title={plan ? `Edit ${plan.name}` : 'New membership plan'}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Location" data={org.data?.locations.map((l) => ({ value: l.id, label: l.name })) ?? []} value={location} onChange={setLocationId} allowDeselect={false} error={f.locationId} />
          <TextInput label="Plan name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={f.name} />
          <Select label="Billed every" data={[{ value: 'month', label: 'Month' }, { value: 'year', label: 'Year' }]} value={period} onChange={(v) => setPeriod(v === 'year' ? 'year' : 'month')} allowDeselect={false} />
          <NumberInput label={`Fee each ${period}`} leftSection="$" decimalScale={2} min={0} value={fee} onChange={setFee} error={f.feeCents} />
          <NumberInput label="Sign-up fee" leftSection="$" decimalScale={2} min={0} value={signup} onChange={setSignup} error={f.signupFeeCents} />
          <NumberInput label={`Minimum term (${period}s)`} description="0: cancel any time" min={0} max={36} value={minTerm} onChange={setMinTerm} error={f.minTermPeriods} />
          <NumberInput label="Longest pause (days)" description="0: no pauses" min={0} max={365} value={maxPause} onChange={setMaxPause} error={f.maxPauseDays} />
          <NumberInput label="Percent off other services and products" suffix="%" decimalScale={2} min={0} max={100} value={percent} onChange={setPercent} error={f.percentOffBp} />
        </SimpleGrid>
        <Textarea label="Description for clients" value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} error={f.description} />
        <Card withBorder>
          <Text fw={600} size="sm" mb="xs">Member prices</Text>
          <Stack gap="xs">
            {prices.map((p, i) => (
              <Group key={i} align="flex-end" wrap="wrap">
                <Select label="Service" data={options} value={p.serviceCode} onChange={(v) => setPrices(prices.map((x, j) => (j === i ? { ...x, serviceCode: v } : x)))} error={f[`memberPrices.${i}.serviceCode`]} />
                <NumberInput label="Member price" leftSection="$" decimalScale={2} min={0} value={p.price} onChange={(v) => setPrices(prices.map((x, j) => (j === i ? { ...x, price: v } : x)))} w={140} />
                <Button variant="subtle" color="red" onClick={() => setPrices(prices.filter((_, j) => j !== i))}>Remove</Button>
              </Group>
            ))}
            <Group><Button size="xs" variant="light" onClick={() => setPrices([...prices, { serviceCode: null, price: '' }])}>Add a member price</Button></Group>
          </Stack>
        </Card>
        <Card withBorder>
          <Text fw={600} size="sm" mb="xs">Included credits</Text>
          <Stack gap="xs">
            {credits.map((c, i) => (
              <Group key={i} align="flex-end" wrap="wrap">
                <Select label="Service" data={options} value={c.serviceCode} onChange={(v) => setCredit(i, { serviceCode: v })} error={f[`credits.${i}.serviceCode`]} />
                <NumberInput label="How many" min={1} max={10} value={c.count} onChange={(v) => setCredit(i, { count: v })} w={100} />
                <NumberInput label={`Every (${period}s)`} min={1} max={12} value={c.everyPeriods} onChange={(v) => setCredit(i, { everyPeriods: v })} w={120} />
                <NumberInput label="Valid (days)" min={7} max={730} value={c.validDays} onChange={(v) => setCredit(i, { validDays: v })} w={110} />
                <TextInput label="Label" value={c.label} onChange={(e) => setCredit(i, { label: e.currentTarget.value })} error={f[`credits.${i}.label`]} />
                <Button variant="subtle" color="red" onClick={() => setCredits(credits.filter((_, j) => j !== i))}>Remove</Button>
              </Group>
            ))}
            <Group><Button size="xs" variant="light" onClick={() => setCredits([...credits, { serviceCode: null, count: 1, everyPeriods: 1, validDays: 90, label: '' }])}>Add a credit</Button></Group>
          </Stack>
        </Card>
        <Switch label="On sale" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} description="Switched off, the plan is sold no more; its members keep it." />
        <Text size="sm" aria-live="polite"><b>A member gets:</b> {preview}</Text>
        <ProblemAlert error={submit.error} placed={['locationId', 'name', 'feeCents', 'signupFeeCents', 'minTermPeriods', 'maxPauseDays', 'percentOffBp', 'description']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save()} loading={submit.busy}>{plan ? 'Save plan' : 'Create plan'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
