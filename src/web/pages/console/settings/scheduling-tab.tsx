import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { api, ApiError, errorText } from '../../../api/client.js';
import type { Organization } from '../../../api/types.js';
import { useApi } from '../../../api/use-api.js';
import { useSession } from '../../../auth/session.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';

// ---------- API shapes ----------

interface TimeRange {
  start: string;
  end: string;
}
type Weekly = Partial<Record<string, TimeRange[]>>;

interface LocationSchedule {
  weekly: Weekly;
  gridMin: number;
  minNoticeMin: number;
  horizonDays: number;
  holdMin: number;
  lateCancelHours: number;
}

interface Provider {
  id: string;
  name: string;
  role: string;
  title: string;
  licence: null | {
    type: string;
    number: string | null;
    state: string | null;
    expiresOn: string | null;
    expired: boolean;
  };
  credentials: Credential[];
  weekly: Weekly | null;
}

interface Credential {
  credential: string;
  expiresOn: string | null;
}

interface Buffers {
  providerBefore: number;
  providerAfter: number;
  roomBefore: number;
  roomAfter: number;
  deviceBefore: number;
  deviceAfter: number;
}

interface Service {
  id: string;
  code: string;
  name: string;
  kind: 'consultation' | 'treatment';
  modality: string | null;
  durationMin: number;
  treatmentMin: number;
  numbingMin: number;
  needsRoom: boolean;
  needsDevice: boolean;
  credential: string | null;
  buffers: Buffers;
}

type Outcome = 'allowed' | 'supervised' | 'not_allowed';

interface ScopeRule {
  state: string;
  licenceType: string;
  modality: string;
  maxDepthMm: number | null;
  outcome: Outcome;
  note: string;
}

interface SchedulingSetup {
  location: { id: string; name: string; timeZone: string; state: string };
  schedule: LocationSchedule | null;
  closures: { date: string; reason: string }[];
  providers: Provider[];
  rooms: { id: string; name: string }[];
  devices: { id: string; modality: string; manufacturer: string; model: string; serial: string }[];
  services: Service[];
  scopeRules: ScopeRule[];
}

// ---------- constants and helpers ----------

const DAYS: { key: string; name: string; short: string }[] = [
  { key: '1', name: 'Monday', short: 'Mon' },
  { key: '2', name: 'Tuesday', short: 'Tue' },
  { key: '3', name: 'Wednesday', short: 'Wed' },
  { key: '4', name: 'Thursday', short: 'Thu' },
  { key: '5', name: 'Friday', short: 'Fri' },
  { key: '6', name: 'Saturday', short: 'Sat' },
  { key: '7', name: 'Sunday', short: 'Sun' },
];

const GRID_OPTIONS = ['5', '10', '15', '20', '30', '60'];
const LICENCES = ['md', 'do', 'np', 'pa', 'rn', 'lvn', 'esthetician', 'master_esthetician'] as const;
const MODALITIES = ['roller', 'pen', 'rf'] as const;
const MODALITY_LABEL: Record<string, string> = { roller: 'Roller', pen: 'Pen', rf: 'RF microneedling' };
const OUTCOMES: { value: Outcome; label: string; color: string }[] = [
  { value: 'allowed', label: 'Allowed', color: 'teal' },
  { value: 'supervised', label: 'Supervised', color: 'yellow' },
  { value: 'not_allowed', label: 'Not allowed', color: 'red' },
];

const DEFAULT_SCHEDULE: LocationSchedule = {
  weekly: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  gridMin: 15,
  minNoticeMin: 120,
  horizonDays: 90,
  holdMin: 10,
  lateCancelHours: 24,
};

const licenceLabel = (l: string) => l.toUpperCase().replace('_', ' ');
const modalityLabel = (m: string | null) => (m ? (MODALITY_LABEL[m] ?? m) : '—');
const toNum = (v: number | string): number | null =>
  typeof v === 'number' ? v : v.trim() === '' ? null : Number(v);
const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** "Mon–Fri", "Mon, Wed, Fri", "Mon–Wed, Sat" or "No hours". */
export function daysSummary(weekly: Weekly | null | undefined): string {
  if (!weekly) return 'No hours';
  const open = DAYS.map((d) => (weekly[d.key]?.length ?? 0) > 0);
  const runs: string[] = [];
  let i = 0;
  while (i < 7) {
    if (!open[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < 7 && open[j + 1]) j++;
    if (j === i) runs.push(DAYS[i]!.short);
    else if (j === i + 1) runs.push(`${DAYS[i]!.short}, ${DAYS[j]!.short}`);
    else runs.push(`${DAYS[i]!.short}–${DAYS[j]!.short}`);
    i = j + 1;
  }
  return runs.length ? runs.join(', ') : 'No hours';
}

/** Client-side check: every range closes after it opens. Keys match the server's error paths. */
function weeklyProblems(weekly: Weekly, prefix = 'weekly'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of DAYS) {
    (weekly[d.key] ?? []).forEach((r, i) => {
      if (!r.start || !r.end) out[`${prefix}.${d.key}.${i}.end`] = 'Enter both times';
      else if (r.end <= r.start) out[`${prefix}.${d.key}.${i}.end`] = 'Closes before it opens';
    });
  }
  return out;
}

