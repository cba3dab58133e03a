// The desk's view of a client's membership: sell a plan, see status, credits and each period's
// charge, take a desk payment for a period due, pause, resume or cancel with a reason (audited).
import { Badge, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { call, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { cents, type StaffMethod } from '../../../api/billing-types.js';
import { calendarDate } from '../../../api/dates.js';
import { useSession } from '../../../auth/session.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';
import { MembershipCard } from '../../../components/billing/membership-card.js';
import { ScrollTable } from '../../../components/billing/scroll-table.js';
import { MethodSelect, ProblemAlert, useIntentKey, useSubmit } from '../billing/billing-ui.js';

type Membership = Schemas['ClientMembership'];
const today = () => new Date().toLocaleDateString('en-CA');
const CHARGE: Record<Membership['charges'][number]['status'], string> = { due: 'Due', paid: 'Paid', failed: 'Card failed', waived: 'Waived' };

function SellModal({ clientId, plans, onClose, onSold }: { clientId: string; plans: Schemas['MembershipPlan'][]; onClose: () => void; onSold: () => void }) {
  const key = useIntentKey();
  const [planId, setPlanId] = useState<string | null>(plans[0]?.id ?? null);
  const [method, setMethod] = useState<StaffMethod>('card_terminal');
  const submit = useSubmit();
  const org = useGet('/api/organization', {});
  const where = (id: string) => org.data?.locations.find((l) => l.id === id)?.name ?? '';
  const plan = plans.find((p) => p.id === planId);
  const sell = async () => {
    if (!plan) return;
    const r = await submit.run(() => call(http.POST('/api/clients/{clientId}/memberships', { params: { path: { clientId } }, body: { locationId: plan.locationId, planId: plan.id, payment: { method }, idempotencyKey: key } })));
    if (r) onSold();
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Sell a membership">
      <Stack>
        <Select label="Plan" data={plans.map((p) => ({ value: p.id, label: `${p.name} (${where(p.locationId)}): ${cents(p.feeCents, p.currency)} a ${p.period}` }))} value={planId} onChange={setPlanId} allowDeselect={false} error={submit.fieldErrors.planId} />
        {plan ? <Text size="sm">{plan.summary} Taken now: {cents(plan.feeCents + plan.signupFeeCents, plan.currency)}.</Text> : null}
        <MethodSelect value={method} onChange={setMethod} />
        <ProblemAlert error={submit.error} placed={['planId']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void sell()} loading={submit.busy} disabled={!plan}>Sell membership</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Charges({ m, desk, onPaid }: { m: Membership; desk: boolean; onPaid: () => void }) {
  const submit = useSubmit();
  const [method, setMethod] = useState<StaffMethod>('card_terminal');
  const pay = (chargeId: string) => submit.run(() => call(http.POST('/api/membership-charges/{chargeId}/payments', { params: { path: { chargeId } }, body: { method, idempotencyKey: `${chargeId}-${method}` } }))).then((r) => r && onPaid());
  const open = m.charges.some((c) => c.status === 'due' || c.status === 'failed');
  return (
    <Stack gap="xs" mt="sm">
      <ScrollTable minWidth={420} label="Membership charges">
        <Table>
          <Table.Thead><Table.Tr><Table.Th>Period</Table.Th><Table.Th>Amount</Table.Th><Table.Th>Status</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {m.charges.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{calendarDate(c.periodStart)}</Table.Td>
                <Table.Td>{cents(c.amountCents, c.currency)}</Table.Td>
                <Table.Td><Badge variant="light" color={c.status === 'paid' ? 'teal' : 'orange'}>{CHARGE[c.status]}</Badge></Table.Td>
                <Table.Td>{desk && (c.status === 'due' || c.status === 'failed') ? <Button size="xs" onClick={() => void pay(c.id)} loading={submit.busy}>Record payment</Button> : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {desk && open ? <MethodSelect value={method} onChange={setMethod} /> : null}
      <ProblemAlert error={submit.error} />
    </Stack>
  );
}

export function ClientMembershipPanel({ clientId }: { clientId: string }) {
  const { me } = useSession();
  const desk = me?.role === 'owner' || me?.role === 'front_desk';
  const data = useGet('/api/clients/{clientId}/memberships', { params: { path: { clientId } } });
  const [selling, setSelling] = useState(false);
  if (data.error) return <ErrorAlert error={data.error} title="The membership could not be loaded" />;
  if (!data.data) return <Loading label="Loading the membership" />;
  const live = data.data.memberships.filter((m) => m.status !== 'cancelled');
  return (
    <Stack>
      {desk && !live.length && data.data.plans.length ? <Group><Button onClick={() => setSelling(true)}>Sell a membership</Button></Group> : null}
      {!data.data.memberships.length ? <Empty title="No membership">{data.data.plans.length ? 'This client has no membership yet.' : 'No plans on sale: the owner adds them under Settings, Memberships.'}</Empty> : null}
      {data.data.memberships.map((m) => (
        <MembershipCard key={`${m.id}-${m.status}-${m.resumeOn}-${m.cancelRequestedOn}`} membership={m} today={today()} onChanged={() => data.reload()} canChange={desk} extra={<Charges m={m} desk={desk} onPaid={() => data.reload()} />} />
      ))}
      {selling ? <SellModal clientId={clientId} plans={data.data.plans} onClose={() => setSelling(false)} onSold={() => { setSelling(false); data.reload(); }} /> : null}
    </Stack>
  );
}
