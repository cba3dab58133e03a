import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ExplanationReasons } from '../../components/clinical/explanation-reasons.js';
import { call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { Page } from '../../components/page.js';
import { ErrorAlert, Loading } from '../../components/states.js';
import { AREA_LABEL, DECISION_COLOR, DECISION_LABEL, MODALITY_LABEL } from '../../components/clinical/labels.js';
import { PlanPicker, type PlanInput } from '../../components/clinical/plan-picker.js';
import { CONSENT_KIND, PLAN_STATUS } from '../../api/clinical-types.js';
import { isArea } from '../questionnaire/answers.js';
import { AftercareCard } from './aftercare-card.js';
import { SatisfactionCard } from './satisfaction-card.js';
import { ReviewCard } from './review-card.js';
import { BillingCard } from './billing-card.js';
import { MembershipSection } from './membership-section.js';

/** today on the client's own calendar: a check is for now unless they pick a later day */
const localToday = () => new Date().toLocaleDateString('en-CA');

/** a screening as the client sees it (staff get the full record instead) */
export type ClientScreening = Schemas['ClientScreening'];

import { clientViews } from './client-screenings.js';
export { clientViews };

/** A result that can lead to a plan: current, not contraindicated, not declined on review. */
const canPlan = (s: ClientScreening) => s.status === 'current' && s.decision !== 'contraindicated' && s.review?.outcome !== 'declined';

export function ScreeningCard({ s, onPlan, planning }: { s: ClientScreening; onPlan?: (s: ClientScreening) => void; planning?: boolean }) {
  const approved = s.review?.outcome === 'approved';
  return (
    <Card withBorder radius="md">
      <Group gap="xs" mb="xs">
        <Badge size="lg" color={approved ? 'teal' : DECISION_COLOR[s.decision]}>
          {approved ? 'Approved by a clinician' : DECISION_LABEL[s.decision]}
        </Badge>
        {s.status === 'stale' ? <Badge color="gray">Your answers changed since</Badge> : null}
        {s.status === 'expired' ? <Badge color="gray">Expired</Badge> : null}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {MODALITY_LABEL[s.plan.modality]} · {s.plan.areas.map((a) => AREA_LABEL[a] ?? a).join(', ')} · {s.planDate}
      </Text>
      <Text fw={600}>{s.review ? s.review.note : s.explanation.summary}</Text>
      {s.explanation.earliest ? <Text mt={4}>{s.explanation.earliest}</Text> : null}
      <ExplanationReasons explanation={s.explanation} mt="sm" />
      {onPlan && canPlan(s) ? (
        <Button mt="md" onClick={() => onPlan(s)} loading={planning ?? false}>
          See my plan and price
        </Button>
      ) : null}
    </Card>
  );
}

function MyPlans({ clientId }: { clientId: string }) {
  const plans = useGet('/api/clients/{clientId}/plans', { params: { path: { clientId } } });
  const live = plans.data?.items.filter((p) => p.status !== 'superseded') ?? [];
  if (!live.length) return null;
  return (
    <Stack>
      <Title order={2} size="h4">
        My plans
      </Title>
      {live.map((p) => (
        <Card key={p.id} withBorder>
          <Group justify="space-between">
            <div>
              <Text fw={600}>
                {MODALITY_LABEL[p.plan.modality]} · {p.plan.sessions} sessions
              </Text>
              <Text size="sm" c="dimmed">
                {p.plan.areas.map((a) => AREA_LABEL[a.area] ?? a.area).join(', ')} · from {p.plan.startDate}
              </Text>
            </div>
            <Badge color={PLAN_STATUS[p.status].color}>{PLAN_STATUS[p.status].label}</Badge>
          </Group>
          <Anchor component={Link} to={`/portal/care/plans/${p.id}`} mt="xs">
            Open plan, price and consent
          </Anchor>
        </Card>
      ))}
    </Stack>
  );
}

function MyConsents({ clientId }: { clientId: string }) {
  const consents = useGet('/api/clients/{clientId}/consents', { params: { path: { clientId } } });
  const [error, setError] = useState<string | null>(null);
  const withdraw = async (id: string) => {
    setError(null);
    try {
      await call(http.POST('/api/consents/{consentId}/withdraw', { params: { path: { consentId: id } } }));
      consents.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const marketing = consents.data?.items.find((c) => c.kind === 'photo_marketing' && c.status === 'current');
  return (
    <Stack>
      <Title order={2} size="h4">
        My consents
      </Title>
      {error ? <Alert color="red">{error}</Alert> : null}
      {consents.data?.items.map((c) => (
        <Card key={c.id} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text fw={600}>{CONSENT_KIND[c.kind]}</Text>
              <Text size="sm" c="dimmed">
                Signed {new Date(c.signedAt).toLocaleDateString()}
                {c.withdrawnAt ? ` · withdrawn ${new Date(c.withdrawnAt).toLocaleDateString()}` : ''}
              </Text>
            </div>
            <Group gap="xs">
              <Badge color={c.status === 'current' ? 'teal' : 'gray'}>{c.status}</Badge>
              <Button component="a" size="xs" variant="default" href={`/api/consents/${c.id}/pdf`} download>
                PDF
              </Button>
              {c.kind === 'photo_marketing' && c.status === 'current' ? (
                <Button size="xs" color="red" variant="light" onClick={() => void withdraw(c.id)}>
                  Withdraw
                </Button>
              ) : null}
            </Group>
          </Group>
        </Card>
      ))}
      <Group>
        <Button component={Link} to="/portal/care/consent?kind=photo_clinical" variant="default" size="sm">
          Consent to photos for my record
        </Button>
        {!marketing ? (
          <Button component={Link} to="/portal/care/consent?kind=photo_marketing" variant="subtle" size="sm">
            Optional: photos for marketing
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

export function MyCarePage() {
  const { me } = useSession();
  const clientId = me?.clientId ?? '';
  const [params] = useSearchParams();
  const intake = useGet('/api/clients/{clientId}/intake', { params: { path: { clientId } } });
  const screenings = useGet('/api/clients/{clientId}/screenings', { params: { path: { clientId } } });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [planning, setPlanning] = useState<string | null>(null);
  const navigate = useNavigate();
  const noIntake = intake.data === null;
  const results = clientViews(screenings.data?.items ?? []);

  const check = async (plan: PlanInput) => {
    setBusy(true);
    setError(null);
    try {
      await call(http.POST('/api/clients/{clientId}/screenings', { params: { path: { clientId } }, body: { plan: { modality: plan.modality, areas: plan.areas.filter(isArea), date: plan.date } } }));
      screenings.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const plan = async (s: ClientScreening) => {
    setPlanning(s.id);
    setError(null);
    try {
      const p = await call(http.POST('/api/clients/{clientId}/plans', { params: { path: { clientId } }, body: { screeningId: s.id } }));
      void navigate(`/portal/care/plans/${p.id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPlanning(null);
    }
  };

  return (
    <Page title="My care" lead="Your eligibility, plan and consent for microneedling.">
      {clientId ? <AftercareCard clientId={clientId} /> : null}
      {clientId ? <SatisfactionCard clientId={clientId} /> : null}
      {clientId ? <ReviewCard clientId={clientId} /> : null}
      {params.get('answered') ? <Alert color="teal">Thank you. Your answers are saved.</Alert> : null}
      {intake.loading ? <Loading label="Loading your answers" /> : null}
      {intake.error ? <ErrorAlert error={intake.error} title="Could not load your answers" /> : null}
      {noIntake ? (
        <Card withBorder>
          <Title order={2} size="h4">
            Start with the health questionnaire
          </Title>
          <Text c="dimmed" mb="md">
            It takes about five minutes and saves as you go.
          </Text>
          <Button component={Link} to="/portal/care/questionnaire">
            Start questionnaire
          </Button>
        </Card>
      ) : null}
      {intake.data ? (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {results.length ? 'Check another type or area' : 'Check my eligibility'}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Based on your answers of {intake.data.answeredOn}.{' '}
            <Link to="/portal/care/questionnaire">Update my answers</Link>
          </Text>
          <PlanPicker onSubmit={(p) => void check(p)} busy={busy} initialDate={localToday()} />
          {error ? <Alert color="red" mt="sm">{error}</Alert> : null}
        </Card>
      ) : null}
      {screenings.error && !noIntake ? <ErrorAlert error={screenings.error} /> : null}
      {results.length ? (
        <Stack>
          <Title order={2} size="h4">
            My results
          </Title>
          {results.map((s) => (
            <ScreeningCard key={s.id} s={s} onPlan={(x) => void plan(x)} planning={planning === s.id} />
          ))}
        </Stack>
      ) : null}
      {clientId ? <MyPlans clientId={clientId} /> : null}
      {clientId && intake.data ? <MyConsents clientId={clientId} /> : null}
      {clientId ? <MembershipSection clientId={clientId} /> : null}
      {clientId ? <BillingCard clientId={clientId} /> : null}
    </Page>
  );
}