function buffersSummary(b: Buffers): string {
  const parts: string[] = [];
  for (const res of ['provider', 'room', 'device'] as const) {
    const before = b[`${res}Before`];
    const after = b[`${res}After`];
    if (before > 0) parts.push(`${res} +${before} min before`);
    if (after > 0) parts.push(`${res} +${after} min after`);
  }
  return parts.length ? parts.join(', ') : 'None';
}

/** Submit state for one form: busy flag, field errors and a general error message. */
function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const run = async (fn: () => Promise<unknown>, success: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await fn();
      notifications.show({ color: 'teal', message: success });
      return true;
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fieldErrors());
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, fields, run };
}

function FormError({ error }: { error: string | null }) {
  return error ? (
    <Alert color="red" role="alert" title="Not saved">
      {error}
    </Alert>
  ) : null;
}

function Section({
  title,
  children,
  description,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {description ? (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        ) : null}
        {children}
      </Stack>
    </Card>
  );
}

// ---------- weekly editor ----------

export function WeeklyEditor({
  value,
  onChange,
  disabled = false,
  errors = {},
  errorPrefix = 'weekly',
}: {
  value: Weekly;
  onChange: (next: Weekly) => void;
  disabled?: boolean;
  errors?: Record<string, string>;
  errorPrefix?: string;
}) {
  const setDay = (key: string, ranges: TimeRange[] | null) => {
    const next: Weekly = { ...value };
    if (ranges === null) delete next[key];
    else next[key] = ranges;
    onChange(next);
  };
  return (
    <Stack gap="xs">
      {DAYS.map((d) => {
        const ranges = value[d.key] ?? [];
        const open = ranges.length > 0;
        return (
          <Group key={d.key} align="flex-start" gap="sm" wrap="wrap">
            <Switch
              w={130}
              mt={6}
              label={d.name}
              aria-label={`${d.name} open`}
              checked={open}
              disabled={disabled}
              onChange={(e) =>
                setDay(d.key, e.currentTarget.checked ? [{ start: '09:00', end: '17:00' }] : null)
              }
            />
            {open ? (
              <Stack gap={6} style={{ flex: 1, minWidth: 220 }}>
                {ranges.map((r, i) => {
                  const suffix = i === 0 ? '' : `, range ${i + 1}`;
                  const base = `${errorPrefix}.${d.key}.${i}`;
                  const update = (patch: Partial<TimeRange>) =>
                    setDay(
                      d.key,
                      ranges.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                    );
                  return (
                    <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                      <TextInput
                        type="time"
                        size="xs"
                        aria-label={`${d.name} opens${suffix}`}
                        value={r.start}
                        disabled={disabled}
                        error={errors[`${base}.start`]}
                        onChange={(e) => update({ start: e.currentTarget.value })}
                      />
                      <Text size="sm" mt={4} aria-hidden>
                        to
                      </Text>
                      <TextInput
                        type="time"
                        size="xs"
                        aria-label={`${d.name} closes${suffix}`}
                        value={r.end}
                        disabled={disabled}
                        error={errors[`${base}.end`] ?? errors[base]}
                        onChange={(e) => update({ end: e.currentTarget.value })}
                      />
                      {!disabled ? (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          mt={2}
                          aria-label={`Remove ${d.name} range ${i + 1}`}
                          onClick={() =>
                            setDay(d.key, ranges.length === 1 ? null : ranges.filter((_, j) => j !== i))
                          }
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      ) : null}
                    </Group>
                  );
                })}
                {!disabled ? (
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    leftSection={<IconPlus size={14} />}
                    style={{ alignSelf: 'flex-start' }}
                    aria-label={`Add range on ${d.name}`}
                    onClick={() => {
                      const last = ranges[ranges.length - 1];
                      const start = last && last.end < '22:00' ? last.end : '13:00';
                      const end =
                        start < '23:00'
                          ? `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}${start.slice(2)}`
                          : '23:59';
                      setDay(d.key, [...ranges, { start, end }]);
                    }}
                  >
                    Add range
                  </Button>
                ) : null}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed" mt={6}>
                Closed
              </Text>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

// ---------- the tab ----------

export function SchedulingTab() {
  const org = useApi<Organization>('/api/organization');
  const [picked, setPicked] = useState<string | null>(null);
  const locations = org.data?.locations ?? [];
  const locationId = picked ?? locations[0]?.id ?? null;
  const setup = useApi<SchedulingSetup>(locationId ? `/api/locations/${locationId}/scheduling-setup` : null);

  if (org.loading && !org.data) return <Loading label="Loading locations" />;
  if (org.error || !org.data) return <ErrorAlert error={org.error} />;
  if (locations.length === 0)
    return <Empty title="No locations yet">Add a location before setting up scheduling.</Empty>;

  return (
    <Stack>
      <Select
        label="Location"
        maw={360}
        data={locations.map((l) => ({ value: l.id, label: l.name }))}
        value={locationId}
        allowDeselect={false}
        onChange={(v) => setPicked(v)}
      />
      {setup.loading && (!setup.data || setup.data.location.id !== locationId) ? (
        <Loading label="Loading scheduling setup" />
      ) : setup.error || !setup.data ? (
        <ErrorAlert error={setup.error} />
      ) : (
        <SetupSections key={setup.data.location.id} setup={setup.data} reload={setup.reload} />
      )}
    </Stack>
  );
}

function SetupSections({ setup, reload }: { setup: SchedulingSetup; reload: () => void }) {
  const { me } = useSession();
  const role = me?.role;
  const perms = {
    owner: role === 'owner',
    clinical: role === 'owner' || role === 'medical_director',
    timeOff: role === 'owner' || role === 'medical_director' || role === 'front_desk',
  };
  return (
    <Stack>
      <HoursSection setup={setup} canEdit={perms.owner} reload={reload} />
      <ProvidersSection setup={setup} perms={perms} reload={reload} />
      <ResourcesSection setup={setup} canEdit={perms.owner} reload={reload} />
      <ServicesSection setup={setup} canEdit={perms.owner} reload={reload} />
      <ScopeSection setup={setup} canEdit={perms.clinical} reload={reload} />
    </Stack>
  );
}

// ---------- opening hours ----------

function HoursSection({
  setup,
  canEdit,
  reload,
}: {
  setup: SchedulingSetup;
  canEdit: boolean;
  reload: () => void;
}) {
  const locationId = setup.location.id;
  const [draft, setDraft] = useState<LocationSchedule>(() =>
    structuredClone(setup.schedule ?? DEFAULT_SCHEDULE),
  );
  const save = useSubmit();
  const local = weeklyProblems(draft.weekly);
  const errors = { ...save.fields, ...local };
  const setNum = (key: keyof Omit<LocationSchedule, 'weekly'>) => (v: number | string) =>
    setDraft({ ...draft, [key]: toNum(v) ?? 0 });

  return (
    <Section
      title="Opening hours"
      description={`Times are in the location's time zone (${setup.location.timeZone}). Bookable slots fall inside these hours and outside closures.`}
    >
      {setup.schedule === null ? (
        <Alert color="yellow" title="No opening hours yet">
          Nothing can be booked at {setup.location.name} until opening hours are saved. The form below shows
          suggested defaults.
        </Alert>
      ) : null}
      {!canEdit ? (
        <Text size="sm" c="dimmed">
          Only the owner can change opening hours and booking rules.
        </Text>
      ) : null}
      <WeeklyEditor
        value={draft.weekly}
        onChange={(weekly) => setDraft({ ...draft, weekly })}
        disabled={!canEdit}
        errors={errors}
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        <Select
          label="Slot grid"
          description="Appointments start on this grid"
          data={GRID_OPTIONS.map((g) => ({ value: g, label: `${g} minutes` }))}
          value={String(draft.gridMin)}
          allowDeselect={false}
          disabled={!canEdit}
          error={errors.gridMin}
          onChange={(v) => v && setDraft({ ...draft, gridMin: Number(v) })}
        />
        <NumberInput
          label="Minimum notice"
          description="How soon online booking may start"
          suffix=" min"
          min={0}
          allowDecimal={false}
          value={draft.minNoticeMin}
          disabled={!canEdit}
          error={errors.minNoticeMin}
          onChange={setNum('minNoticeMin')}
        />
        <NumberInput
          label="Booking horizon"
          description="How far ahead clients may book"
          suffix=" days"
          min={1}
          allowDecimal={false}
          value={draft.horizonDays}
          disabled={!canEdit}
          error={errors.horizonDays}
          onChange={setNum('horizonDays')}
        />
        <NumberInput
          label="Hold length"
          description="How long a slot is held during checkout"
          suffix=" min"
          min={1}
          allowDecimal={false}
          value={draft.holdMin}
          disabled={!canEdit}
          error={errors.holdMin}
          onChange={setNum('holdMin')}
        />
        <NumberInput
          label="Late-cancel window"
          description="Cancelling inside this window counts as late"
          suffix=" hours"
          min={0}
          allowDecimal={false}
          value={draft.lateCancelHours}
          disabled={!canEdit}
          error={errors.lateCancelHours}
          onChange={setNum('lateCancelHours')}
        />
      </SimpleGrid>
      <FormError error={save.error} />
      <Group>
        <Button
          disabled={!canEdit || Object.keys(local).length > 0}
          loading={save.busy}
          onClick={() =>
            void save
              .run(
                () => api(`/api/locations/${locationId}/schedule`, { method: 'PUT', body: draft }),
                `Opening hours saved for ${setup.location.name}.`,
              )
              .then((ok) => ok && reload())
          }
        >
          Save opening hours
        </Button>
        {!canEdit ? (
          <Text size="sm" c="dimmed">
            Read only
          </Text>
        ) : null}
      </Group>
      <ClosuresBlock setup={setup} canEdit={canEdit} reload={reload} />
    </Section>
  );
}

function ClosuresBlock({
  setup,
  canEdit,
  reload,
}: {
  setup: SchedulingSetup;
  canEdit: boolean;
  reload: () => void;
}) {
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const save = useSubmit();
  const closures = [...setup.closures].sort((a, b) => a.date.localeCompare(b.date));
  const upcoming = closures.filter((c) => c.date >= todayIso());
  return (
    <Stack gap="xs" mt="sm">
      <Title order={3} size="h5">
        Closures
      </Title>
      {canEdit ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save
              .run(
                () =>
                  api(`/api/locations/${setup.location.id}/closures`, {
                    body: { date, reason: reason.trim() },
                  }),
                `Closed on ${date}.`,
              )
              .then((ok) => {
                if (ok) {
                  setDate('');
                  setReason('');
                  reload();
                }
              });
          }}
        >
          <Group align="flex-end" wrap="wrap" gap="sm">
            <TextInput
              type="date"
              label="Close on"
              required
              min={todayIso()}
              value={date}
              error={save.fields.date}
              onChange={(e) => setDate(e.currentTarget.value)}
            />
            <TextInput
              label="Reason"
              placeholder="Public holiday"
              style={{ flex: 1, minWidth: 180 }}
              value={reason}
              error={save.fields.reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button type="submit" variant="light" loading={save.busy} disabled={!date}>
              Close on this date
            </Button>
          </Group>
        </form>
      ) : null}
      <FormError error={save.error} />
      {upcoming.length === 0 ? (
        <Text size="sm" c="dimmed">
          No upcoming closures.
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {upcoming.map((c) => (
            <List.Item key={c.date}>
              <Text span fw={600} size="sm">
                {new Date(`${c.date}T12:00:00`).toLocaleDateString(undefined, {
                  weekday: 'short',
                  year: 'numeric',
                  month: 'short',
                  day: 'numeric',
                })}
              </Text>
              {c.reason ? ` — ${c.reason}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {closures.length > upcoming.length ? (
        <Text size="xs" c="dimmed">
          {closures.length - upcoming.length} past closure{closures.length - upcoming.length === 1 ? '' : 's'}{' '}
          not shown.
        </Text>
      ) : null}
    </Stack>
  );
}

// ---------- providers ----------

type Perms = { owner: boolean; clinical: boolean; timeOff: boolean };
type ProviderModal = { kind: 'hours' | 'timeOff' | 'credentials' | 'day'; provider: Provider } | null;

function ProvidersSection({
  setup,
  perms,
  reload,
}: {
  setup: SchedulingSetup;
  perms: Perms;
  reload: () => void;
}) {
  const [modal, setModal] = useState<ProviderModal>(null);
  const close = () => setModal(null);
  const done = () => {
    setModal(null);
    reload();
  };
  const today = todayIso();
  return (
    <Section
      title="Providers"
      description="Who can be booked here, on which days, and with which licence and credentials."
    >
      {setup.providers.length === 0 ? (
        <Text size="sm" c="dimmed">
          No providers work at this location yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Licence</Table.Th>
                <Table.Th>Credentials</Table.Th>
                <Table.Th>Days</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {setup.providers.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {p.licence ? (
                      <Stack gap={2}>
                        <Group gap={6}>
                          <Text size="sm">
                            {licenceLabel(p.licence.type)}
                            {p.licence.number ? ` #${p.licence.number}` : ''}
                            {p.licence.state ? ` · ${p.licence.state}` : ''}
                          </Text>
                          {p.licence.expired ? (
                            <Badge color="red" variant="light">
                              Expired
                            </Badge>
                          ) : null}
                        </Group>
                        {p.licence.expiresOn ? (
                          <Text size="xs" c="dimmed">
                            Expires {p.licence.expiresOn}
                          </Text>
                        ) : null}
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        No licence on file
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.credentials.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        None
                      </Text>
                    ) : (
                      <Group gap={4}>
                        {p.credentials.map((c) => {
                          const expired = c.expiresOn !== null && c.expiresOn < today;
                          return (
                            <Badge
                              key={c.credential}
                              variant="light"
                              color={expired ? 'red' : 'blue'}
                              title={
                                c.expiresOn
                                  ? `${expired ? 'Expired' : 'Expires'} ${c.expiresOn}`
                                  : 'No expiry'
                              }
                            >
                              {c.credential}
                              {expired ? ' (expired)' : ''}
                            </Badge>
                          );
                        })}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.weekly ? daysSummary(p.weekly) : 'Location hours'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {perms.owner ? (
                        <Button
                          size="compact-xs"
                          variant="light"
                          aria-label={`Hours for ${p.name}`}
                          onClick={() => setModal({ kind: 'hours', provider: p })}
                        >
                          Hours
                        </Button>
                      ) : null}
                      {perms.timeOff ? (
                        <Button
                          size="compact-xs"
                          variant="light"
                          aria-label={`Time off for ${p.name}`}
                          onClick={() => setModal({ kind: 'timeOff', provider: p })}
                        >
                          Time off
                        </Button>
                      ) : null}
                      {perms.timeOff && p.weekly ? (
                        <Button size="compact-xs" variant="light" aria-label={`One day for ${p.name}`} onClick={() => setModal({ kind: 'day', provider: p })}>
                          One day
                        </Button>
                      ) : null}
                      {perms.clinical ? (
                        <Button
                          size="compact-xs"
                          variant="light"
                          aria-label={`Credentials for ${p.name}`}
                          onClick={() => setModal({ kind: 'credentials', provider: p })}
                        >
                          Credentials
                        </Button>
                      ) : null}
                      {!perms.owner && !perms.timeOff && !perms.clinical ? (
                        <Text size="xs" c="dimmed">
                          View only
                        </Text>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={modal?.kind === 'hours'}
        onClose={close}
        title={modal ? `Working hours: ${modal.provider.name}` : ''}
        size="lg"
      >
        {modal?.kind === 'hours' ? (
          <ProviderHoursForm key={modal.provider.id} provider={modal.provider} setup={setup} onDone={done} />
        ) : null}
      </Modal>
      <Modal
        opened={modal?.kind === 'timeOff'}
        onClose={close}
        title={modal ? `Time off: ${modal.provider.name}` : ''}
      >
        {modal?.kind === 'timeOff' ? (
          <TimeOffForm key={modal.provider.id} provider={modal.provider} onDone={done} />
        ) : null}
      </Modal>
      <Modal opened={modal?.kind === 'day'} onClose={close} title={modal ? `One day: ${modal.provider.name}` : ''}>
        {modal?.kind === 'day' ? <DayOverrideForm key={modal.provider.id} provider={modal.provider} locationId={setup.location.id} onDone={done} /> : null}
      </Modal>
      <Modal
        opened={modal?.kind === 'credentials'}
        onClose={close}
        title={modal ? `Credentials: ${modal.provider.name}` : ''}
        size="lg"
      >
        {modal?.kind === 'credentials' ? (
          <CredentialsForm key={modal.provider.id} provider={modal.provider} onDone={done} />
        ) : null}
      </Modal>
    </Section>
  );
}

function ProviderHoursForm({
  provider,
  setup,
  onDone,
}: {
  provider: Provider;
  setup: SchedulingSetup;
  onDone: () => void;
}) {
  const [weekly, setWeekly] = useState<Weekly>(() =>
    structuredClone(provider.weekly ?? setup.schedule?.weekly ?? DEFAULT_SCHEDULE.weekly),
  );
  const save = useSubmit();
  const local = weeklyProblems(weekly);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Hours {provider.name} works at {setup.location.name} ({setup.location.timeZone}). Bookings also need
        the location to be open.
      </Text>
      <WeeklyEditor value={weekly} onChange={setWeekly} errors={{ ...save.fields, ...local }} />
      <FormError error={save.error} />
      <Group justify="flex-end">
        <Button
          loading={save.busy}
          disabled={Object.keys(local).length > 0}
          onClick={() =>
            void save
              .run(
                () =>
                  api(`/api/providers/${provider.id}/schedule`, {
                    method: 'PUT',
                    body: { locationId: setup.location.id, weekly },
                  }),
                `Hours saved for ${provider.name}.`,
              )
              .then((ok) => ok && onDone())
          }
        >
          Save hours
        </Button>
      </Group>
    </Stack>
  );
}

/** Different hours on one date at this location (or a day off), replacing the weekly hours. */
function DayOverrideForm({ provider, locationId, onDone }: { provider: Provider; locationId: string; onDone: () => void }) {
  const [date, setDate] = useState('');
  const [off, setOff] = useState(false);
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('17:00');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      await api(`/api/providers/${provider.id}/overrides`, { method: 'PUT', body: { locationId, date, ranges: off ? [] : [{ start, end }] } });
      notifications.show({ color: 'teal', message: `Hours on ${date} saved for ${provider.name}.` });
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack>
      <TextInput label="Date" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
      <Switch label="Day off" checked={off} onChange={(e) => setOff(e.currentTarget.checked)} />
      {!off ? (
        <Group grow>
          <TextInput label="Starts" type="time" value={start} onChange={(e) => setStart(e.currentTarget.value)} />
          <TextInput label="Ends" type="time" value={end} onChange={(e) => setEnd(e.currentTarget.value)} />
        </Group>
      ) : null}
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <Button onClick={() => void save()} disabled={!date || (!off && end <= start)}>
        Save this day
      </Button>
    </Stack>
  );
}

function TimeOffForm({ provider, onDone }: { provider: Provider; onDone: () => void }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const save = useSubmit();
  const order = from && to && new Date(to) <= new Date(from) ? 'Ends before it starts' : undefined;
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save
          .run(
            () =>
              api(`/api/providers/${provider.id}/time-off`, {
                body: {
                  from: new Date(from).toISOString(),
                  to: new Date(to).toISOString(),
                  reason: reason.trim(),
                },
              }),
            `Time off recorded for ${provider.name}.`,
          )
          .then((ok) => ok && onDone());
      }}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Times are in this device&apos;s time zone ({tz}). Existing bookings in this period are not cancelled
          automatically.
        </Text>
        <TextInput
          type="datetime-local"
          label="From"
          required
          value={from}
          error={save.fields.from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="datetime-local"
          label="To"
          required
          value={to}
          error={order ?? save.fields.to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <TextInput
          label="Reason"
          placeholder="Vacation"
          value={reason}
          error={save.fields.reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy} disabled={!from || !to || !!order}>
            Record time off
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CredentialsForm({ provider, onDone }: { provider: Provider; onDone: () => void }) {
  const [rows, setRows] = useState<Credential[]>(() => provider.credentials.map((c) => ({ ...c })));
  const save = useSubmit();
  const update = (i: number, patch: Partial<Credential>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const blank = rows.some((r) => r.credential.trim() === '');
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Credentials a service may require (for example a device certification). Leave the date empty if it
        does not expire.
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No credentials.
        </Text>
      ) : null}
      {rows.map((r, i) => (
        <Group key={i} align="flex-start" gap="xs" wrap="wrap">
          <TextInput
            label={`Credential ${i + 1}`}
            style={{ flex: 1, minWidth: 180 }}
            value={r.credential}
            error={save.fields[`credentials.${i}.credential`]}
            onChange={(e) => update(i, { credential: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={`Credential ${i + 1} expires`}
            value={r.expiresOn ?? ''}
            error={save.fields[`credentials.${i}.expiresOn`]}
            onChange={(e) => update(i, { expiresOn: e.currentTarget.value || null })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={26}
            aria-label={`Remove credential ${i + 1}`}
            onClick={() => setRows(rows.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => setRows([...rows, { credential: '', expiresOn: null }])}
      >
        Add credential
      </Button>
      <FormError error={save.error} />
      <Group justify="flex-end">
        <Button
          loading={save.busy}
          disabled={blank}
          onClick={() =>
            void save
              .run(
                () =>
                  api(`/api/providers/${provider.id}/credentials`, {
                    method: 'PUT',
                    body: {
                      credentials: rows.map((r) => ({
                        credential: r.credential.trim(),
                        expiresOn: r.expiresOn,
                      })),
                    },
                  }),
                `Credentials saved for ${provider.name}.`,
              )
              .then((ok) => ok && onDone())
          }
        >
          Save credentials
        </Button>
      </Group>
    </Stack>
  );
}

// ---------- rooms and devices ----------

function AddResourceForms({ locationId, reload }: { locationId: string; reload: () => void }) {
  const [room, setRoom] = useState('');
  const [device, setDevice] = useState({ modality: 'pen', manufacturer: '', model: '', serial: '' });
  const [error, setError] = useState<string | null>(null);
  const save = async (path: string, body: unknown, done: () => void) => {
    setError(null);
    try {
      await api(`/api/locations/${locationId}/${path}`, { body });
      done();
      reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack gap="xs" mt="md">
      <Group align="flex-end" wrap="wrap">
        <TextInput label="New room" value={room} onChange={(e) => setRoom(e.currentTarget.value)} />
        <Button variant="light" disabled={!room.trim()} onClick={() => void save('rooms', { name: room }, () => setRoom(''))}>
          Add room
        </Button>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <Select label="Device type" data={[{ value: 'pen', label: 'Pen' }, { value: 'roller', label: 'Roller' }, { value: 'rf', label: 'RF microneedling' }]} value={device.modality} onChange={(v) => setDevice((d) => ({ ...d, modality: v ?? 'pen' }))} allowDeselect={false} w={170} />
        <TextInput label="Manufacturer" value={device.manufacturer} onChange={(e) => { const v = e.currentTarget.value; setDevice((d) => ({ ...d, manufacturer: v })); }} w={150} />
        <TextInput label="Model" value={device.model} onChange={(e) => { const v = e.currentTarget.value; setDevice((d) => ({ ...d, model: v })); }} w={150} />
        <TextInput label="Serial number" value={device.serial} onChange={(e) => { const v = e.currentTarget.value; setDevice((d) => ({ ...d, serial: v })); }} w={150} />
        <Button variant="light" disabled={!device.manufacturer || !device.model || !device.serial} onClick={() => void save('devices', device, () => setDevice({ modality: 'pen', manufacturer: '', model: '', serial: '' }))}>
          Add device
        </Button>
      </Group>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}

function ResourcesSection({ setup, canEdit, reload }: { setup: SchedulingSetup; canEdit: boolean; reload: () => void }) {
  return (
    <Section title="Rooms and devices">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap={4}>
          <Title order={3} size="h5">
            Rooms
          </Title>
          {setup.rooms.length === 0 ? (
            <Text size="sm" c="dimmed">
              No rooms. Services that need a room cannot be booked here.
            </Text>
          ) : (
            <List size="sm">
              {setup.rooms.map((r) => (
                <List.Item key={r.id}>{r.name}</List.Item>
              ))}
            </List>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h5">
            Devices
          </Title>
          {setup.devices.length === 0 ? (
            <Text size="sm" c="dimmed">
              No devices. Services that need a device cannot be booked here.
            </Text>
          ) : (
            <List size="sm">
              {setup.devices.map((d) => (
                <List.Item key={d.id}>
                  {d.manufacturer} {d.model} ({modalityLabel(d.modality)}){' '}
                  <Text span size="xs" c="dimmed">
                    S/N {d.serial}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </SimpleGrid>
      {canEdit ? <AddResourceForms locationId={setup.location.id} reload={reload} /> : null}
    </Section>
  );
}

// ---------- services ----------

function ServicesSection({
  setup,
  canEdit,
  reload,
}: {
  setup: SchedulingSetup;
  canEdit: boolean;
  reload: () => void;
}) {
  const [adding, setAdding] = useState(false);
  return (
    <Section
      title="Services"
      description="What can be booked, how long it takes, and the resources and buffers it needs."
    >
      {setup.services.length === 0 ? (
        <Text size="sm" c="dimmed">
          No services yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Service</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Modality</Table.Th>
                <Table.Th>Duration</Table.Th>
                <Table.Th>Needs</Table.Th>
                <Table.Th>Buffers</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {setup.services.map((s) => {
                const needs = ['provider', s.needsRoom ? 'room' : null, s.needsDevice ? 'device' : null]
                  .filter(Boolean)
                  .join(', ');
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {s.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {s.code}
                        {s.credential ? ` · requires ${s.credential}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={s.kind === 'treatment' ? 'grape' : 'blue'}>
                        {s.kind === 'treatment' ? 'Treatment' : 'Consultation'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{modalityLabel(s.modality)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{s.numbingMin + s.treatmentMin} min</Text>
                      {s.numbingMin > 0 ? (
                        <Text size="xs" c="dimmed">
                          {s.numbingMin} numbing + {s.treatmentMin} treatment
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{needs}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{buffersSummary(s.buffers)}</Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit ? (
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setAdding(true)}
        >
          Add service
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          Only the owner can add services.
        </Text>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add service" size="lg">
        {adding ? (
          <ServiceForm
            onDone={() => {
              setAdding(false);
              reload();
            }}
          />
        ) : null}
      </Modal>
    </Section>
  );
}

interface ServiceDraft {
  code: string;
  name: string;
  kind: 'consultation' | 'treatment';
  modality: string | null;
  treatmentMin: number;
  numbingMin: number;
  needsRoom: boolean;
  needsDevice: boolean;
  credential: string;
  buffers: Buffers;
}

function ServiceForm({ onDone }: { onDone: () => void }) {
  const [d, setD] = useState<ServiceDraft>({
    code: '',
    name: '',
    kind: 'treatment',
    modality: 'pen',
    treatmentMin: 60,
    numbingMin: 0,
    needsRoom: true,
    needsDevice: true,
    credential: '',
    buffers: {
      providerBefore: 0,
      providerAfter: 0,
      roomBefore: 0,
      roomAfter: 0,
      deviceBefore: 0,
      deviceAfter: 0,
    },
  });
  const save = useSubmit();
  const f = save.fields;
  const setBuffer = (k: keyof Buffers) => (v: number | string) =>
    setD({ ...d, buffers: { ...d.buffers, [k]: toNum(v) ?? 0 } });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const body = {
          ...d,
          code: d.code.trim(),
          name: d.name.trim(),
          credential: d.credential.trim() || null,
          modality: d.modality,
        };
        void save
          .run(() => api('/api/services', { body }), `Service “${body.name}” added.`)
          .then((ok) => ok && onDone());
      }}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label="Name"
            required
            value={d.name}
            error={f.name}
            onChange={(e) => setD({ ...d, name: e.currentTarget.value })}
          />
          <TextInput
            label="Code"
            required
            description="Short unique code, e.g. MN-FACE"
            value={d.code}
            error={f.code}
            onChange={(e) => setD({ ...d, code: e.currentTarget.value })}
          />
          <Select
            label="Kind"
            data={[
              { value: 'treatment', label: 'Treatment' },
              { value: 'consultation', label: 'Consultation' },
            ]}
            value={d.kind}
            allowDeselect={false}
            error={f.kind}
            onChange={(v) =>
              v &&
              setD({
                ...d,
                kind: v,
                ...(v === 'consultation' ? { modality: null, needsDevice: false, numbingMin: 0 } : {}),
              })
            }
          />
          <Select
            label="Modality"
            placeholder="None"
            clearable
            data={MODALITIES.map((m) => ({ value: m, label: MODALITY_LABEL[m] ?? m }))}
            value={d.modality}
            error={f.modality}
            onChange={(v) => setD({ ...d, modality: v })}
          />
          <NumberInput
            label="Treatment time"
            suffix=" min"
            min={0}
            allowDecimal={false}
            value={d.treatmentMin}
            error={f.treatmentMin}
            onChange={(v) => setD({ ...d, treatmentMin: toNum(v) ?? 0 })}
          />
          <NumberInput
            label="Numbing time"
            suffix=" min"
            min={0}
            allowDecimal={false}
            value={d.numbingMin}
            error={f.numbingMin}
            onChange={(v) => setD({ ...d, numbingMin: toNum(v) ?? 0 })}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          Total appointment length: {d.numbingMin + d.treatmentMin} min.
        </Text>
        <Group>
          <Checkbox
            label="Needs a room"
            checked={d.needsRoom}
            error={f.needsRoom}
            onChange={(e) => setD({ ...d, needsRoom: e.currentTarget.checked })}
          />
          <Checkbox
            label="Needs a device"
            checked={d.needsDevice}
            error={f.needsDevice}
            onChange={(e) => setD({ ...d, needsDevice: e.currentTarget.checked })}
          />
        </Group>
        <TextInput
          label="Required credential"
          description="Optional: providers need this credential to be booked for the service"
          value={d.credential}
          error={f.credential}
          onChange={(e) => setD({ ...d, credential: e.currentTarget.value })}
        />
        <Title order={3} size="h6">
          Buffers (minutes)
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          {(
            [
              ['providerBefore', 'Provider before'],
              ['providerAfter', 'Provider after'],
              ['roomBefore', 'Room before'],
              ['roomAfter', 'Room after'],
              ['deviceBefore', 'Device before'],
              ['deviceAfter', 'Device after'],
            ] as const
          ).map(([k, label]) => (
            <NumberInput
              key={k}
              label={label}
              min={0}
              allowDecimal={false}
              value={d.buffers[k]}
              error={f[`buffers.${k}`]}
              onChange={setBuffer(k)}
            />
          ))}
        </SimpleGrid>
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy} disabled={!d.name.trim() || !d.code.trim()}>
            Add service
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// ---------- scope of practice ----------

function ScopeSection({
  setup,
  canEdit,
  reload,
}: {
  setup: SchedulingSetup;
  canEdit: boolean;
  reload: () => void;
}) {
  const state = setup.location.state;
  const rules = setup.scopeRules
    .filter((r) => r.state === state)
    .sort((a, b) => a.licenceType.localeCompare(b.licenceType) || a.modality.localeCompare(b.modality));
  const [licenceType, setLicenceType] = useState<string>('rn');
  const [modality, setModality] = useState<string>('pen');
  const [maxDepth, setMaxDepth] = useState<number | string>('');
  const [outcome, setOutcome] = useState<Outcome>('allowed');
  const save = useSubmit();
  const f = save.fields;

  const pick = (r: ScopeRule) => {
    setLicenceType(r.licenceType);
    setModality(r.modality);
    setMaxDepth(r.maxDepthMm ?? '');
    setOutcome(r.outcome);
  };

  return (
    <Section
      title={`Scope of practice (${state})`}
      description={`Who may perform which microneedling modality in ${state}. Any licence and modality without a rule here is denied.`}
    >
      {rules.length === 0 ? (
        <Text size="sm" c="dimmed">
          No rules for {state}: nobody can be booked for microneedling here until rules are set.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Licence</Table.Th>
                <Table.Th>Modality</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Max depth</Table.Th>
                <Table.Th>Note</Table.Th>
                {canEdit ? <Table.Th>Edit</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.map((r) => {
                const o = OUTCOMES.find((x) => x.value === r.outcome);
                return (
                  <Table.Tr key={`${r.licenceType}-${r.modality}`}>
                    <Table.Td>{licenceLabel(r.licenceType)}</Table.Td>
                    <Table.Td>{modalityLabel(r.modality)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={o?.color ?? 'gray'}>
                        {o?.label ?? r.outcome}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{r.maxDepthMm === null ? 'No limit' : `${r.maxDepthMm} mm`}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.note || '—'}</Text>
                    </Table.Td>
                    {canEdit ? (
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={`Edit rule for ${licenceLabel(r.licenceType)} ${modalityLabel(r.modality)}`}
                          onClick={() => pick(r)}
                        >
                          Edit
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const body = {
              state,
              licenceType,
              modality,
              maxDepthMm: typeof maxDepth === 'number' ? maxDepth : maxDepth === '' ? null : Number(maxDepth),
              outcome,
            };
            void save
              .run(
                () => api('/api/scope-rules', { method: 'PUT', body }),
                `Rule saved: ${licenceLabel(licenceType)} · ${modalityLabel(modality)} in ${state}.`,
              )
              .then((ok) => ok && reload());
          }}
        >
          <Stack gap="xs">
            <Title order={3} size="h5">
              Set a rule
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <Select
                label="Licence"
                data={LICENCES.map((l) => ({ value: l, label: licenceLabel(l) }))}
                value={licenceType}
                allowDeselect={false}
                error={f.licenceType}
                onChange={(v) => v && setLicenceType(v)}
              />
              <Select
                label="Modality"
                data={MODALITIES.map((m) => ({ value: m, label: MODALITY_LABEL[m] ?? m }))}
                value={modality}
                allowDeselect={false}
                error={f.modality}
                onChange={(v) => v && setModality(v)}
              />
              <Select
                label="Outcome"
                data={OUTCOMES.map((o) => ({ value: o.value, label: o.label }))}
                value={outcome}
                allowDeselect={false}
                error={f.outcome}
                onChange={(v) => v && setOutcome(v)}
              />
              <NumberInput
                label="Max depth"
                description="Empty for no limit"
                suffix=" mm"
                min={0}
                step={0.25}
                decimalScale={2}
                value={maxDepth}
                error={f.maxDepthMm}
                onChange={setMaxDepth}
              />
            </SimpleGrid>
            <FormError error={save.error} />
            <Group>
              <Button type="submit" variant="light" loading={save.busy}>
                Save rule
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm" c="dimmed">
          Only the owner or the medical director can change scope-of-practice rules.
        </Text>
      )}
    </Section>
  );
}
