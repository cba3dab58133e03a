// The portal's symptom report: what the client notices, how bad each is and when it began, a
// temperature if taken and a photo; the answer is the triage engine's (docs/triage.md): the
// urgency, what to do now and each finding in plain words with its rule id.
import { Alert, Button, Checkbox, FileInput, Group, List, NativeSelect, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { call, errorText, http, uploadImage, type Schemas } from '../../api/client.js';

type Severity = 'mild' | 'moderate' | 'severe';
type Journey = Schemas['AftercareJourney'];
type SymptomChoice = Schemas['Aftercare']['symptoms'][number];
type Report = Schemas['SymptomReport'];

const SEVERITY: { value: Severity; label: string }[] = [
  { value: 'mild', label: 'Mild' },
  { value: 'moderate', label: 'Moderate' },
  { value: 'severe', label: 'Severe' },
];

const daysSince = (treatedAt: string) => Math.max(0, Math.floor((Date.now() - Date.parse(treatedAt)) / 86_400_000));
const dayLabel = (d: number, today: number) => `${d === 0 ? 'The day of treatment' : `Day ${d} after treatment`}${d === today ? ' (today)' : ''}`;

interface Props {
  clientId: string;
  journey: Journey;
  symptoms: SymptomChoice[];
  /** the scheduled check-in this report answers, if one is due */
  checkIn: { id: string; day: number } | undefined;
  onSent: () => void;
}

export function SymptomReportForm({ clientId, journey, symptoms, checkIn, onSent }: Props) {
  const today = daysSince(journey.treatedAt);
  const [ticked, setTicked] = useState<string[]>([]);
  const [detail, setDetail] = useState<Record<string, { severity: Severity; onsetDays: number }>>({});
  const [temperature, setTemperature] = useState<number | string>('');
  const [unit, setUnit] = useState<'F' | 'C'>('F');
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [result, setResult] = useState<Report | null>(null);

  const of = (code: string) => detail[code] ?? { severity: 'moderate' as Severity, onsetDays: today };
  const set = (code: string, change: Partial<{ severity: Severity; onsetDays: number }>) => setDetail((d) => ({ ...d, [code]: { ...of(code), ...change } }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSending(true);
    setSendError(null);
    setResult(null);
    try {
      const codes = ticked.flatMap((v) => symptoms.filter((s) => s.code === v).map((s) => s.code));
      const body = {
        symptoms: codes.map((code) => ({ code, ...of(code) })),
        ...(typeof temperature === 'number' ? { temperature: { degrees: temperature, unit } } : {}),
        photoAttached: photo !== null,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(checkIn ? { checkInId: checkIn.id } : {}),
      };
      const r = await call(http.POST('/api/aftercare/{journeyId}/reports', { params: { path: { journeyId: journey.id } }, body }));
      setResult(r);
      setTicked([]);
      setDetail({});
      setTemperature('');
      setNote('');
      if (photo) {
        // the report is already with the clinic; the photo follows it, and a failed upload says so
        try {
          await uploadImage(clientId, photo, { view: 'front', stage: 'follow_up', checkInId: r.checkInId });
          setPhoto(null);
        } catch (err) {
          setSendError(`Your answers were sent, but the photo was not: ${errorText(err)}`);
        }
      }
      onSent();
    } catch (err) {
      setSendError(errorText(err));
    } finally {
      setSending(false);
    }
  };

  const group = (warning: boolean) => symptoms.filter((s) => s.warning === warning);
  const days = Array.from({ length: today + 1 }, (_, d) => ({ value: String(d), label: dayLabel(d, today) }));

  return (
    <Stack gap="md">
      <form onSubmit={(e) => void submit(e)} aria-labelledby={`ac-form-${journey.id}`}>
        <Stack gap="sm">
          <Title order={3} size="h5" id={`ac-form-${journey.id}`}>
            How is your skin?
          </Title>
          {checkIn ? <Text size="sm">Your day {checkIn.day} check-in is due. Sending this form answers it.</Text> : null}
          <Checkbox.Group label="Tick anything you notice" value={ticked} onChange={setTicked}>
            {[false, true].map((warning) => (
              <Stack gap="xs" mt="xs" key={String(warning)}>
                <Text size="sm" fw={600}>
                  {warning ? 'Warning signs' : 'Usual after treatment'}
                </Text>
                {group(warning).map((s) => (
                  <Stack gap={4} key={s.code}>
                    <Checkbox value={s.code} label={s.label} />
                    {ticked.includes(s.code) ? (
                      <Group gap="xs" ml="lg" wrap="wrap">
                        <NativeSelect size="xs" label={`How bad: ${s.label.toLowerCase()}`} data={SEVERITY} value={of(s.code).severity} onChange={(e) => set(s.code, { severity: e.currentTarget.value as Severity })} />
                        <NativeSelect size="xs" label={`Started: ${s.label.toLowerCase()}`} data={days} value={String(of(s.code).onsetDays)} onChange={(e) => set(s.code, { onsetDays: Number(e.currentTarget.value) })} />
                      </Group>
                    ) : null}
                  </Stack>
                ))}
              </Stack>
            ))}
          </Checkbox.Group>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <NumberInput label="Temperature, if you took it" decimalScale={1} min={unit === 'F' ? 86 : 30} max={unit === 'F' ? 113 : 45} value={temperature} onChange={setTemperature} w={200} />
            <NativeSelect label="Unit" data={[{ value: 'F', label: '°F' }, { value: 'C', label: '°C' }]} value={unit} onChange={(e) => setUnit(e.currentTarget.value as 'F' | 'C')} w={90} />
          </Group>
          <Textarea label="Anything else?" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <FileInput
            label="Add a photo (optional)"
            description="A clear photo of the area helps your provider. Location data is removed."
            accept="image/jpeg,image/png,image/webp"
            value={photo}
            onChange={setPhoto}
            clearable
          />
          {sendError ? (
            <Alert color="red" role="alert" icon={<IconAlertTriangle />} title="Could not send">
              {sendError}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={sending} fullWidth>
              Send to my clinic
            </Button>
          </Group>
        </Stack>
      </form>
      {result ? <TriageAnswer triage={result.triage} /> : null}
    </Stack>
  );
}

const LOOK = {
  emergency: { color: 'red', variant: 'filled', title: 'Call 911 now', icon: IconAlertTriangle },
  urgent: { color: 'orange', variant: 'light', title: 'Your clinic has been alerted', icon: IconAlertTriangle },
  routine: { color: 'blue', variant: 'light', title: 'Your clinic will take a look', icon: IconInfoCircle },
  expected: { color: 'teal', variant: 'light', title: 'Thank you', icon: IconCircleCheck },
} as const;

/** What the triage engine answered: what to do now, then each finding in plain words with its rule. */
export function TriageAnswer({ triage }: { triage: Schemas['TriageResult'] }) {
  const look = LOOK[triage.urgency];
  const Icon = look.icon;
  return (
    <Alert color={look.color} variant={look.variant} role={triage.urgency === 'emergency' ? 'alert' : 'status'} title={look.title} icon={<Icon />}>
      <Stack gap="xs">
        <Text size={triage.urgency === 'emergency' ? 'lg' : 'sm'} fw={triage.urgency === 'emergency' ? 700 : undefined}>
          {triage.advice}
        </Text>
        {triage.findings.length ? (
          <List size="sm" spacing={4}>
            {triage.findings.map((f) => (
              <List.Item key={f.ruleId}>
                {f.clientMessage}{' '}
                <Text span size="xs" ff="monospace" c={triage.urgency === 'emergency' ? undefined : 'dimmed'}>
                  ({f.ruleId})
                </Text>
              </List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Alert>
  );
}
