import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError, errorText } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { Page } from '../../components/page.js';
import { ErrorAlert, Loading } from '../../components/states.js';
import { AREA_LABEL, DECISION_COLOR, DECISION_LABEL, MODALITY_LABEL } from '../../components/clinical/labels.js';
import { PlanPicker, type PlanInput } from '../../components/clinical/plan-picker.js';

export interface ClientScreening {
  id: string;
  planDate: string;
  validUntil: string;
  status: string;
  clearsTreatment: boolean;
  decision: string;
  earliestDate: string | null;
  explanation: { summary: string; earliest: string | null; reasons: string[] };
  plan: PlanInput;
  review: { outcome: string; note: string; reviewedAt: string } | null;
}

export function ScreeningCard({ s }: { s: ClientScreening }) {
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
      {s.explanation.reasons.length ? (
        <>
          <Text mt="sm" size="sm" fw={600}>
            Why
          </Text>
          <List size="sm" spacing={4}>
            {s.explanation.reasons.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Card>
  );
}

export function MyCarePage() {
  const { me } = useSession();
  const clientId = me?.clientId ?? '';
  const [params] = useSearchParams();
  const intake = useApi<{ version: number; answeredOn: string }>(`/api/clients/${clientId}/intake`);
  const screenings = useApi<{ items: ClientScreening[] }>(`/api/clients/${clientId}/screenings`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noIntake = intake.error instanceof ApiError && intake.error.status === 404;

  const check = async (plan: PlanInput) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/clients/${clientId}/screenings`, { body: { plan } });
      screenings.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="My care" lead="Your eligibility, plan and consent for microneedling.">
      {params.get('answered') ? <Alert color="teal">Thank you. Your answers are saved. Now check your eligibility for the treatment you want.</Alert> : null}
      {intake.loading ? <Loading label="Loading your answers" /> : null}
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
            Check my eligibility
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Based on your answers of {intake.data.answeredOn}.{' '}
            <Link to="/portal/care/questionnaire">Update my answers</Link>
          </Text>
          <PlanPicker onSubmit={(p) => void check(p)} busy={busy} initialDate={new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10)} />
          {error ? <Alert color="red" mt="sm">{error}</Alert> : null}
        </Card>
      ) : null}
      {screenings.error && !noIntake ? <ErrorAlert error={screenings.error} /> : null}
      {screenings.data?.items.length ? (
        <Stack>
          <Title order={2} size="h4">
            My results
          </Title>
          {screenings.data.items.map((s) => (
            <ScreeningCard key={s.id} s={s} />
          ))}
        </Stack>
      ) : null}
    </Page>
  );
}
