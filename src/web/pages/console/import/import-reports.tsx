// The tables of an import: the preview of the file, the dry run's rows (new, already there, or what
// to fix), and after the run the conflict report and the errors, all in plain sentences.
import { Badge, Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { ScrollTable } from '../../../components/billing/scroll-table.js';
import { ErrorAlert, Loading } from '../../../components/states.js';

export type CsvImport = Schemas['CsvImport'];
export type DryRunAnswer = Schemas['CsvImportDryRun'];

export function PreviewTable({ headers, rows }: { headers: string[]; rows: string[][] }) {
  if (!rows.length) return null;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h5">
          The first rows of the file
        </Title>
        <ScrollTable label="The first rows of the file" minWidth={Math.max(480, headers.length * 120)}>
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                {headers.map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{i + 2}</Table.Td>
                  {headers.map((h, j) => (
                    <Table.Td key={h}>{r[j] ?? ''}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Stack>
    </Card>
  );
}

const DRY_COLOR = { new: 'teal', existing: 'gray', error: 'red' } as const;
const DRY_LABEL = { new: 'New', existing: 'Already there', error: 'To fix' } as const;

export function DryRunResult({ result }: { result: DryRunAnswer }) {
  const [show, setShow] = useState<'problems' | 'all'>(result.counts.errors > 0 ? 'problems' : 'all');
  const rows = show === 'problems' ? result.rows.filter((r) => r.outcome === 'error') : result.rows;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5">
            Dry run: nothing was written
          </Title>
          <Group gap="xs" aria-label="Dry run counts">
            <Badge color="teal">{result.counts.new} new</Badge>
            <Badge color="gray">{result.counts.existing} already there</Badge>
            <Badge color={result.counts.errors ? 'red' : 'gray'}>{result.counts.errors} to fix</Badge>
          </Group>
        </Group>
        {result.counts.errors ? (
          <Text size="sm">Rows to fix are skipped when the import runs. Correct them in the file and upload it again to bring them in; rows already imported are not imported twice.</Text>
        ) : null}
        <SegmentedControl
          size="xs"
          value={show}
          onChange={(v) => setShow(v)}
          data={[
            { value: 'problems', label: `Rows to fix (${result.counts.errors})` },
            { value: 'all', label: `Every row (${result.rows.length})` },
          ]}
          aria-label="Rows shown"
        />
        {rows.length ? (
          <ScrollTable label="Dry run rows" minWidth={520}>
            <Table striped verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                  <Table.Th>What to do</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, 500).map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>
                      <Badge color={DRY_COLOR[r.outcome]} miw="max-content">
                        {DRY_LABEL[r.outcome]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{r.messages.length ? r.messages.map((m) => <Text key={m} size="sm">{m}</Text>) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : (
          <Text size="sm" c="dimmed">
            No row needs fixing.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The run's rows of one outcome: the conflict report, or the errors. */
export function OutcomeRows({ importId, outcome, title, empty }: { importId: string; outcome: 'conflict' | 'error'; title: string; empty: string }) {
  const rows = useGet('/api/imports/{importId}/rows', { params: { path: { importId }, query: { outcome, limit: 500, offset: 0 } } });
  if (rows.loading && !rows.data) return <Loading label={`Loading ${title.toLowerCase()}`} />;
  if (rows.error || !rows.data) return <ErrorAlert error={rows.error} />;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title} ({rows.data.total})
        </Title>
        {rows.data.items.length ? (
          <ScrollTable label={title} minWidth={480}>
            <Table striped verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  <Table.Th>What happened</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.data.items.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.message ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
