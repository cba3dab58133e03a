// The procedure chart for one booking: checklist, numbing, device and lots, areas, products, sign and amend.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, errorText } from '../../api/client.js';
import type { Booking } from '../../api/clinical-types.js';
import { useApi } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { AREA_LABEL, AREAS } from '../../components/clinical/labels.js';
import { Page } from '../../components/page.js';
import { PhotoPanel } from '../../components/clinical/photo-panel.js';
import { ErrorAlert, Loading } from '../../components/states.js';

interface ChartBody {
  checklist: { skinCleansed: boolean; beforePhotosBeforeNumbing: boolean; numbingApplied: boolean };
  deviceId: string;
  lotIds: string[];
  numbing: null | { product: string; amount: string; area: string; onAt: string; offAt: string };
  areas: { area: string; depthMm: number; passes: number; rfPreset?: string }[];
  products: { name: string; approvedForDevice: boolean; reason?: string }[];
  endPoint: string;
  notes: string;
}

type Person = { id: string; name: string } | string | null;

interface ChartView {
  id: string;
  version: number;
  status: 'draft' | 'signed';
  chart: ChartBody;
  provider: Person;
  signedName: string | null;
  signedAt: string | null;
  signatureHash: string | null;
  amendmentReason: string | null;
  needsCosign: boolean;
  cosignedBy: Person;
  cosignedAt: string | null;
}

interface ChartResponse {
  current: ChartView | null;
  versions: { id: string; version: number; status: 'draft' | 'signed'; signedAt: string | null; amendmentReason: string | null }[];
}

interface Device {
  id: string;
  modality: string;
  manufacturer: string;
  model: string;
  serial: string;
}

interface Lot {
  id: string;
  product: string;
  lotNumber: string;
  expiresOn: string;
  recalledAt: string | null;
}

/** Form state: number inputs may be empty while typing. */
interface AreaRow {
  area: string | null;
  depthMm: number | string;
  passes: number | string;
  rfPreset: string;
}
interface ProductRow {
  name: string;
  approvedForDevice: boolean;
  reason: string;
}
interface FormState {
  checklist: ChartBody['checklist'];
  deviceId: string | null;
  lotIds: string[];
  numbing: { product: string; amount: string; area: string; onAt: string; offAt: string };
  areas: AreaRow[];
  products: ProductRow[];
  endPoint: string;
  notes: string;
}

const emptyArea = (): AreaRow => ({ area: null, depthMm: '', passes: '', rfPreset: '' });
const emptyProduct = (): ProductRow => ({ name: '', approvedForDevice: true, reason: '' });
const emptyNumbing = { product: '', amount: '', area: '', onAt: '', offAt: '' };

function initialForm(booking: Booking, chart: ChartBody | undefined): FormState {
  if (!chart) {
    return {
      checklist: { skinCleansed: false, beforePhotosBeforeNumbing: false, numbingApplied: false },
      deviceId: booking.device?.id ?? null,
      lotIds: [],
      numbing: { ...emptyNumbing },
      areas: [emptyArea()],
      products: [],
      endPoint: '',
      notes: '',
    };
  }
  return {
    checklist: { ...chart.checklist },
    deviceId: chart.deviceId || null,
    lotIds: [...chart.lotIds],
    numbing: chart.numbing ? { ...chart.numbing } : { ...emptyNumbing },
    areas: chart.areas.length
      ? chart.areas.map((a) => ({ area: a.area || null, depthMm: a.depthMm, passes: a.passes, rfPreset: a.rfPreset ?? '' }))
      : [emptyArea()],
    products: chart.products.map((p) => ({ name: p.name, approvedForDevice: p.approvedForDevice, reason: p.reason ?? '' })),
    endPoint: chart.endPoint,
    notes: chart.notes,
  };
}

const toNumber = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

