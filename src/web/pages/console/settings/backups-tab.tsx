// Settings > Backups, for the owner: is the clinic backed up, when was the last good backup, when is
// the next, and "Back up now". While a backup runs the list is read again every two seconds, so the
// owner sees it finish (or why it failed) without reloading.
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseExport } from '@tabler/icons-react';
import { useState } from 'react';
import { call, errorText, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { shortDateTime } from '../../../api/dates.js';
import { fileSize } from '../../../api/backup-types.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';
import { ScrollTable } from '../../../components/billing/scroll-table.js';
import { usePollWhile } from '../../../components/use-poll.js';

const RUNBOOK = 'docs/runbooks/backup-and-restore.md';
const STATUS_COLOR = { running: 'blue', succeeded: 'teal', failed: 'red' } as const;
const STATUS_LABEL = { running: 'Running', succeeded: 'Done', failed: 'Failed' } as const;

type BackupRun = Schemas['BackupRun'];
type BackupOverview = Schemas['BackupOverview'];
/** the schedule is there whenever this server makes the backups itself */
type BackupSchedule = NonNullable<BackupOverview['schedule']>;

function StatusBadge({ run }: { run: BackupRun }) {
  // never shortened to an ellipsis in a narrow column: the status is the point of the row
  return (
    <Badge color={STATUS_COLOR[run.status]} style={{ overflow: 'visible' }} miw="max-content">
      {STATUS_LABEL[run.status]}
    </Badge>
  );
}

function Summary({ data, schedule: s }: { data: BackupOverview; schedule: BackupSchedule }) {
  const last = data.lastSuccess;
  return (
    <Card withBorder>
      <Stack gap={4}>
        <Title order={2} size="h5">
          Last successful backup
        </Title>
        {last ? (
          <Text size="sm">
            {shortDateTime(last.finishedAt ?? last.startedAt)} · {fileSize(last.bytes ?? 0)} · {last.secretIncluded ? 'with the secret (sealed)' : 'without the secret'}
          </Text>
        ) : (
          <Text size="sm" c="orange.8" fw={600}>
            None yet: press Back up now.
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {s.everyHours > 0 ? `Every ${s.everyHours} hours${data.nextRunAt ? `, next ${shortDateTime(data.nextRunAt)}` : ''}` : 'No schedule (DERMIS_BACKUP_EVERY_HOURS is 0)'} · the newest {s.keep} are kept · saved in{' '}
          <Text span ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
            {s.directory}
          </Text>
        </Text>
      </Stack>
    </Card>
  );
}

function History({ items }: { items: BackupRun[] }) {
  return (
    <ScrollTable label="Backups" minWidth={620}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Started</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th>Secret</Table.Th>
            <Table.Th>Made by</Table.Th>
            <Table.Th>File</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{shortDateTime(r.startedAt)}</Table.Td>
              <Table.Td miw={96}>
                <StatusBadge run={r} />
                {r.error ? (
                  <Text size="xs" c="red.8" mt={4}>
                    {r.error}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{r.bytes !== null ? fileSize(r.bytes) : '—'}</Table.Td>
              <Table.Td>{r.status === 'succeeded' ? (r.secretIncluded ? 'Sealed' : 'Left out') : '—'}</Table.Td>
              <Table.Td>{r.trigger === 'schedule' ? 'Schedule' : (r.requestedBy ?? 'Owner')}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" td={r.removed ? 'line-through' : undefined}>
                  {r.fileName}
                </Text>
                {r.removed ? (
                  <Text size="xs" c="dimmed">
                    deleted (older than the newest kept)
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function BackupsTab() {
  const list = useGet('/api/backups', {});
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = list.data?.running ?? false;
  const { reload } = list;

  usePollWhile(running, reload, 2000);

  if (list.loading && !list.data) return <Loading label="Loading backups" />;
  if (list.error || !list.data) return <ErrorAlert error={list.error} />;
  const data = list.data;
  const schedule = data.schedule;

  if (data.managedBy === 'postgres') {
    return (
      <Alert color="blue" title="Backups are the database server's job">
        This server keeps its data in PostgreSQL. Back it up with pg_dump, and copy the uploads folder (the clinical photos) and the secret beside each dump. The runbook ({RUNBOOK}) has the commands.
      </Alert>
    );
  }
  if (data.managedBy === 'none' || !schedule) return <Alert color="gray">Backups are not set up on this server.</Alert>;

  const backUpNow = async () => {
    setError(null);
    setStarting(true);
    try {
      await call(http.POST('/api/backups'));
      reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setStarting(false);
    }
  };
  const button = (
    <Button leftSection={<IconDatabaseExport size={18} aria-hidden />} onClick={() => void backUpNow()} loading={starting || running} disabled={running}>
      {running ? 'Backing up…' : 'Back up now'}
    </Button>
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={560}>
          A backup holds the database, the clinical photos and, when a passphrase is set, the secret that protects staff two-factor sign-in. Restore one with <Text span ff="monospace" size="sm">dermis restore</Text> (see {RUNBOOK}).
        </Text>
        {button}
      </Group>
      {error ? (
        <Alert color="red" title="The backup did not start" role="alert">
          {error}
        </Alert>
      ) : null}
      {!schedule.secretIncluded ? (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title="Backups leave out the secret">
          No backup passphrase is set (DERMIS_BACKUP_PASSPHRASE), so the secret stays out of backups. Keep a copy of DERMIS_DATA_DIR/secret somewhere safe, apart from the backups: without it, staff who use two-factor sign-in cannot sign in after a restore.
        </Alert>
      ) : null}
      <Summary data={data} schedule={schedule} />
      {data.items.length ? <History items={data.items} /> : <Empty title="No backups yet">Backups made by the schedule or with Back up now are listed here, with their result.</Empty>}
    </Stack>
  );
}
