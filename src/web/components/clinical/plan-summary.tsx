import { Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { calendarDate } from '../../api/dates.js';
import { IconCalendarEvent, IconSparkles } from '@tabler/icons-react';
import { formatMoney, PLAN_STATUS } from '../../api/clinical-types.js';
import type { Schemas } from '../../api/client.js';
import { AREA_LABEL, MODALITY_LABEL } from './labels.js';
import { addDays } from '../../api/dates.js';


const CHECK_COLOR = { ok: 'teal', warn: 'yellow', needs_director: 'orange', refused: 'red' } as const;

/** The series as a timeline: each session's window, then when results are judged. */
export function SeriesTimeline({ plan }: { plan: Schemas['TreatmentPlanDetails'] }) {
  const items = Array.from({ length: plan.sessions }, (_, i) => ({
    from: addDays(plan.startDate, i * plan.intervalDays.min),
    to: addDays(plan.startDate, i * plan.intervalDays.max),
  }));
  return (
    <Timeline active={0} bulletSize={22} lineWidth={2} aria-label="Treatment series timeline">
      {items.map((w, i) => (
        <Timeline.Item key={i} bullet={<IconCalendarEvent size={12} />} title={`Session ${i + 1}`}>
          <Text size="sm" c="dimmed">
            {i === 0 ? `From ${calendarDate(w.from)}` : `Between ${calendarDate(w.from)} and ${calendarDate(w.to)}`}
          </Text>
        </Timeline.Item>
      ))}
      <Timeline.Item bullet={<IconSparkles size={12} />} title="Results judged">
        <Text size="sm" c="dimmed">
          From {calendarDate(plan.assessFrom)}, at least 3 months after the last session
        </Text>
      </Timeline.Item>
    </Timeline>
  );
}

export function QuoteCard({ quote }: { quote: Schemas['TreatmentPlan']['quote'] }) {
  if (!quote) {
    return (
      <Card withBorder>
        <Title order={2} size="h4">
          Price
        </Title>
        <Text c="dimmed" size="sm">
          This location has no price for this treatment yet. The front desk will give you a quote.
        </Text>
      </Card>
    );
  }
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Your quote
      </Title>
      {/* stacked rows rather than a wide table: it reads on a phone without scrolling sideways */}
      <Stack gap="xs" role="list" aria-label="Quote lines">
        {quote.lines.map((l) => (
          <Group key={l.label} justify="space-between" wrap="nowrap" align="flex-start" role="listitem">
            <div>
              <Text size="sm">{l.label}</Text>
              <Text size="xs" c="dimmed">
                {l.quantity} × {formatMoney(l.unit)}
              </Text>
            </div>
            <Text size="sm">{formatMoney(l.total)}</Text>
          </Group>
        ))}
        <Group justify="space-between" wrap="nowrap" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} pt="xs" role="listitem">
          <Text fw={700}>Series total, paid per session</Text>
          <Text fw={700}>{formatMoney(quote.total)}</Text>
        </Group>
      </Stack>
      <Text size="xs" c="dimmed" mt={4}>
        Prices in force from {quote.priceEffectiveFrom}; this quote keeps its price if the list changes.
      </Text>
      {quote.packages.length ? (
        <Stack gap="xs" mt="md">
          <Text fw={600}>Or save with a package</Text>
          {quote.packages.map((p) => (
            <Card key={p.packageId} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text fw={600}>{p.name}</Text>
                  <Text size="sm" c="dimmed">
                    {p.sessions} sessions for {formatMoney(p.price)}
                    {p.extraSessions ? ` + ${p.extraSessions} more at ${formatMoney(quote.perSession)}` : ''}
                    {p.sessions > quote.sessions ? ` · ${p.sessions - quote.sessions} more than your plan` : ''} · valid {p.validDays} days
                  </Text>
                </div>
                <Stack gap={2} align="flex-end">
                  <Text fw={700}>{formatMoney(p.total)}</Text>
                  {p.saving.cents > 0 ? (
                    <Text size="sm" fw={700} c="teal.9" style={{ whiteSpace: 'nowrap' }}>
                      Save {formatMoney(p.saving)}
                    </Text>
                  ) : null}
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      ) : null}
    </Card>
  );
}

/** A plan as the client reads it; staff also see the protocol ids and depth checks. */
export function PlanSummary({ view, staff = false }: { view: Schemas['TreatmentPlan']; staff?: boolean }) {
  const p = view.plan;
  const status = PLAN_STATUS[view.status];
  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {MODALITY_LABEL[p.modality]} series
          </Title>
          <Badge color={status.color}>{staff && view.status === 'active' ? 'Active' : status.label}</Badge>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
          <div>
            <Text size="xs" c="dimmed">
              Sessions
            </Text>
            <Text fw={700} size="lg">
              {p.sessions}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Apart
            </Text>
            <Text fw={700} size="lg">
              {Math.round(p.intervalDays.min / 7)}–{Math.round(p.intervalDays.max / 7)} weeks
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Redness
            </Text>
            <Text fw={700} size="lg">
              {p.downtime.rednessDays.min}–{p.downtime.rednessDays.max} days
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Each visit
            </Text>
            <Text fw={700} size="lg">
              ~{p.minutesPerSession} min
            </Text>
          </div>
        </SimpleGrid>
        <Table aria-label="Areas and needle depth">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Area</Table.Th>
              <Table.Th ta="right">Needle depth</Table.Th>
              {staff ? <Table.Th>Check</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.areas.map((a) => (
              <Table.Tr key={a.area}>
                <Table.Td>{AREA_LABEL[a.area] ?? a.area}</Table.Td>
                <Table.Td ta="right">{a.depthMm.toFixed(2)} mm</Table.Td>
                {staff ? (
                  <Table.Td>
                    <Badge color={CHECK_COLOR[a.check.status]} variant="light" title={a.check.messages.join('; ')}>
                      {a.check.status.replace('_', ' ')} · cap {a.check.capMm} mm
                    </Badge>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {p.excludedAreas.length ? (
          <Text size="sm" mt="xs">
            Not treated: {p.excludedAreas.map((e) => `${AREA_LABEL[e.area] ?? e.area} (${e.reason}${staff && e.ruleIds?.length ? `; ${e.ruleIds.join(', ')}` : ''})`).join('; ')}
          </Text>
        ) : null}
        {!staff && p.findings?.some((f) => f.ruleId === 'PLAN-3') ? (
          <Text size="sm" mt="xs" fw={600}>
            A clinician still needs to review your answers before this plan can start. We will let you know.
          </Text>
        ) : null}
        <Text size="sm" mt="sm">
          {p.numbing.use ? `Numbing cream for about ${p.numbing.minutes} minutes before each session.` : `No numbing cream: ${p.numbing.reason ?? ''}.`} Flaking on days{' '}
          {p.downtime.flakingDays.min} to {p.downtime.flakingDays.max}; full recovery within {p.downtime.fullRecoveryDays} days.
        </Text>
        {p.precautions.length ? (
          <>
            <Text size="sm" fw={600} mt="sm">
              Precautions
            </Text>
            <List size="sm" spacing={2}>
              {p.precautions.map((x) => (
                <List.Item key={x.id + x.text}>{staff ? `${x.id}: ${x.text}` : x.text}</List.Item>
              ))}
            </List>
          </>
        ) : null}
        {staff && p.findings?.length ? (
          <>
            <Text size="sm" fw={600} mt="sm">
              Why this plan
            </Text>
            <List size="sm" spacing={2} aria-label="Why this plan">
              {p.findings.map((f, i) => (
                <List.Item key={`${f.ruleId}-${i}`}>
                  <Text span size="xs" ff="monospace" title={f.sources.length ? `Sources: ${f.sources.join(', ')}` : undefined}>
                    {f.ruleId}
                  </Text>{' '}
                  {f.message}
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
        {staff ? (
          <Text size="xs" c="dimmed" mt="sm">
            {p.protocol ? `${p.protocol} · ` : ''}Protocol: {p.protocolIds.join(', ')} · by {view.createdBy}
            {view.directorApprovedBy ? ` · approved by ${view.directorApprovedBy}` : ''}
            {p.changeReason ? ` · reason: ${p.changeReason}` : ''}
          </Text>
        ) : null}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Your series
        </Title>
        <SeriesTimeline plan={p} />
      </Card>
      <QuoteCard quote={view.quote} />
    </Stack>
  );
}