function toBody(form: FormState, rf: boolean): ChartBody {
  return {
    checklist: { ...form.checklist },
    deviceId: form.deviceId ?? '',
    lotIds: form.lotIds,
    numbing: form.checklist.numbingApplied ? { ...form.numbing } : null,
    areas: form.areas.map((a) => ({
      area: a.area ?? '',
      depthMm: toNumber(a.depthMm),
      passes: toNumber(a.passes),
      ...(rf ? { rfPreset: a.rfPreset } : {}),
    })),
    products: form.products.map((p) => ({
      name: p.name,
      approvedForDevice: p.approvedForDevice,
      ...(p.approvedForDevice ? {} : { reason: p.reason }),
    })),
    endPoint: form.endPoint,
    notes: form.notes,
  };
}

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : '—');
const personName = (p: Person) => (p === null ? '' : typeof p === 'string' ? p : p.name);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

export function ChartPage() {
  const { bookingId = '' } = useParams();
  const booking = useApi<Booking>(bookingId ? `/api/bookings/${bookingId}` : null);
  const chart = useApi<ChartResponse>(bookingId ? `/api/bookings/${bookingId}/chart` : null);
  const locationId = booking.data?.location.id;
  const setup = useApi<{ devices: Device[] }>(locationId ? `/api/locations/${locationId}/scheduling-setup` : null);
  const lots = useApi<{ items: Lot[] }>(locationId ? `/api/locations/${locationId}/lots` : null);

  const b = booking.data;
  const lead = b ? `${b.client.name} · ${b.service.name} · ${b.localDate} ${b.localTime} · ${b.provider.name}` : undefined;

  let body: ReactNode;
  if (booking.error) body = <ErrorAlert error={booking.error} title="Could not load the booking" />;
  else if (chart.error) body = <ErrorAlert error={chart.error} title="Could not load the chart" />;
  else if (!b || !chart.data) body = <Loading label="Loading the chart" />;
  else {
    const current = chart.data.current;
    body = (
      <ChartForm
        key={`v${current?.version ?? 1}`}
        booking={b}
        data={chart.data}
        devices={setup.data?.devices}
        lots={lots.data?.items}
        setupError={setup.error ?? lots.error}
        onSaved={chart.reload}
      />
    );
  }

  return (
    <Page title="Procedure chart" lead={lead}>
      {b ? <PhotoPanel clientId={b.client.id} bookingId={b.id} canUpload /> : null}
      {body}
    </Page>
  );
}

