// The generic pieces of every report: headline figures as stat cards, and each table as an
// accessible table with its own CSV download.
import { Button, Card, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReportJson, ReportTableJson } from './report-types.js';
import { formatCell, summaryKind, summaryLabel } from './report-format.js';

export function StatCards({ summary }: { summary: ReportJson['summary'] }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
      {Object.entries(summary).map(([key, value]) => (
        <Card key={key} withBorder padding="sm">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {summaryLabel(key)}
          </Text>
          <Text size="xl" fw={700}>
            {formatCell(value, summaryKind(key))}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

const numeric = (kind: string | undefined) => kind === 'cents' || kind === 'percent' || kind === 'number';

/** Long tables (a day per row over a month) show their first rows; the chart and the CSV have them all. */
const FIRST_ROWS = 12;

export function ReportTableView({ table, csvHref }: { table: ReportTableJson; csvHref: string }) {
  const [all, setAll] = useState(false);
  const rows = all ? table.rows : table.rows.slice(0, FIRST_ROWS);
  return (
    <Card withBorder padding="sm">
      <Group justify="flex-end" mb="xs">
        <Button component="a" href={csvHref} download variant="light" size="xs" leftSection={<IconDownload size={14} aria-hidden />} aria-label={`Download CSV: ${table.title}`}>
          Download CSV
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={Math.max(320, table.columns.length * 120)}>
        <Table captionSide="top" striped highlightOnHover>
          <Table.Caption>
            <Text component="span" fw={600} c="var(--mantine-color-text)">
              {table.title}
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((c) => (
                <Table.Th key={c.key} scope="col" ta={numeric(c.kind) ? 'right' : 'left'}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={table.columns.length}>
                  <Text size="sm" c="dimmed">
                    Nothing in this period.
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              rows.map((row, i) => (
                <Table.Tr key={i}>
                  {table.columns.map((c) => (
                    <Table.Td key={c.key} ta={numeric(c.kind) ? 'right' : 'left'}>
                      {formatCell(row[c.key] ?? null, c.kind)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {table.rows.length > FIRST_ROWS ? (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll((a) => !a)} aria-label={`${all ? 'Show fewer rows' : `Show all ${table.rows.length} rows`}: ${table.title}`}>
          {all ? 'Show fewer rows' : `Show all ${table.rows.length} rows`}
        </Button>
      ) : null}
    </Card>
  );
}
