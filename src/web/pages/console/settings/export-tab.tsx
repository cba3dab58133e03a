// Settings > Export, for the owner: the clinic's full export (docs/export.md), free and complete so a
// clinic is never locked in. Start one, watch its progress (the list is read again every second
// while it runs), then download it; archives are deleted after 7 days.
import { Alert, Badge, Button, Card, Group, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { call, errorText, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { shortDateTime } from '../../../api/dates.js';
import { fileSize } from '../../../api/backup-types.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';
import { ScrollTable } from '../../../components/billing/scroll-table.js';
import { usePollWhile } from '../../../components/use-poll.js';

type DataExport = Schemas['DataExport'];

const STATUS_COLOR = { running: 'blue', ready: 'teal', failed: 'red', expired: 'gray' } as const;
const STATUS_LABEL = { running: 'Running', ready: 'Ready', failed: 'Failed', expired: 'Expired' } as const;

function Contents() {
  return (
    <Card withBorder>
      <Stack gap={6}>
        <Title order={2} size="h5">
          What the export holds
        </Title>
        <Text size="sm">Everything your clinic keeps in Dermis, in open formats any system can read. It is free, and you can make one whenever you like.</Text>
        <List size="sm" spacing={2}>
          <List.Item>Clients, appointments, screenings, consents, charts, photos, outcomes, invoices and payments as FHIR R4 (one NDJSON file per resource type, as in FHIR Bulk Data).</List.Item>
          <List.Item>One CSV file per table, the rows as Dermis stores them.</List.Item>
          <List.Item>The signed consent documents as PDFs and the clinical photos as taken.</List.Item>
          <List.Item>A manifest with the count of every file and its SHA-256 checksum.</List.Item>
        </List>
        <Text size="sm" c="dimmed">
          Sign-in secrets, unsent messages and unfinished questionnaires are left out. The download is one .tar.gz file, kept for 7 days; docs/export.md describes the layout.
        </Text>
      </Stack>
    </Card>
  );
}

function Running({ item }: { item: DataExport }) {
  const { done, total, step } = item.progress;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <Card withBorder>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          Exporting… {step ? `(${step})` : ''}
        </Text>
        <Progress value={percent} animated aria-label="Export progress" />
        <Text size="xs" c="dimmed">
          {total > 0 ? `${done} of ${total} steps` : 'Getting started'} · you may leave this page: the export keeps running and appears below when it is ready.
        </Text>
      </Stack>
    </Card>
  );
}

function History({ items }: { items: DataExport[] }) {
  return (
    <ScrollTable label="Exports" minWidth={620}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Started</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th>Kept until</Table.Th>
            <Table.Th>Started by</Table.Th>
            <Table.Th>Download</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{shortDateTime(e.createdAt)}</Table.Td>
              <Table.Td miw={96}>
                <Badge color={STATUS_COLOR[e.status]} style={{ overflow: 'visible' }} miw="max-content">
                  {STATUS_LABEL[e.status]}
                </Badge>
                {e.error ? (
                  <Text size="xs" c="red.8" mt={4}>
                    {e.error}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{e.bytes !== null ? fileSize(e.bytes) : '—'}</Table.Td>
              <Table.Td>{e.status === 'ready' ? shortDateTime(e.expiresAt) : e.status === 'expired' ? 'Deleted' : '—'}</Table.Td>
              <Table.Td>{e.requestedBy ?? 'Owner'}</Table.Td>
              <Table.Td>
                {e.status === 'ready' ? (
                  <Stack gap={2}>
                    <Button component="a" href={`/api/exports/${e.id}/download`} download={e.fileName} size="xs" variant="light" leftSection={<IconDownload size={14} aria-hidden />} aria-label={`Download the export of ${shortDateTime(e.createdAt)}`}>
                      Download
                    </Button>
                    {e.sha256 ? (
                      <Text size="xs" c="dimmed" ff="monospace" title={`SHA-256 ${e.sha256}`}>
                        SHA-256 {e.sha256.slice(0, 12)}…
                      </Text>
                    ) : null}
                  </Stack>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function ExportTab() {
  const list = useGet('/api/exports', {});
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = list.data?.running ?? false;
  const { reload } = list;

  usePollWhile(running, reload, 1000);

  if (list.loading && !list.data) return <Loading label="Loading exports" />;
  if (list.error || !list.data) return <ErrorAlert error={list.error} />;
  const items = list.data.items;
  const current = items.find((e) => e.status === 'running');

  const startExport = async () => {
    setError(null);
    setStarting(true);
    try {
      await call(http.POST('/api/exports'));
      reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setStarting(false);
    }
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={560}>
          Take all of your clinic&apos;s records with you: to keep a copy, to move to another system, or to answer a records request.
        </Text>
        <Button leftSection={<IconFileExport size={18} aria-hidden />} onClick={() => void startExport()} loading={starting} disabled={running}>
          {running ? 'Exporting…' : 'Start export'}
        </Button>
      </Group>
      {error ? (
        <Alert color="red" title="The export did not start" role="alert">
          {error}
        </Alert>
      ) : null}
      {current ? <Running item={current} /> : null}
      <Contents />
      {items.length ? <History items={items} /> : <Empty title="No exports yet">Press Start export: when it is ready, it is listed here to download for 7 days.</Empty>}
    </Stack>
  );
}
