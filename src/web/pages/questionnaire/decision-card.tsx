// The end of the questionnaire: the decision for the treatment the client chose, in plain words,
// with the reasons the client view gives and the one next step.
import { Alert, Badge, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ExplanationReasons } from '../../components/clinical/explanation-reasons.js';
import { call, errorText, http, type Schemas } from '../../api/client.js';
import { AREA_LABEL, DECISION_COLOR, MODALITY_LABEL } from '../../components/clinical/labels.js';

type Stored = Schemas['StoredScreening'];
type Decision = Schemas['ClientScreening']['decision'];

const longDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

export function headline(decision: Decision, earliestDate: string | null): string {
  switch (decision) {
    case 'eligible':
      return 'You can go ahead';
    case 'eligible_with_precautions':
      return 'You can go ahead, with a few precautions';
    case 'deferred':
      return earliestDate ? `Not yet: you can be treated from ${longDate(earliestDate)}` : 'Not yet: this treatment needs to wait';
    case 'needs_review':
      return 'A clinician needs to review your answers';
    case 'contraindicated':
      return 'This treatment is not advised for you';
  }
}

/** The decision card; `staff` when a clinician filled in the questionnaire with the client. */
export function DecisionCard({ s, clientId, staff }: { s: Stored; clientId: string; staff: boolean }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decision = s.explanation.decision;
  const earliestDate = 'decision' in s ? s.earliestDate : s.result.earliestDate;
  const seePlan = async () => {
    setBusy(true);
    setError(null);
    try {
      const p = await call(http.POST('/api/clients/{clientId}/plans', { params: { path: { clientId } }, body: { screeningId: s.id } }));
      void navigate(`/portal/care/plans/${p.id}`);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  const go = decision === 'eligible' || decision === 'eligible_with_precautions';
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="decision-title" data-decision={decision}>
      <Stack gap="sm">
        <Badge size="lg" color={DECISION_COLOR[decision]} variant="light">
          Your result
        </Badge>
        <Title order={2} size="h3" id="decision-title">
          {headline(decision, earliestDate)}
        </Title>
        <Text size="sm" c="dimmed">
          {MODALITY_LABEL[s.plan.modality]} · {s.plan.areas.map((a) => AREA_LABEL[a] ?? a).join(', ')} · checked for today
        </Text>
        <Text fw={600}>{s.explanation.summary}</Text>
        {s.explanation.earliest ? <Text>{s.explanation.earliest}</Text> : null}
        <ExplanationReasons explanation={s.explanation} />
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        {staff ? (
          <Button component={Link} to={`/console/clients/${clientId}`}>
            Open the client&apos;s record
          </Button>
        ) : (
          <NextStep decision={decision} go={go} busy={busy} onPlan={() => void seePlan()} />
        )}
      </Stack>
    </Card>
  );
}

function NextStep({ decision, go, busy, onPlan }: { decision: Decision; go: boolean; busy: boolean; onPlan: () => void }) {
  const other = (
    <Button component={Link} to="/portal/care" variant="subtle">
      Check another type or area
    </Button>
  );
  if (go) {
    return (
      <Stack gap="xs">
        <Button component={Link} to="/portal/book" size="md">
          Book a treatment
        </Button>
        <Button variant="default" onClick={onPlan} loading={busy}>
          See my plan and price first
        </Button>
        {other}
      </Stack>
    );
  }
  if (decision === 'needs_review') {
    return (
      <Stack gap="xs">
        <Alert color="yellow" variant="light" title="What happens now">
          We&apos;ll email you when a clinician has reviewed your answers. You do not need to do anything until then.
        </Alert>
        <Button component={Link} to="/portal/book" variant="default">
          Book a consultation to talk it through
        </Button>
        {other}
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm">{decision === 'deferred' ? 'You can already book a treatment from that date, and a consultation in the meantime.' : 'A clinician can talk you through other options that suit your skin.'}</Text>
      <Button component={Link} to="/portal/book" size="md">
        {decision === 'deferred' ? 'Book a treatment or a consultation' : 'Book a consultation'}
      </Button>
      {other}
    </Stack>
  );
}
