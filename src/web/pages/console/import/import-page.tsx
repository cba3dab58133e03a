// Console > Import (docs/import.md), for the owner and the medical director: upload a CSV export from
// Boulevard, Vagaro, Mangomint, Zenoti, Jane or any other system, check it with a dry run, run it with
// a progress bar, and read the conflict report; the history lists every import.
import { Alert, Badge, Button, Card, FileButton, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { call, errorText, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { shortDateTime } from '../../../api/dates.js';
import { Page } from '../../../components/page.js';
import { ScrollTable } from '../../../components/billing/scroll-table.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';
import { usePollWhile } from '../../../components/use-poll.js';
import { ImportDetail, KIND_LABEL, STATUS_COLOR, STATUS_LABEL } from './import-detail.js';
import type { CsvImport } from './import-reports.js';

const MAX_BYTES = 4 * 1024 * 1024;

function UploadCard({ onUploaded }: { onUploaded: (id: string) => void }) {
  const presets = useGet('/api/imports/presets', {});
  const org = useGet('/api/organization', {});
  const [kind, setKind] = useState<string>('guess');
  const [preset, setPreset] = useState<string>('detect');
  const [locationId, setLocationId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locations = org.data?.locations ?? [];

  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) {
      setError('The file is larger than 4 MB. Split it into several files and import them one after the other.');
      return;
    }
    setBusy(true);
    try {
      const csv = await file.text();
      const body = {
        fileName: file.name.slice(0, 200) || 'import.csv',
        csv,
        ...(kind !== 'guess' ? { kind: kind as CsvImport['kind'] } : {}),
        ...(preset !== 'detect' ? { preset: preset as NonNullable<Schemas['CsvImportUpload']['preset']> } : {}),
        ...(locationId ? { locationId } : {}),
      };
      const r = await call(http.POST('/api/imports', { body }));
      onUploaded(r.import.id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Upload a file
        </Title>
        <Text size="sm">
          Export your clients, appointments, package balances or notes as CSV from your current system and upload the file here. Nothing is imported until you have checked it with a dry run.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: locations.length > 1 ? 3 : 2 }}>
          <Select label="The file holds" data={[{ value: 'guess', label: 'Let Dermis tell from the columns' }, ...Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label }))]} value={kind} onChange={(v) => setKind(v ?? 'guess')} allowDeselect={false} />
          <Select
            label="Exported from"
            data={[{ value: 'detect', label: 'Let Dermis tell from the columns' }, ...(presets.data?.presets ?? []).map((p) => ({ value: p.id, label: p.name })), { value: 'custom', label: 'Another system (map the columns)' }]}
            value={preset}
            onChange={(v) => setPreset(v ?? 'detect')}
            allowDeselect={false}
          />
          {locations.length > 1 ? <Select label="Location" description="Where appointments are booked and packages held" data={locations.map((l) => ({ value: l.id, label: l.name }))} value={locationId ?? locations[0]!.id} onChange={setLocationId} allowDeselect={false} /> : null}
        </SimpleGrid>
        <Group>
          <FileButton onChange={(f) => void upload(f)} accept=".csv,text/csv,text/plain">
            {(props) => (
              <Button {...props} leftSection={<IconFileImport size={18} aria-hidden />} loading={busy}>
                Choose a CSV file
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            Up to 5,000 rows and 4 MB per file.
          </Text>
        </Group>
        {error ? (
          <Alert color="red" role="alert" title="The file was not uploaded">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}

function History({ items, onOpen }: { items: CsvImport[]; onOpen: (id: string) => void }) {
  return (
    <ScrollTable label="Imports" minWidth={720}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Uploaded</Table.Th>
            <Table.Th>File</Table.Th>
            <Table.Th>Holds</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Rows</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{shortDateTime(i.createdAt)}</Table.Td>
              <Table.Td>
                {i.fileName}
                <Text size="xs" c="dimmed">
                  {i.presetName}
                </Text>
              </Table.Td>
              <Table.Td>{KIND_LABEL[i.kind]}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[i.status]} miw="max-content">
                  {STATUS_LABEL[i.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                {i.status === 'uploaded' ? i.totalRows : `${i.counts.created} imported, ${i.counts.existing} already there, ${i.counts.conflicts} conflicts, ${i.counts.errors} to fix`}
              </Table.Td>
              <Table.Td>{i.createdBy ?? '—'}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => onOpen(i.id)} aria-label={`Open the import of ${i.fileName}`}>
                  Open
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function ImportPage() {
  const [params, setParams] = useSearchParams();
  const current = params.get('id');
  const list = useGet('/api/imports', {});
  const { reload } = list;
  usePollWhile(list.data?.running ?? false, reload, 2000);
  const open = useCallback((id: string | null) => setParams(id ? { id } : {}), [setParams]);
  return (
    <Page title="Import" lead="Bring your clients, appointment history, package balances and notes from the system you use today.">
      {current ? (
        <Stack>
          <Group>
            <Button variant="subtle" onClick={() => open(null)}>
              ← All imports
            </Button>
          </Group>
          <ImportDetail key={current} importId={current} onChanged={reload} />
        </Stack>
      ) : (
        <Stack>
          <UploadCard onUploaded={(id) => open(id)} />
          <Title order={2} size="h4">
            History
          </Title>
          {list.loading && !list.data ? <Loading label="Loading imports" /> : list.error || !list.data ? <ErrorAlert error={list.error} /> : list.data.items.length ? <History items={list.data.items} onOpen={open} /> : <Empty title="No imports yet">Upload a CSV file above to start.</Empty>}
        </Stack>
      )}
    </Page>
  );
}