function ChartForm({
  booking,
  data,
  devices,
  lots,
  setupError,
  onSaved,
}: {
  booking: Booking;
  data: ChartResponse;
  devices: Device[] | undefined;
  lots: Lot[] | undefined;
  setupError: unknown;
  onSaved: () => void;
}) {
  const { me } = useSession();
  const current = data.current;
  const rf = booking.service.modality === 'rf';
  const [form, setForm] = useState<FormState>(() => initialForm(booking, current?.chart));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'draft' | 'sign' | 'amend' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [signedName, setSignedName] = useState('');
  const [amending, setAmending] = useState(false);
  const [amendOpen, setAmendOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [amendName, setAmendName] = useState('');

  const signed = current?.status === 'signed';
  const notCheckedIn = booking.status !== 'checked_in' && !current;
  const readOnly = (signed && !amending) || notCheckedIn;

  const err = (path: string) => errors[path];
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const setArea = (i: number, patch: Partial<AreaRow>) => setForm((f) => ({ ...f, areas: f.areas.map((a, j) => (j === i ? { ...a, ...patch } : a)) }));
  const setProduct = (i: number, patch: Partial<ProductRow>) =>
    setForm((f) => ({ ...f, products: f.products.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));

  const modality = booking.service.modality;
  const deviceOptions = (devices ?? [])
    .filter((d) => !modality || d.modality === modality)
    .map((d) => ({ value: d.id, label: `${d.model} · S/N ${d.serial}` }));
  if (form.deviceId && !deviceOptions.some((o) => o.value === form.deviceId) && booking.device?.id === form.deviceId) {
    deviceOptions.push({ value: booking.device.id, label: `${booking.device.model} · S/N ${booking.device.serial}` });
  }
  const today = todayIso();
  const lotOptions = (lots ?? []).map((l) => {
    const base = `${l.product} · lot ${l.lotNumber} · exp ${l.expiresOn}`;
    if (l.recalledAt) return { value: l.id, label: `${base} (recalled)`, disabled: true };
    if (l.expiresOn < today) return { value: l.id, label: `${base} (expired)`, disabled: true };
    return { value: l.id, label: base };
  });
  const areaOptions = AREAS.map((a) => ({ value: a, label: AREA_LABEL[a] ?? a }));

  const fail = (e: unknown) => {
    setFailure(e);
    setErrors(e instanceof ApiError ? e.fieldErrors() : {});
  };

  const save = async (sign: boolean) => {
    setBusy(sign ? 'sign' : 'draft');
    setFailure(null);
    setErrors({});
    setSaved(null);
    try {
      await api<ChartView>(`/api/bookings/${booking.id}/chart`, {
        method: 'PUT',
        body: { chart: toBody(form, rf), sign, ...(sign ? { signedName } : {}) },
      });
      setSaved(sign ? null : 'Draft saved.');
      onSaved();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const amend = async () => {
    if (!current) return;
    setBusy('amend');
    setFailure(null);
    setErrors({});
    try {
      await api<ChartView>(`/api/charts/${current.id}/amend`, { body: { chart: toBody(form, rf), reason, signedName: amendName } });
      setAmendOpen(false);
      onSaved();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const ro = { readOnly };
  const cosigner = current ? personName(current.cosignedBy) : '';

  return (
    <Stack gap="md">
      {notCheckedIn ? (
        <Alert color="yellow" icon={<IconAlertCircle />} title="Check the client in first" role="status">
          The chart opens once the client is checked in for this booking.
        </Alert>
      ) : null}
      {setupError ? <ErrorAlert error={setupError} title="Could not load devices or lots" /> : null}

      {current && signed ? (
        <Alert color="teal" icon={<IconCircleCheck />} title={`Signed by ${current.signedName ?? ''} at ${when(current.signedAt)}`} role="status">
          <Stack gap={4}>
            <Text size="sm">
              Version {current.version}. Signature <code>{(current.signatureHash ?? '').slice(0, 16)}</code>
            </Text>
            {current.amendmentReason ? <Text size="sm">Amendment: {current.amendmentReason}</Text> : null}
            {current.needsCosign && !current.cosignedBy ? (
              <Group>
                <Badge color="yellow" variant="light">
                  Awaiting co-signature
                </Badge>
              </Group>
            ) : null}
            {cosigner ? (
              <Text size="sm">
                Co-signed by {cosigner} at {when(current.cosignedAt)}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {amending ? (
        <Alert color="blue" title={`Amending version ${current?.version ?? ''}`} role="status">
          Change the fields that need correcting, then sign the amendment. The signed version stays on record.
        </Alert>
      ) : null}

      <Section title="Pre-procedure checklist">
        <Checkbox
          label="Skin cleansed"
          checked={form.checklist.skinCleansed}
          disabled={readOnly}
          error={err('chart.checklist.skinCleansed')}
          onChange={(e) => set({ checklist: { ...form.checklist, skinCleansed: e.currentTarget.checked } })}
        />
        <Checkbox
          label="Before photos taken before numbing"
          checked={form.checklist.beforePhotosBeforeNumbing}
          disabled={readOnly}
          error={err('chart.checklist.beforePhotosBeforeNumbing')}
          onChange={(e) => set({ checklist: { ...form.checklist, beforePhotosBeforeNumbing: e.currentTarget.checked } })}
        />
        <Checkbox
          label="Numbing applied"
          checked={form.checklist.numbingApplied}
          disabled={readOnly}
          error={err('chart.checklist.numbingApplied')}
          onChange={(e) => set({ checklist: { ...form.checklist, numbingApplied: e.currentTarget.checked } })}
        />
      </Section>

      {form.checklist.numbingApplied ? (
        <Section title="Numbing">
          {err('chart.numbing') ? (
            <Text c="red.9" size="sm">
              {err('chart.numbing')}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Product"
              value={form.numbing.product}
              error={err('chart.numbing.product')}
              onChange={(e) => set({ numbing: { ...form.numbing, product: e.currentTarget.value } })}
              {...ro}
            />
            <TextInput
              label="Amount"
              value={form.numbing.amount}
              error={err('chart.numbing.amount')}
              onChange={(e) => set({ numbing: { ...form.numbing, amount: e.currentTarget.value } })}
              {...ro}
            />
            <TextInput
              label="Area numbed"
              value={form.numbing.area}
              error={err('chart.numbing.area')}
              onChange={(e) => set({ numbing: { ...form.numbing, area: e.currentTarget.value } })}
              {...ro}
            />
            <TextInput
              label="Time on"
              type="time"
              value={form.numbing.onAt}
              error={err('chart.numbing.onAt')}
              onChange={(e) => set({ numbing: { ...form.numbing, onAt: e.currentTarget.value } })}
              {...ro}
            />
            <TextInput
              label="Time off"
              type="time"
              value={form.numbing.offAt}
              error={err('chart.numbing.offAt')}
              onChange={(e) => set({ numbing: { ...form.numbing, offAt: e.currentTarget.value } })}
              {...ro}
            />
          </SimpleGrid>
        </Section>
      ) : null}

      <Section title="Device and cartridge">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Device"
            placeholder={devices ? 'Choose the device' : 'Loading devices…'}
            data={deviceOptions}
            value={form.deviceId}
            error={err('chart.deviceId')}
            onChange={(v) => set({ deviceId: v })}
            allowDeselect={false}
            {...ro}
          />
          <MultiSelect
            label="Cartridge lot"
            placeholder={form.lotIds.length ? undefined : 'Choose the lot or lots used'}
            data={lotOptions}
            value={form.lotIds}
            error={err('chart.lotIds') ?? form.lotIds.map((_, i) => err(`chart.lotIds.${i}`)).find(Boolean)}
            onChange={(v) => set({ lotIds: v })}
            {...ro}
          />
        </SimpleGrid>
      </Section>

      <Section title="Areas">
        {err('chart.areas') ? (
          <Text c="red.9" size="sm">
            {err('chart.areas')}
          </Text>
        ) : null}
        {form.areas.map((a, i) => (
          <Group key={i} align="flex-end" gap="sm" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, xs: 2, md: rf ? 4 : 3 }} style={{ flex: 1 }}>
              <Select
                label={`Area ${i + 1}`}
                data={areaOptions}
                value={a.area}
                searchable
                error={err(`chart.areas.${i}.area`)}
                onChange={(v) => setArea(i, { area: v })}
                {...ro}
              />
              <NumberInput
                label={`Depth (mm) ${i + 1}`}
                value={a.depthMm}
                step={0.25}
                min={0.1}
                max={3}
                decimalScale={2}
                error={err(`chart.areas.${i}.depthMm`)}
                onChange={(v) => setArea(i, { depthMm: v })}
                {...ro}
              />
              <NumberInput
                label={`Passes ${i + 1}`}
                value={a.passes}
                min={1}
                allowDecimal={false}
                error={err(`chart.areas.${i}.passes`)}
                onChange={(v) => setArea(i, { passes: v })}
                {...ro}
              />
              {rf ? (
                <TextInput
                  label={`RF preset ${i + 1}`}
                  value={a.rfPreset}
                  error={err(`chart.areas.${i}.rfPreset`)}
                  onChange={(e) => setArea(i, { rfPreset: e.currentTarget.value })}
                  {...ro}
                />
              ) : null}
            </SimpleGrid>
            {!readOnly && form.areas.length > 1 ? (
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={4}
                aria-label={`Remove area ${i + 1}`}
                onClick={() => set({ areas: form.areas.filter((_, j) => j !== i) })}
              >
                <IconTrash size={18} />
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        {!readOnly ? (
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => set({ areas: [...form.areas, emptyArea()] })}>
              Add area
            </Button>
          </Group>
        ) : null}
      </Section>

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
                {...ro}
              />
              {!readOnly ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mb={4}
                  aria-label={`Remove product ${i + 1}`}
                  onClick={() => set({ products: form.products.filter((_, j) => j !== i) })}
                >
                  <IconTrash size={18} />
                </ActionIcon>
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
                {...ro}
              />
            ) : null}
          </Stack>
        ))}
        {!readOnly ? (
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => set({ products: [...form.products, emptyProduct()] })}>
              Add product
            </Button>
          </Group>
        ) : null}
      </Section>

      <Section title="Outcome">
        <TextInput
          label="Clinical end point"
          value={form.endPoint}
          error={err('chart.endPoint')}
          onChange={(e) => set({ endPoint: e.currentTarget.value })}
          {...ro}
        />
        <Textarea label="Notes" autosize minRows={3} value={form.notes} error={err('chart.notes')} onChange={(e) => set({ notes: e.currentTarget.value })} {...ro} />
      </Section>

      {failure && !amendOpen ? (
        <Alert color="red" icon={<IconAlertCircle />} title="Could not save the chart" role="alert">
          {errorText(failure)}
        </Alert>
      ) : null}
      {saved ? (
        <Alert color="teal" role="status">
          {saved}
        </Alert>
      ) : null}

      {!signed && !notCheckedIn ? (
        <Section title="Save and sign">
          <Group>
            <Button variant="default" loading={busy === 'draft'} disabled={busy !== null} onClick={() => void save(false)}>
              Save draft
            </Button>
          </Group>
          <TextInput
            label="Type your full name to sign"
            description={me ? `Signing as ${me.user.name}` : undefined}
            value={signedName}
            error={err('signedName')}
            onChange={(e) => setSignedName(e.currentTarget.value)}
            autoComplete="name"
          />
          <Group>
            <Button loading={busy === 'sign'} disabled={busy !== null} onClick={() => void save(true)}>
              Sign chart
            </Button>
          </Group>
        </Section>
      ) : null}

      {signed ? (
        <Group>
          {amending ? (
            <>
              <Button onClick={() => setAmendOpen(true)}>Sign amendment</Button>
              <Button
                variant="default"
                onClick={() => {
                  setAmending(false);
                  setForm(initialForm(booking, current.chart));
                  setErrors({});
                  setFailure(null);
                }}
              >
                Cancel amendment
              </Button>
            </>
          ) : (
            <Button
              variant="default"
              onClick={() => {
                setAmending(true);
                setAmendOpen(true);
              }}
            >
              Amend
            </Button>
          )}
        </Group>
      ) : null}

      <Modal opened={amendOpen} onClose={() => setAmendOpen(false)} title="Amend the signed chart">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void amend();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              The amendment records the chart as it is in the form now, as version {(current?.version ?? 0) + 1}. Close this to change fields first,
              then choose Sign amendment.
            </Text>
            <Textarea
              label="Reason for the amendment"
              required
              autosize
              minRows={2}
              value={reason}
              error={err('reason')}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <TextInput
              label="Type your full name to sign"
              description={me ? `Signing as ${me.user.name}` : undefined}
              required
              value={amendName}
              error={err('signedName')}
              onChange={(e) => setAmendName(e.currentTarget.value)}
              autoComplete="name"
            />
            {failure && amendOpen ? (
              <Alert color="red" icon={<IconAlertCircle />} title="Could not amend the chart" role="alert">
                {errorText(failure)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAmendOpen(false)}>
                Close
              </Button>
              <Button type="submit" loading={busy === 'amend'}>
                Sign amendment
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Section title="Versions">
        {data.versions.length === 0 ? (
          <Text size="sm">No versions yet.</Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.versions.map((v) => (
              <li key={v.id}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>Version {v.version}</Text>
                  <Badge color={v.status === 'signed' ? 'teal' : 'gray'} variant="light">
                    {v.status === 'signed' ? 'Signed' : 'Draft'}
                  </Badge>
                  {v.signedAt ? <Text size="sm">Signed {when(v.signedAt)}</Text> : null}
                </Group>
                {v.amendmentReason ? <Text size="sm">Reason: {v.amendmentReason}</Text> : null}
              </li>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
