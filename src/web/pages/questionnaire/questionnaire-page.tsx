import { Alert, Button, Card, Checkbox, Group, List, Progress, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { summarize } from '../../../domain/shared/messages.js';
import { humanDate } from '../../../domain/shared/human-date.js';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, call, errorText, http, type Schemas } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { Loading } from '../../components/states.js';
import { AREA_LABEL } from '../../components/clinical/labels.js';
import { CONCERNS, FITZPATRICK, MODALITY_CHOICES, STEPS, type Item } from './questions.js';
import { asAnswers, emptyAnswers, fromIntake, itemKey, planOf, stepProblems, toIntake, type Answers } from './answers.js';
import { ItemField } from './item-field.js';
import { TreatmentField } from './treatment-field.js';
import { DecisionCard } from './decision-card.js';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The health questionnaire: the client on their phone, or staff filling it in with the client. */
export function QuestionnairePage({ mode }: { mode: 'client' | 'staff' }) {
  const { me } = useSession();
  const params = useParams();
  const clientId = mode === 'client' ? me?.clientId : params.clientId;
  const [answers, setAnswers] = useState<Answers | null>(null);
  const [step, setStep] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // after sending: the clinic's today the answers were recorded for, then the decision
  const [recordedFor, setRecordedFor] = useState<string | null>(null);
  const [result, setResult] = useState<Schemas['StoredScreening'] | null>(null);

  // Resume a saved draft, else start from the last intake, else from the client's date of birth.
  useEffect(() => {
    if (!clientId) return;
    void (async () => {
      const path = { clientId };
      const draft = await call(http.GET('/api/clients/{clientId}/intake/draft', { params: { path } })).catch(() => null);
      const saved = draft ? asAnswers(draft.data.answers) : null;
      if (draft && saved) {
        setAnswers(saved);
        setStep(Math.min(draft.step, STEPS.length - 1));
        return;
      }
      const last = await call(http.GET('/api/clients/{clientId}/intake', { params: { path } })).catch(() => null);
      if (last) return setAnswers(fromIntake(last.intake));
      const client = await call(http.GET('/api/clients/{clientId}', { params: { path } })).catch(() => null);
      setAnswers(emptyAnswers(client?.dateOfBirth ?? ''));
    })();
  }, [clientId]);

  if (!clientId || !answers) return <Loading label="Opening your questionnaire" />;
  if (result) {
    return (
      <Stack gap="md" maw={720} mx="auto" py="md">
        <Title order={1} size="h2">
          Thank you, your answers are saved
        </Title>
        <DecisionCard s={result} clientId={clientId} staff={mode === 'staff'} />
      </Stack>
    );
  }
  const s = STEPS[step]!;
  const update = (patch: Partial<Answers>) => setAnswers({ ...answers, ...patch });

  const go = async (to: number) => {
    const p = to > step ? stepProblems(s.id, answers, today()) : [];
    setProblems(p);
    if (p.length) return;
    try {
      const r = await call(http.PUT('/api/clients/{clientId}/intake/draft', { params: { path: { clientId } }, body: { data: { answers }, step: to } }));
      setSaved(`Progress saved at ${new Date(r.savedAt).toLocaleTimeString()}`);
      setError(null);
    } catch (e) {
      setError(`Your progress could not be saved: ${errorText(e)}`);
    }
    setStep(to);
    window.scrollTo({ top: 0 });
  };

  // record the answers, then screen the chosen treatment for the clinic's today: one decision at the end
  const submit = async () => {
    setSending(true);
    setError(null);
    let day = recordedFor;
    try {
      if (!day) {
        const r = await call(http.POST('/api/clients/{clientId}/intake', { params: { path: { clientId }, query: mode === 'staff' ? { source: 'staff' } : {} }, body: toIntake(answers, today()) }));
        day = r.today;
        setRecordedFor(day);
      }
      setResult(await call(http.POST('/api/clients/{clientId}/screenings', { params: { path: { clientId } }, body: { plan: { ...planOf(answers), date: day } } })));
      window.scrollTo({ top: 0 });
    } catch (e) {
      const why = e instanceof ApiError && e.fields.length ? `Please check your answers: ${summarize(e.fields.map((f) => f.message))}` : errorText(e);
      setError(day ? `Your answers are saved, but we could not check your eligibility: ${why} Try again.` : why);
    } finally {
      setSending(false);
    }
  };

  const checked = STEPS.flatMap((x) => x.items ?? []).filter((i) => answers.picks[itemKey(i)]?.checked);

  return (
    <Stack gap="md" maw={720} mx="auto" py="md">
      <div>
        <Text size="sm" c="dimmed">
          Health questionnaire · step {step + 1} of {STEPS.length}
        </Text>
        <Progress value={((step + 1) / STEPS.length) * 100} aria-label="Questionnaire progress" mt={4} />
      </div>
      <Title order={1} size="h2">
        {s.title}
      </Title>
      <Alert variant="light" icon={<IconInfoCircle />} title="Why we ask" role="note">
        {s.why}
      </Alert>
      {problems.length ? (
        <Alert color="red" role="alert">
          {problems.join(' ')}
        </Alert>
      ) : null}
      {s.id === 'about' ? (
        <Card withBorder>
          <Stack>
            <TextInput label="Date of birth" type="date" max={today()} value={answers.dateOfBirth} onChange={(e) => update({ dateOfBirth: e.currentTarget.value })} />
            <Select label="How does your skin react to the sun?" description="Your skin type (Fitzpatrick scale). Skip if unsure." data={FITZPATRICK} value={answers.fitzpatrick} onChange={(v) => update({ fitzpatrick: v })} clearable />
            <Checkbox.Group label="What would you like to improve?" value={answers.concerns} onChange={(v) => update({ concerns: v })}>
              <Stack gap={6} mt="xs">
                {CONCERNS.map((c) => (
                  <Checkbox key={c.value} value={c.value} label={c.label} />
                ))}
              </Stack>
            </Checkbox.Group>
          </Stack>
        </Card>
      ) : null}
      {s.id === 'pregnancy' ? (
        <Card withBorder>
          <Stack>
            <Radio.Group label="Are you pregnant, or could you be?" value={answers.pregnant === null ? '' : answers.pregnant ? 'yes' : 'no'} onChange={(v) => update({ pregnant: v === 'yes' })}>
              <Group mt="xs">
                <Radio value="no" label="No" />
                <Radio value="yes" label="Yes" />
              </Group>
            </Radio.Group>
            <Radio.Group label="Are you breastfeeding?" value={answers.breastfeeding === null ? '' : answers.breastfeeding ? 'yes' : 'no'} onChange={(v) => update({ breastfeeding: v === 'yes' })}>
              <Group mt="xs">
                <Radio value="no" label="No" />
                <Radio value="yes" label="Yes" />
              </Group>
            </Radio.Group>
          </Stack>
        </Card>
      ) : null}
      {s.items ? (
        <Stack gap="xs">
          <Text fw={600}>Tick everything that applies to you. Leave the rest.</Text>
          {s.items.map((item) => (
            <ItemField key={itemKey(item)} item={item} today={today()} pick={answers.picks[itemKey(item)]} onChange={(p) => update({ picks: { ...answers.picks, [itemKey(item)]: p } })} />
          ))}
        </Stack>
      ) : null}
      {s.id === 'treatment' ? <TreatmentField value={answers.treatment} onChange={(treatment) => update({ treatment })} /> : null}
      {s.id === 'review' ? (
        <Card withBorder>
          <Text>Date of birth: {answers.dateOfBirth ? humanDate(answers.dateOfBirth) : ''}</Text>
          <Text>Pregnant: {answers.pregnant ? 'yes' : 'no'} · Breastfeeding: {answers.breastfeeding ? 'yes' : 'no'}</Text>
          <Text mt="sm" fw={600}>
            You told us about:
          </Text>
          {checked.length ? <List size="sm">{checked.map((i) => <List.Item key={itemKey(i)}>{i.label}{medicineNote(answers, i)}</List.Item>)}</List> : <Text size="sm">Nothing else.</Text>}
          <Text mt="sm" fw={600}>
            Your treatment
          </Text>
          <Text size="sm">
            {MODALITY_CHOICES.find((m) => m.value === answers.treatment.modality)?.label ?? 'Not chosen'} · {answers.treatment.areas.map((a) => AREA_LABEL[a] ?? a).join(', ') || 'no areas chosen'}
          </Text>
          <Text size="sm" c="dimmed" mt="xs">
            When you send, we check your eligibility for this treatment today and show you the result straight away.
          </Text>
        </Card>
      ) : null}
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" onClick={() => void go(step - 1)} disabled={step === 0}>
          Back
        </Button>
        {step < STEPS.length - 1 ? (
          <Button onClick={() => void go(step + 1)}>Next</Button>
        ) : (
          <Button onClick={() => void submit()} loading={sending}>
            {recordedFor ? 'Check my eligibility again' : 'Send my answers'}
          </Button>
        )}
      </Group>
      {saved ? (
        <Text size="xs" c="dimmed" ta="center" aria-live="polite">
          {saved}
        </Text>
      ) : null}
    </Stack>
  );
}

/** ", still taken" or ", stopped (last dose 2026-10-01)" after a medicine in the summary */
function medicineNote(a: Answers, item: Item): string {
  const p = a.picks[itemKey(item)];
  if (item.date !== 'lastDose' || !p) return '';
  return p.current ? ': still taken' : `: stopped, last dose ${p.date}`;
}
