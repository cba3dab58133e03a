// One membership as the client (portal) and the desk (console) see it: plan, status, next payment,
// credits with their labels and expiry, and the changes allowed within the plan's terms: pause until
// a date, resume, cancel now (after the minimum term) or at the end of the term.
import { Alert, Badge, Button, Card, Group, List, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { call, http, type Schemas } from '../../api/client.js';
import { calendarDate } from '../../api/dates.js';
import { ProblemAlert, useSubmit } from '../../pages/console/billing/billing-ui.js';

type Membership = Schemas['ClientMembership'];
const STATUS: Record<Membership['status'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  past_due: { label: 'Payment due', color: 'orange' },
  paused: { label: 'Paused', color: 'gray' },
  cancelled: { label: 'Cancelled', color: 'red' },
};

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function PauseForm({ m, today, onDone }: { m: Membership; today: string; onDone: (m: Membership) => void }) {
  const latest = addDays(today, m.plan.maxPauseDays);
  const [resumeOn, setResumeOn] = useState(addDays(today, Math.min(30, m.plan.maxPauseDays)));
  const submit = useSubmit();
  const pause = async () => {
    const r = await submit.run(() => call(http.POST('/api/memberships/{membershipId}/pause', { params: { path: { membershipId: m.id } }, body: { resumeOn } })));
    if (r) onDone(r);
  };
  return (
    <Stack gap="xs">
      <TextInput type="date" label="Resume on" description={`No later than ${calendarDate(latest)}. No payments and no member prices while paused; your credits keep their dates.`} min={addDays(today, 1)} max={latest} value={resumeOn} onChange={(e) => setResumeOn(e.currentTarget.value)} error={submit.fieldErrors.resumeOn} />
      <ProblemAlert error={submit.error} placed={['resumeOn']} />
      <Group><Button onClick={() => void pause()} loading={submit.busy}>Pause membership</Button></Group>
    </Stack>
  );
}

function CancelForm({ m, today, onDone }: { m: Membership; today: string; onDone: (m: Membership) => void }) {
  const canNow = today >= m.termEndsOn;
  const [when, setWhen] = useState<'now' | 'end_of_term'>(canNow ? 'now' : 'end_of_term');
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const cancel = async () => {
    const r = await submit.run(() => call(http.POST('/api/memberships/{membershipId}/cancel', { params: { path: { membershipId: m.id } }, body: { when, reason: reason.trim() } })));
    if (r) onDone(r);
  };
  const endsOn = m.termEndsOn > m.periodEnd ? m.termEndsOn : m.periodEnd;
  return (
    <Stack gap="xs">
      {!canNow ? <Text size="sm">The minimum term runs until {calendarDate(m.termEndsOn)}, so the membership can be cancelled from then. You can ask for it to end then now.</Text> : null}
      <Radio.Group value={when} onChange={(v) => setWhen(v === 'now' ? 'now' : 'end_of_term')} label="When should it end?">
        <Stack gap={4} mt={4}>
          <Radio value="now" label="Now" disabled={!canNow} />
          <Radio value="end_of_term" label={`At the end of the term, on ${calendarDate(endsOn)}`} />
        </Stack>
      </Radio.Group>
      <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={submit.fieldErrors.reason} />
      <ProblemAlert error={submit.error} placed={['reason']} />
      <Group><Button color="red" variant="light" onClick={() => void cancel()} loading={submit.busy}>Cancel membership</Button></Group>
    </Stack>
  );
}

export function MembershipCard({ membership, today, onChanged, extra, canChange = true }: { membership: Membership; today: string; onChanged: () => void; extra?: React.ReactNode; /** the client and the desk may pause, resume and cancel; clinicians only read */ canChange?: boolean }) {
  const [m, setM] = useState(membership);
  const [open, setOpen] = useState<'pause' | 'cancel' | null>(null);
  const resume = useSubmit();
  const done = (next: Membership) => {
    setM(next);
    setOpen(null);
    onChanged();
  };
  const s = STATUS[m.status];
  const current = m.credits.filter((c) => c.expiresOn >= today);
  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} size="h4">{m.plan.name}</Title>
        <Badge color={s.color} variant="light">{m.cancelRequestedOn && m.status === 'active' ? `Ends ${calendarDate(m.cancelRequestedOn)}` : s.label}</Badge>
      </Group>
      <Text size="sm" mt={4}>{m.statusText}</Text>
      {m.nextBillingOn && m.nextAmountCents !== null ? <Text size="sm" c="dimmed">{m.billing === 'card' ? `Charged to the saved card each ${m.plan.period}.` : `Paid at the front desk each ${m.plan.period}.`}</Text> : null}
      <Text size="sm" mt="xs">{m.plan.summary}</Text>
      <Title order={3} size="h6" mt="sm">Credits</Title>
      {current.length ? (
        <List size="sm">{current.map((c) => <List.Item key={c.id}>{c.text}</List.Item>)}</List>
      ) : (
        <Text size="sm" c="dimmed">No credits right now.</Text>
      )}
      {extra}
      {canChange && m.status !== 'cancelled' ? (
        <Group mt="sm">
          {m.status === 'active' && m.plan.maxPauseDays > 0 ? <Button size="xs" variant="light" onClick={() => setOpen(open === 'pause' ? null : 'pause')}>Pause</Button> : null}
          {m.status === 'paused' && m.pauseReason !== 'payment_failed' ? (
            <Button size="xs" variant="light" loading={resume.busy} onClick={() => void resume.run(() => call(http.POST('/api/memberships/{membershipId}/resume', { params: { path: { membershipId: m.id } } }))).then((r) => r && done(r))}>Resume now</Button>
          ) : null}
          {!m.cancelRequestedOn ? <Button size="xs" variant="subtle" color="red" onClick={() => setOpen(open === 'cancel' ? null : 'cancel')}>Cancel membership</Button> : null}
        </Group>
      ) : null}
      <ProblemAlert error={resume.error} />
      {open === 'pause' ? <Card withBorder mt="sm"><PauseForm m={m} today={today} onDone={done} /></Card> : null}
      {open === 'cancel' ? <Card withBorder mt="sm"><CancelForm m={m} today={today} onDone={done} /></Card> : null}
      {m.status === 'past_due' ? <Alert color="orange" mt="sm">{m.statusText}</Alert> : null}
    </Card>
  );
}
