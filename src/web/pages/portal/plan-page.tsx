import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconSignature } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { Page } from '../../components/page.js';
import { ErrorAlert, Loading } from '../../components/states.js';
import { PlanSummary } from '../../components/clinical/plan-summary.js';
import { RiskAcknowledgement } from '../../components/clinical/risk-acknowledgement.js';

/** The client's plan and quote, the risk summary to acknowledge and the consent to sign. */
export function PlanPage() {
  const { planId = '' } = useParams();
  const { me } = useSession();
  const clientId = me?.clientId ?? '';
  const plan = useGet('/api/plans/{planId}', { params: { path: { planId } } });
  const consents = useGet('/api/clients/{clientId}/consents', { params: { path: { clientId } } });
  if (plan.loading) return <Loading label="Loading your plan" />;
  if (!plan.data) return <ErrorAlert error={plan.error} />;
  const view = plan.data;
  const signed = consents.data?.items.find((c) => c.kind === 'treatment' && c.planId === view.id && c.status === 'current');
  return (
    <Page title="My plan and price" lead="Recommended from your answers and your eligibility result. Your provider confirms it at your consultation.">
      {view.status === 'superseded' ? <Alert color="gray">This plan has been replaced by a newer version. See My care.</Alert> : null}
      <PlanSummary view={view} />
      <RiskAcknowledgement clientId={clientId} modality={view.plan.modality} />
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            Consent
          </Title>
          {signed ? <Badge color="teal">Signed</Badge> : <Badge color="gray">Not signed yet</Badge>}
        </Group>
        {signed ? (
          <Stack gap={4}>
            <Text size="sm">
              <IconCircleCheck size={14} /> Signed on {new Date(signed.signedAt).toLocaleString()} by {signed.signedName}.
            </Text>
            <Button component="a" href={`/api/consents/${signed.id}/pdf`} download variant="default" leftSection={<IconDownload size={16} />}>
              Download the signed PDF
            </Button>
          </Stack>
        ) : (
          <>
            <Text size="sm" c="dimmed" mb="sm">
              Treatment needs a signed consent that names this plan and its risks.
            </Text>
            <Button component={Link} to={`/portal/care/consent?kind=treatment&planId=${view.id}`} leftSection={<IconSignature size={16} />} disabled={view.status === 'superseded'}>
              Read and sign the consent
            </Button>
          </>
        )}
      </Card>
      <Button component={Link} to="/portal/book" variant="default">
        Book my first session
      </Button>
    </Page>
  );
}
