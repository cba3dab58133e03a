import { Alert, Card, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { ApiError, errorText } from '../../../../api/client.js';
import { splitErrors } from '../../../../components/form-errors.js';
import type { Weekly, DayKey, LocationSchedule, Buffers, Outcome, LicenceType, Modality } from './types.js';

// Constants, formatting and the submit/section scaffolding every scheduling card uses.
export const DAYS: { key: DayKey; name: string; short: string }[] = [
  { key: 1, name: 'Monday', short: 'Mon' },
  { key: 2, name: 'Tuesday', short: 'Tue' },
  { key: 3, name: 'Wednesday', short: 'Wed' },
  { key: 4, name: 'Thursday', short: 'Thu' },
  { key: 5, name: 'Friday', short: 'Fri' },
  { key: 6, name: 'Saturday', short: 'Sat' },
  { key: 7, name: 'Sunday', short: 'Sun' },
];

const GRIDS = [5, 10, 15, 20, 30, 60] as const;
export const GRID_OPTIONS = GRIDS.map(String);
/** a slot grid the API accepts (the schedule it answers with types it as any number) */
export const isGrid = (n: number): n is (typeof GRIDS)[number] => GRIDS.some((g) => g === n);
export const LICENCES: readonly LicenceType[] = ['md', 'do', 'np', 'pa', 'rn', 'lvn', 'esthetician', 'master_esthetician'];
export const MODALITIES: readonly Modality[] = ['roller', 'pen', 'rf'];
export const isModality = (v: string | null): v is Modality => MODALITIES.some((m) => m === v);
export const isLicence = (v: string | null): v is LicenceType => LICENCES.some((l) => l === v);
export const MODALITY_LABEL: Record<string, string> = {
  roller: 'Roller',
  pen: 'Pen',
  rf: 'RF microneedling',
};
export const OUTCOMES: { value: Outcome; label: string; color: string }[] = [
  { value: 'allowed', label: 'Allowed', color: 'teal' },
  { value: 'supervised', label: 'Supervised', color: 'yellow' },
  { value: 'not_allowed', label: 'Not allowed', color: 'red' },
];

const NINE_TO_FIVE = () => [{ start: '09:00', end: '17:00' }];
export const DEFAULT_SCHEDULE: LocationSchedule = {
  weekly: { 1: NINE_TO_FIVE(), 2: NINE_TO_FIVE(), 3: NINE_TO_FIVE(), 4: NINE_TO_FIVE(), 5: NINE_TO_FIVE() },
  gridMin: 15,
  minNoticeMin: 120,
  horizonDays: 90,
  holdMin: 10,
  lateCancelHours: 24,
};

export const licenceLabel = (l: string) => l.toUpperCase().replace('_', ' ');
export const modalityLabel = (m: string | null) => (m ? (MODALITY_LABEL[m] ?? m) : '—');
export const toNum = (v: number | string): number | null =>
  typeof v === 'number' ? v : v.trim() === '' ? null : Number(v);
export const todayIso = () => {
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
export function weeklyProblems(weekly: Weekly, prefix = 'weekly'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of DAYS) {
    (weekly[d.key] ?? []).forEach((r, i) => {
      if (!r.start || !r.end) out[`${prefix}.${d.key}.${i}.end`] = 'Enter both times';
      else if (r.end <= r.start) out[`${prefix}.${d.key}.${i}.end`] = 'Closes before it opens';
    });
  }
  return out;
}

export function buffersSummary(b: Buffers): string {
  const parts: string[] = [];
  for (const res of ['provider', 'room', 'device'] as const) {
    const before = b[`${res}Before`];
    const after = b[`${res}After`];
    if (before > 0) parts.push(`${res} +${before} min before`);
    if (after > 0) parts.push(`${res} +${after} min after`);
  }
  return parts.length ? parts.join(', ') : 'None';
}

/**
 * Submit state for one form: busy flag, field errors and a general error message. `shown` names the
 * fields the form shows a message under (paths as credentials.0.expiresOn), so the general message
 * does not repeat them.
 */
export function useSubmit(shown: (path: string) => boolean = () => false) {
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
      const fields = e instanceof ApiError ? e.fields.map((f) => ({ ...f, path: f.path.replace(/\[(\d+)\]/g, '.$1') })) : [];
      setFields(Object.fromEntries(fields.map((f) => [f.path, f.message])));
      setError(e instanceof ApiError ? splitErrors(new ApiError(e.status, e.message, fields), fields.map((f) => f.path).filter(shown)).message : errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, fields, run };
}

export function FormError({ error }: { error: string | null }) {
  return error ? (
    <Alert color="red" role="alert" title="Not saved">
      {error}
    </Alert>
  ) : null;
}

export function Section({
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

/**
 * The striped, scrolling table that the providers, services and scope-of-practice cards share,
 * or, when there are no rows, the sentence that says so.
 */
export function SetupTable({
  heads,
  empty,
  children,
}: {
  heads: string[];
  empty: ReactNode;
  children: ReactNode[];
}) {
  if (children.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            {heads.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
