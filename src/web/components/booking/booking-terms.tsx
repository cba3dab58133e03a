// What a visit costs before the client books it: the price in force that day, the package that
// covers it or the deposit asked for, and the cancellation policy.
import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useGet } from '../../api/use-api.js';
import { cents } from '../../api/billing-types.js';
import { ErrorAlert } from '../states.js';

const sessionsLeft = (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'} left`;

/** With the plan being booked, the price is the plan's quoted line (the one its invoices use). */
export function BookingTermsCard({ locationId, serviceId, date, planId }: { locationId: string; serviceId: string; date?: string | null; planId?: string | null }) {
  const terms = useGet('/api/locations/{locationId}/booking-terms', { params: { path: { locationId }, query: { serviceId, ...(date ? { date } : {}), ...(planId ? { planId } : {}) } } });
  if (terms.error) return <ErrorAlert error={terms.error} title="Price and policy not available" />;
  const t = terms.data;
  if (!t) return null;
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb="xs">
        Price and cancellation policy
      </Title>
      <Stack gap={6}>
        <Text>
          {t.priceCents === null ? 'Price: ask the clinic' : `Price: ${cents(t.priceCents, t.currency)}`}
          {t.membership?.planName && t.membership.basePriceCents !== null && t.priceCents !== null && t.priceCents < t.membership.basePriceCents ? ` (member price with ${t.membership.planName}; ${cents(t.membership.basePriceCents, t.currency)} for non-members)` : ''}
        </Text>
        {t.membership?.credit ? (
          <Text fw={600}>Included in your membership: {t.membership.credit.label}</Text>
        ) : t.coveredBy ? (
          <Text fw={600}>
            Covered by your package {t.coveredBy.name}: {sessionsLeft(t.coveredBy.sessionsRemaining)}
          </Text>
        ) : t.paymentNote ? (
          <Text fw={600}>{t.paymentNote}</Text>
        ) : null}
        <List size="sm" spacing={4}>
          {t.policy.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
