import { Alert, Button, Card, MultiSelect, NumberInput, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError, call, errorText, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { useSession } from '../../../auth/session.js';
import { ErrorAlert, Loading } from '../../../components/states.js';

type Settings = Schemas['ClinicalSettings'];
type LicenceType = Settings['reviewerLicenceTypes'][number];

// Label, rule and unit of each configurable window (reference section 2C, spec "Default rules").
const WINDOWS: [keyof Schemas['ScreeningSettings'], string, string][] = [
  ['isotretinoinMonths', 'DEF-1 After oral isotretinoin', 'months'],
  ['tanningDays', 'DEF-6 After tanning', 'days'],
  ['selfTannerDays', 'DEF-6 After self-tanner', 'days'],
  ['topicalRetinoidDays', 'DEF-8 After retinoids or acids', 'days'],
  ['deepPeelMonths', 'DEF-9 After a deep peel or dermabrasion', 'months'],
  ['nonAblativeLaserDays', 'DEF-10 After non-ablative laser', 'days'],
  ['ablativeLaserWeeks', 'DEF-11 After ablative laser', 'weeks'],
  ['facialSurgeryMonths', 'DEF-12 After facial surgery', 'months'],
  ['neurotoxinDays', 'DEF-13 After neurotoxin', 'days'],
  ['fillerDays', 'DEF-14 After dermal filler', 'days'],
  ['radiationMonths', 'DEF-16 After radiation therapy', 'months'],
  ['microneedlingIntervalDays', 'INT-1 Between sessions (never below 14)', 'days'],
  ['resultValidityDays', 'A screening stays valid after its plan date', 'days'],
];
const LICENCES: LicenceType[] = ['md', 'do', 'np', 'pa', 'rn', 'lvn', 'esthetician', 'master_esthetician'];
const isLicence = (l: string): l is LicenceType => LICENCES.some((x) => x === l);

export function ClinicalTab() {
  const { me } = useSession();
  const view = useGet('/api/clinical-settings', {});
  const [draft, setDraft] = useState<Settings | null>(null);
  const [reason, setReason] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (view.data) setDraft(structuredClone(view.data.settings));
  }, [view.data]);
  if (view.loading && !view.data) return <Loading label="Loading clinical settings" />;
  if (view.error || !view.data || !draft) return <ErrorAlert error={view.error} />;
  const canEdit = me?.role === 'medical_director';

  const baseVersion = view.data.version;
  const save = async () => {
    try {
      const r = await call(http.PUT('/api/clinical-settings', { body: { settings: draft, reason, baseVersion } }));
      setMsg({ ok: true, text: `Saved as version ${r.version}. New screenings use it; earlier results keep the values they used.` });
      setReason('');
      setFieldErrors({});
      view.reload();
    } catch (e) {
      if (e instanceof ApiError) setFieldErrors(e.fieldErrors());
      setMsg({ ok: false, text: errorText(e) });
    }
  };

  return (
    <Stack>
      <Text c="dimmed">
        Screening windows in force (version {view.data.version}{view.data.version === 0 ? ', the protocol defaults' : ''}).{' '}
        {canEdit ? 'Only the medical director can change them.' : 'Only the medical director can change them.'}
      </Text>
      {msg ? <Alert color={msg.ok ? 'teal' : 'red'}>{msg.text}</Alert> : null}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {WINDOWS.map(([key, label, unit]) => (
            <NumberInput
              key={key}
              label={label}
              suffix={` ${unit}`}
              value={draft.screening[key]}
              disabled={!canEdit}
              error={fieldErrors[`settings.screening.${key}`]}
              allowDecimal={false}
              onChange={(v) => setDraft({ ...draft, screening: { ...draft.screening, [key]: typeof v === 'number' ? v : Number(v) } })}
            />
          ))}
        </SimpleGrid>
        <MultiSelect
          mt="md"
          label="Licence types that may sign clinician reviews (besides the medical director)"
          data={LICENCES.map((l) => ({ value: l, label: l.toUpperCase().replace('_', ' ') }))}
          value={draft.reviewerLicenceTypes}
          disabled={!canEdit}
          onChange={(v) => setDraft({ ...draft, reviewerLicenceTypes: v.filter(isLicence) })}
        />
        {canEdit ? (
          <Stack mt="md">
            <Textarea label="Reason for the change" description="Kept in the settings history and the audit trail." value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldErrors.reason} />
            <Button onClick={() => void save()} disabled={reason.trim().length < 3}>
              Save as a new version
            </Button>
          </Stack>
        ) : null}
      </Card>
      <Title order={2} size="h5">
        History
      </Title>
      {view.data.history.length === 0 ? (
        <Text c="dimmed">No changes yet: the protocol pack defaults are in force.</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.data.history.map((h) => (
              <Table.Tr key={h.version}>
                <Table.Td>{h.version}</Table.Td>
                <Table.Td>{new Date(h.changedAt).toLocaleString()}</Table.Td>
                <Table.Td>{h.changedBy ?? '—'}</Table.Td>
                <Table.Td>{h.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
