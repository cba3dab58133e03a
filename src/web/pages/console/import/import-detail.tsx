// One import, step by step: choose what the file holds and its system (or map its columns), look at
// the first rows, dry run, run with a progress bar (rows done of the total; a run cut off is resumed),
// then the conflict report and the rows that need fixing.
import { Alert, Badge, Button, Card, Group, Progress, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay, IconChecklist } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { call, errorText, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { usePollWhile } from '../../../components/use-poll.js';
import { ErrorAlert, Loading } from '../../../components/states.js';
import { DryRunResult, OutcomeRows, PreviewTable, type CsvImport, type DryRunAnswer } from './import-reports.js';

type Presets = Schemas['CsvImportPresets'];
type Mapping = CsvImport['mapping'];
type Field = keyof Mapping;
type Kind = CsvImport['kind'];
type PresetId = NonNullable<Schemas['CsvImportUpdate']['preset']>;

export const KIND_LABEL: Record<Kind, string> = { clients: 'Clients', appointments: 'Appointments', packages: 'Package balances', notes: 'Notes' };
export const STATUS_LABEL = { uploaded: 'Ready to check', running: 'Running', interrupted: 'Interrupted', finished: 'Finished' } as const;
export const STATUS_COLOR = { uploaded: 'blue', running: 'blue', interrupted: 'orange', finished: 'teal' } as const;

function MappingCard({ imp, presets, onSaved }: { imp: CsvImport; presets: Presets; onSaved: (i: CsvImport) => void }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fields = presets.fields.filter((f) => f.kinds.includes(imp.kind));
  const save = async (body: { kind?: Kind; preset?: PresetId; mapping?: Mapping }) => {
    setSaving(true);
    setError(null);
    try {
      const r = await call(http.PATCH('/api/imports/{importId}', { params: { path: { importId: imp.id } }, body }));
      onSaved(r.import);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  const setField = (field: Field, header: string | null) => {
    const mapping: Mapping = { ...imp.mapping };
    if (header) mapping[field] = header;
    else delete mapping[field];
    void save({ mapping });
  };
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h5">
          What the file holds and where each column goes
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="The file holds" data={Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label }))} value={imp.kind} onChange={(v) => v && void save({ kind: v as Kind })} allowDeselect={false} disabled={saving} />
          <Select
            label="Exported from"
            data={[...presets.presets.map((p) => ({ value: p.id, label: p.name })), { value: 'custom', label: 'Another system (map the columns)' }]}
            value={imp.preset}
            onChange={(v) => v && void save({ preset: v as PresetId })}
            allowDeselect={false}
            disabled={saving}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {fields.map((f) => (
            <Select
              key={f.field}
              label={`${f.label}${f.requiredFor.includes(imp.kind) ? ' (needed)' : ''}`}
              placeholder="Not in this file"
              data={imp.headers}
              value={imp.mapping[f.field] ?? null}
              onChange={(v) => setField(f.field, v)}
              clearable
              disabled={saving}
            />
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          A client is recognised by their email, or else by name and date of birth, or name and phone: give one of them so a second run does not add anyone twice.
        </Text>
        {error ? (
          <Alert color="red" role="alert" title="The mapping was not saved">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}

function RunProgress({ imp }: { imp: CsvImport }) {
  const { done, total } = imp.progress;
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <Card withBorder>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {imp.status === 'finished' ? 'Imported' : imp.status === 'interrupted' ? 'The import stopped before the end' : 'Importing…'}
        </Text>
        <Progress value={percent} animated={imp.status === 'running'} aria-label="Import progress" />
        <Text size="sm" aria-live="polite">
          {done} of {total} rows done · {imp.counts.created} imported · {imp.counts.existing} already there · {imp.counts.conflicts} conflicts · {imp.counts.errors} to fix
        </Text>
        {imp.status === 'running' ? <Text size="xs" c="dimmed">You may leave this page: the import keeps running.</Text> : null}
      </Stack>
    </Card>
  );
}

export function ImportDetail({ importId, onChanged }: { importId: string; onChanged: () => void }) {
  const loaded = useGet('/api/imports/{importId}', { params: { path: { importId } } });
  const presets = useGet('/api/imports/presets', {});
  const [imp, setImp] = useState<CsvImport | null>(null);
  const [dry, setDry] = useState<DryRunAnswer | null>(null);
  const [busy, setBusy] = useState<'dry' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { reload } = loaded;
  useEffect(() => {
    if (loaded.data) setImp(loaded.data.import);
  }, [loaded.data]);
  const status = imp?.status;
  usePollWhile(status === 'running', reload, 1000);
  useEffect(() => {
    if (status === 'finished') onChanged();
  }, [status, onChanged]);

  if ((loaded.loading && !loaded.data) || (presets.loading && !presets.data)) return <Loading label="Loading the import" />;
  if (loaded.error || presets.error || !loaded.data || !presets.data || !imp) return <ErrorAlert error={loaded.error ?? presets.error} />;

  const dryRun = async () => {
    setBusy('dry');
    setError(null);
    try {
      setDry(await call(http.POST('/api/imports/{importId}/dry-run', { params: { path: { importId } } })));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const run = async () => {
    setBusy('run');
    setError(null);
    try {
      const r = await call(http.POST('/api/imports/{importId}/run', { params: { path: { importId } } }));
      setImp(r.import);
      onChanged();
      reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const saved = (i: CsvImport) => {
    setImp(i);
    setDry(null);
  };

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2} size="h4">
            {imp.fileName}
          </Title>
          <Text size="sm" c="dimmed">
            {KIND_LABEL[imp.kind]} · {imp.presetName} · {imp.totalRows} rows
          </Text>
        </div>
        <Badge color={STATUS_COLOR[imp.status]}>{STATUS_LABEL[imp.status]}</Badge>
      </Group>
      {imp.status === 'uploaded' ? (
        <>
          <MappingCard imp={imp} presets={presets.data} onSaved={saved} />
          <PreviewTable headers={imp.headers} rows={loaded.data.preview} />
          <Group>
            <Button leftSection={<IconChecklist size={18} aria-hidden />} variant="default" onClick={() => void dryRun()} loading={busy === 'dry'}>
              Dry run
            </Button>
            <Button leftSection={<IconPlayerPlay size={18} aria-hidden />} onClick={() => void run()} loading={busy === 'run'} disabled={!dry}>
              Run import
            </Button>
            {!dry ? <Text size="xs" c="dimmed">Dry run first: it shows what will be imported and what to fix.</Text> : null}
          </Group>
        </>
      ) : null}
      {error ? (
        <Alert color="red" role="alert" title="That did not work">
          {error}
        </Alert>
      ) : null}
      {imp.status === 'uploaded' && dry ? <DryRunResult result={dry} /> : null}
      {imp.status !== 'uploaded' ? <RunProgress imp={imp} /> : null}
      {imp.status === 'interrupted' ? (
        <Group>
          <Button leftSection={<IconPlayerPlay size={18} aria-hidden />} onClick={() => void run()} loading={busy === 'run'}>
            Resume import
          </Button>
          <Text size="sm" c="dimmed">
            It carries on from the first row it had not done; nothing is imported twice.
          </Text>
        </Group>
      ) : null}
      {imp.status === 'finished' ? (
        <>
          {imp.kind === 'appointments' ? <OutcomeRows importId={imp.id} outcome="conflict" title="Conflict report: appointments not booked" empty="Every future appointment was booked." /> : null}
          <OutcomeRows importId={imp.id} outcome="error" title="Rows not imported" empty="Every row was imported or already there." />
        </>
      ) : null}
    </Stack>
  );
}
