import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { CONSENT_KIND, PLAN_STATUS } from '../../api/clinical-types.js';
import { Empty, ErrorAlert, Loading } from '../../components/states.js';
import { PlanSummary } from '../../components/clinical/plan-summary.js';
import { PlanAdjustModal } from './plan-adjust-modal.js';

/** Plans (newest version first), consents with PDFs, and whether treatment may go ahead. */
export function ClientPlansPanel({ clientId, reloadKey }: { clientId: string; reloadKey: number }) {
  const { me } = useSession();
  const byClient = { params: { path: { clientId } } };
  const plans = useGet('/api/clients/{clientId}/plans', byClient);
  const consents = useGet('/api/clients/{clientId}/consents', byClient);
  // a new reloadKey (a plan recommended elsewhere on the page) loads the plans again
  const firstKey = useRef(reloadKey);
  const reloadPlans = plans.reload;
  useEffect(() => {
    if (reloadKey !== firstKey.current) reloadPlans();
  }, [reloadKey, reloadPlans]);
  const [editing, setEditing] = useState<Schemas['TreatmentPlan'] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const live = plans.data?.items.filter((p) => p.status !== 'superseded') ?? [];
  const readiness = useGet(
    '/api/clients/{clientId}/treatment-readiness',
    live[0] ? { params: { path: { clientId }, query: { modality: live[0].plan.modality, date: live[0].plan.startDate } } } : null,
  );
  const clinician = me?.role === 'medical_director' || me?.role === 'provider';

  return (
    <Stack>
      <Title order={2} size="h4">
        Plans
      </Title>
      {notice ? <Alert color="teal">{notice}</Alert> : null}
      {plans.loading && !plans.data ? <Loading label="Loading plans" /> : null}
      {plans.error ? <ErrorAlert error={plans.error} /> : null}
      {plans.data && live.length === 0 ? <Empty title="No plan yet">Recommend a plan from a screening that clears treatment.</Empty> : null}
      {live.map((p) => (
        <Stack key={p.id} gap="xs">
          <Group justify="space-between">
            <Badge color={PLAN_STATUS[p.status].color}>{p.status === 'active' ? 'Active' : PLAN_STATUS[p.status].label}</Badge>
            {clinician ? (
              <Button size="xs" variant="light" onClick={() => setEditing(p)}>
                Adjust
              </Button>
            ) : null}
          </Group>
          <PlanSummary view={p} staff />
        </Stack>
      ))}
      {readiness.data ? (
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            Ready for treatment on {readiness.data.date}? {readiness.data.ready ? <Badge color="teal">Yes</Badge> : <Badge color="red">Not yet</Badge>}
          </Title>
          {readiness.data.checks.map((c) => (
            <Text key={c.id} size="sm">
              {c.ok ? '✓' : '✗'} {c.message}
            </Text>
          ))}
        </Card>
      ) : null}
      <Title order={2} size="h4">
        Consents
      </Title>
      {consents.data?.items.length === 0 ? <Text size="sm" c="dimmed">No consent signed yet.</Text> : null}
      {consents.data?.items.length ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Consent</Table.Th>
              <Table.Th>Signed</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Document</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {consents.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {CONSENT_KIND[c.kind]}
                  {c.modality ? ` (${c.modality})` : ''} · {c.templateId}@{c.templateVersion}
                </Table.Td>
                <Table.Td>
                  {new Date(c.signedAt).toLocaleString()} by {c.signedName} (IP {c.ip ?? 'n/a'})
                </Table.Td>
                <Table.Td>
                  <Badge color={c.status === 'current' ? 'teal' : 'gray'}>{c.status}</Badge>
                </Table.Td>
                <Table.Td>
                  <a href={`/api/consents/${c.id}/pdf`} download>
                    PDF
                  </a>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {editing ? (
        <PlanAdjustModal
          view={editing}
          onClose={() => setEditing(null)}
          onDone={(next) => {
            setEditing(null);
            setNotice(next.status === 'awaiting_director' ? 'Saved. This version is outside the caps and waits for the medical director.' : 'Saved. The new version is active.');
            plans.reload();
            readiness.reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
