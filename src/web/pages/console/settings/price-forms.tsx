// The owner's forms for the price list: a new price with the date it takes effect, and a package.
import { Alert, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError, call, http, type Schemas } from '../../../api/client.js';
import { toCents } from '../../../api/billing-types.js';
import { ProblemAlert, useSubmit } from '../billing/billing-ui.js';
import { atLeastMessage, requiredMessage } from '../../../components/form-errors.js';
import { humanDate } from '../../../../domain/shared/human-date.js';

type Service = Schemas['Service'];
type Modality = NonNullable<Schemas['NewPrice']['modality']>;

const MODALITIES: { value: Modality | 'none'; label: string }[] = [
  { value: 'none', label: 'None (consultation)' },
  { value: 'roller', label: 'Roller' },
  { value: 'pen', label: 'Pen' },
  { value: 'rf', label: 'Radiofrequency (RF)' },
];

const isModality = (v: string | null): v is Modality => v === 'roller' || v === 'pen' || v === 'rf';

const serviceOptions = (services: Service[]) => services.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }));

export function AddPriceForm({ locationId, services, today, onAdded }: { locationId: string; services: Service[]; today: string; onAdded: () => void }) {
  const [code, setCode] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [modality, setModality] = useState<Modality | 'none'>('none');
  const [price, setPrice] = useState<number | string>('');
  const [from, setFrom] = useState(today);
  const [added, setAdded] = useState(false);
  const [mine, setMine] = useState<Record<string, string>>({});
  const submit = useSubmit();
  const f = { ...submit.fieldErrors, ...mine };
  // the API asks to confirm a change that takes effect in the past: say so, and let them confirm
  const backdated = submit.error instanceof ApiError ? submit.error.fields.find((x) => x.path === 'confirmBackdated')?.message : undefined;
  const pick = (v: string | null) => {
    setCode(v);
    const s = services.find((x) => x.code === v);
    if (s) {
      setName(s.name);
      setModality(s.modality ?? 'none');
    }
  };
  const add = async (confirmBackdated = false) => {
    setAdded(false);
    // the same checks and words as the API, before sending
    const own: Record<string, string> = {};
    if (!code) own.serviceCode = requiredMessage('serviceCode');
    if (price === '') own.priceCents = requiredMessage('priceCents');
    else if (toCents(price) < 0) own.priceCents = atLeastMessage('priceCents', 0);
    if (!from) own.effectiveFrom = requiredMessage('effectiveFrom');
    setMine(own);
    if (Object.keys(own).length) return;
    const body = { serviceCode: code ?? '', name: name.trim(), modality: modality === 'none' ? null : modality, priceCents: toCents(price), effectiveFrom: from, ...(confirmBackdated ? { confirmBackdated } : {}) };
    const r = await submit.run(() => call(http.POST('/api/locations/{locationId}/prices', { params: { path: { locationId } }, body })));
    if (r) {
      setAdded(true);
      setPrice('');
      onAdded();
    }
  };
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb={4}>
        Add a price
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A change is a new price from its effective date. It never alters quotes or invoices already issued: they keep the price they were made with.
      </Text>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Service" data={serviceOptions(services)} value={code} onChange={pick} searchable error={f.serviceCode} />
          <TextInput label="Name on the price list" value={name} onChange={(e) => setName(e.currentTarget.value)} error={f.name} />
          <Select label="Modality" data={MODALITIES} value={modality} onChange={(v) => setModality(isModality(v) ? v : 'none')} allowDeselect={false} error={f.modality} />
          <NumberInput label="Price" leftSection="$" decimalScale={2} value={price} onChange={setPrice} error={f.priceCents} />
          <TextInput label="Effective from" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={f.effectiveFrom} />
        </SimpleGrid>
        {backdated ? (
          <Alert color="yellow" role="alert" title="This price starts in the past">
            <Stack gap="xs">
              <Text size="sm">{backdated}</Text>
              <Group>
                <Button size="xs" color="yellow" c="dark" onClick={() => void add(true)} loading={submit.busy}>
                  Add it from {humanDate(from)}
                </Button>
                <Button size="xs" variant="default" onClick={() => setFrom(today)}>
                  Start today instead
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <ProblemAlert error={submit.error} placed={['serviceCode', 'name', 'modality', 'priceCents', 'effectiveFrom']} title="Price not added" />
        )}
        <Group>
          <Button onClick={() => void add()} loading={submit.busy}>
            Add price
          </Button>
          {added ? (
            <Text size="sm" role="status">
              Price added.
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

export function AddPackageForm({ locationId, services, onAdded }: { locationId: string; services: Service[]; onAdded: () => void }) {
  const [code, setCode] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [sessions, setSessions] = useState<number | string>(3);
  const [price, setPrice] = useState<number | string>('');
  const [validDays, setValidDays] = useState<number | string>(365);
  const [added, setAdded] = useState(false);
  const submit = useSubmit();
  const f = submit.fieldErrors;
  const add = async () => {
    setAdded(false);
    const body = { serviceCode: code ?? '', name: name.trim(), sessions: Number(sessions || 0), priceCents: toCents(price), validDays: Number(validDays || 0) };
    const r = await submit.run(() => call(http.POST('/api/locations/{locationId}/packages', { params: { path: { locationId } }, body })));
    if (r) {
      setAdded(true);
      setName('');
      setPrice('');
      onAdded();
    }
  };
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb={4}>
        Add a package
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A number of sessions of one service at a package price, valid for a number of days from the sale.
      </Text>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Service" data={serviceOptions(services)} value={code} onChange={setCode} searchable error={f.serviceCode} />
          <TextInput label="Package name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={f.name} />
          <NumberInput label="Sessions" min={2} max={24} allowDecimal={false} value={sessions} onChange={setSessions} error={f.sessions} />
          <NumberInput label="Package price" leftSection="$" decimalScale={2} value={price} onChange={setPrice} error={f.priceCents} />
          <NumberInput label="Valid for (days)" min={30} max={1095} allowDecimal={false} value={validDays} onChange={setValidDays} error={f.validDays} />
        </SimpleGrid>
        <ProblemAlert error={submit.error} placed={['serviceCode', 'name', 'sessions', 'priceCents', 'validDays']} title="Package not added" />
        <Group>
          <Button onClick={() => void add()} loading={submit.busy} disabled={!code || price === '' || name.trim().length < 2}>
            Add package
          </Button>
          {added ? (
            <Text size="sm" role="status">
              Package added.
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
