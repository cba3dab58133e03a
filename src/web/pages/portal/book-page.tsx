import { Alert, Anchor, Badge, Button, Card, Group, List, Radio, Select, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconCalendarCheck, IconClock } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { prettyDate } from '../../api/clinical-types.js';
import { Page } from '../../components/page.js';
import { ErrorAlert, Loading } from '../../components/states.js';
import { SlotPicker } from '../../components/booking/slot-picker.js';
import { BookingTermsCard } from '../../components/booking/booking-terms.js';
import { addDays, todayIso } from '../../api/dates.js';
import { BeforeYourVisit, ServiceChoice } from '../../components/booking/service-choice.js';
import { RiskAcknowledgement } from '../../components/clinical/risk-acknowledgement.js';
import { MyBookings } from './my-bookings.js';
import { DepositStep } from '../../components/billing/deposit-step.js';

const PRE_CARE = ['Stop retinoids and acids (AHA, BHA, benzoyl peroxide) 3 days before.', 'No tanning, self-tanner or sunburn on the area.', 'Come without makeup; wear what you like, we give you a cleanser.'];

function Countdown({ until }: { until: string }) {
  const [left, setLeft] = useState(() => Date.parse(until) - Date.now());
  useEffect(() => {
    const t = setInterval(() => setLeft(Date.parse(until) - Date.now()), 1000);
    return () => clearInterval(t);
  }, [until]);
  if (left <= 0) return <Text c="red.9">The hold expired; choose a time again.</Text>;
  return (
    <Text size="sm" aria-live="polite">
      <IconClock size={14} /> We hold this time for you for {Math.floor(left / 60000)}:{String(Math.floor((left % 60000) / 1000)).padStart(2, '0')}
    </Text>
  );
}

type AvailableSlot = Schemas['Slot'];
type Booking = Schemas['Booking'];

/** Service, provider and time from real availability, a short hold, then confirm; or a whole series. */
export function BookPage() {
  const { me } = useSession();
  const clientId = me?.clientId ?? '';
  const org = useGet('/api/organization', {});
  const services = useGet('/api/services', {});
  const plans = useGet('/api/clients/{clientId}/plans', clientId ? { params: { path: { clientId } } } : null);
  const [step, setStep] = useState(0);
  // ?service=…&location=…&from=… open the picker on a service (a recall message's booking link)
  const [params] = useSearchParams();
  const [locationId, setLocationId] = useState<string | null>(() => params.get('location'));
  const [serviceId, setServiceId] = useState<string | null>(() => params.get('service'));
  const [mode, setMode] = useState<'single' | 'series'>('single');
  const [slot, setSlot] = useState<AvailableSlot | null>(null);
  const [series, setSeries] = useState<Schemas['SeriesProposal'] | null>(null);
  const [hold, setHold] = useState<Booking | null>(null);
  const [done, setDone] = useState<Booking[] | null>(null);
  const [error, setError] = useState<{ text: string; rule?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  const location = (org.data?.locations.some((l) => l.id === locationId) ? locationId : null) ?? org.data?.locations[0]?.id ?? null;
  const service = services.data?.items.find((s) => s.id === serviceId) ?? null;
  // what this client may book of each service: closed services say why and what to do next
  const options = useGet('/api/clients/{clientId}/booking-options', clientId && location ? { params: { path: { clientId }, query: { locationId: location } } } : null);
  const windowOf = (id: string | null) => options.data?.items.find((w) => w.serviceId === id) ?? null;
  const window = windowOf(serviceId);
  // One price from quote to invoice: a plan is booked as the service it was quoted for (same code),
  // which is offered first; a plan quoted before quotes named their line matches by modality.
  const plan = useMemo(
    () => plans.data?.items.find((p) => p.status !== 'superseded' && (p.quote?.priceLineId ? p.quote.serviceCode === service?.code : p.plan.modality === service?.modality)) ?? null,
    [plans.data, service],
  );
  const plannedService = useMemo(() => {
    const quoted = plans.data?.items.find((p) => p.status !== 'superseded' && p.quote?.priceLineId);
    return services.data?.items.find((s) => s.code === quoted?.quote?.serviceCode) ?? null;
  }, [plans.data, services.data]);
  useEffect(() => {
    if (!serviceId && plannedService && options.data?.items.find((w) => w.serviceId === plannedService.id)?.bookable) setServiceId(plannedService.id);
  }, [serviceId, plannedService, options.data]);
  // the first date the client may book, in the clinic's zone (the server's window)
  const linkFrom = /^\d{4}-\d{2}-\d{2}$/.test(params.get('from') ?? '') ? params.get('from')! : '';
  const from = [window?.from ?? todayIso(), linkFrom].sort().at(-1)!;

  const fail = (e: unknown) => {
    const rule = e instanceof ApiError ? (e.fields[0]?.path ?? undefined) : undefined;
    setError({ text: errorText(e), ...(rule ? { rule } : {}) });
  };

  // the steps that call these only show once a clinic and a service are chosen
  const holdSlot = async (s: AvailableSlot) => {
    if (!location || !serviceId) return;
    setSlot(s);
    setError(null);
    setBusy(true);
    try {
      if (hold) await call(http.POST('/api/bookings/{bookingId}/cancel', { params: { path: { bookingId: hold.id } }, body: { reason: 'chose another time' } })).catch(() => undefined);
      const b = await call(http.POST('/api/bookings', { body: { locationId: location, serviceId, clientId, start: s.start, providerId: s.providerId, hold: true, idempotencyKey: crypto.randomUUID(), ...(plan ? { planId: plan.id } : {}) } }));
      setHold(b);
      setStep(2);
    } catch (e) {
      fail(e);
      setHold(null);
    } finally {
      setBusy(false);
    }
  };

  const proposeSeries = async () => {
    if (!location || !serviceId) return;
    setError(null);
    setBusy(true);
    try {
      const p = await call(
        http.POST('/api/locations/{locationId}/series-plan', {
          params: { path: { locationId: location } },
          body: { serviceId, sessions: plan?.plan.sessions ?? 3, intervalDays: plan?.plan.intervalDays ?? { min: 28, max: 42 }, firstFrom: from, firstTo: addDays(from, 13) },
        }),
      );
      setSeries(p);
      setStep(2);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const [waiting, setWaiting] = useState(false);
  const joinWaitlist = async (r: { from: string; to: string; providerId: string | null }, forService = serviceId) => {
    if (!location || !forService) return;
    setBusy(true);
    setError(null);
    try {
      await call(http.POST('/api/waitlist', { body: { locationId: location, serviceId: forService, clientId, fromDate: r.from, toDate: r.to, ...(r.providerId ? { providerId: r.providerId } : {}) } }));
      setWaiting(true);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!location || !serviceId) return;
    setBusy(true);
    setError(null);
    try {
      if (mode === 'series' && series) {
        const r = await call(
          http.POST('/api/bookings/series', {
            body: { locationId: location, serviceId, clientId, sessions: series.slots.map((s) => ({ start: s.start, providerId: s.providerId })), idempotencyKey: crypto.randomUUID(), ...(plan ? { planId: plan.id } : {}) },
          }),
        );
        setDone(r.bookings);
      } else if (hold) {
        setDone([await call(http.POST('/api/bookings/{bookingId}/confirm', { params: { path: { bookingId: hold.id } } }))]);
      }
      setStep(3);
      setReload((n) => n + 1);
      options.reload();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  if (org.loading || services.loading) return <Loading label="Loading services" />;
  if (services.error) return <ErrorAlert error={services.error} />;

  return (
    <Page title="Book" lead="Consultations and treatment series with a licensed provider. Only times that are really free are shown.">
      <Stepper active={step} onStepClick={(s) => s < step && step < 3 && setStep(s)} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="What" description="Service and clinic">
          <Stack mt="md">
            <Select label="Clinic" data={org.data?.locations.map((l) => ({ value: l.id, label: l.name })) ?? []} value={location} onChange={(v) => setLocationId(v)} allowDeselect={false} />
            {options.loading && !options.data ? <Text size="sm" c="dimmed">Checking what you can book…</Text> : null}
            {options.error ? <ErrorAlert error={options.error} title="Could not check what you can book" /> : null}
            <ServiceChoice
              services={services.data?.items ?? []}
              windows={options.data?.items ?? null}
              value={serviceId}
              onChange={(v) => {
                setServiceId(v);
                setSlot(null);
              }}
              onStep={(w) => {
                if (w.nextStep?.kind === 'join_waitlist' && w.nextStep.from) void joinWaitlist({ from: w.nextStep.from, to: addDays(w.nextStep.from, 13), providerId: null }, w.serviceId);
                else setServiceId(services.data?.items.find((s) => s.kind === 'consultation')?.id ?? null);
              }}
            />
            {waiting && step === 0 ? <Alert color="teal">You are on the waitlist. When a time frees up we hold it for you and email you to confirm.</Alert> : null}
            <BeforeYourVisit window={window} />
            {service?.kind === 'treatment' ? (
              <Radio.Group label="How many sessions?" value={mode} onChange={(v) => setMode(v)}>
                <Group mt="xs">
                  <Radio value="single" label="One session" />
                  <Radio value="series" label={`The whole series (${plan?.plan.sessions ?? 3} sessions${plan ? ', from my plan' : ''})`} />
                </Group>
              </Radio.Group>
            ) : null}
            {service && location ? <BookingTermsCard locationId={location} serviceId={service.id} planId={plan?.id ?? null} /> : null}
            <Group justify="flex-end">
              <Button disabled={!service || !location || window?.bookable === false} onClick={() => (mode === 'series' && service?.kind === 'treatment' ? void proposeSeries() : setStep(1))} loading={busy}>
                Next
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="When" description="Provider, day, time">
          {location && serviceId ? (
            <Stack mt="md">
              <SlotPicker
                locationId={location}
                serviceId={serviceId}
                from={from}
                planId={plan?.id ?? null}
                onPick={(s) => void holdSlot(s)}
                picked={slot}
                emptyAction={(r) => (
                  <Button variant="light" onClick={() => void joinWaitlist(r)} loading={busy}>
                    Join the waitlist for this week
                  </Button>
                )}
              />
              {waiting ? <Alert color="teal">You are on the waitlist. When a time frees up we hold it for you and email you to confirm.</Alert> : null}
            </Stack>
          ) : null}
        </Stepper.Step>
        <Stepper.Step label="Confirm" description="Check and book">
          <Stack mt="md">
            {mode === 'series' && series ? (
              <Card withBorder>
                <Title order={2} size="h4" mb="xs">
                  Your series
                </Title>
                <List spacing={4}>
                  {series.slots.map((s, i) => (
                    <List.Item key={s.start}>
                      Session {i + 1}: {prettyDate(s.localDate)} at {s.localTime} with {s.providerName}
                    </List.Item>
                  ))}
                </List>
                {series.missing ? <Alert color="orange" mt="sm">No free time for session {series.missing.session} between {series.missing.from} and {series.missing.to}. Book the first sessions now and the rest with the front desk.</Alert> : null}
              </Card>
            ) : hold ? (
              <Card withBorder>
                <Title order={2} size="h4" mb="xs">
                  {hold.service.name}
                </Title>
                <Text>
                  {prettyDate(hold.localDate)} at {hold.localTime} with {hold.provider.name}, {hold.location.name}
                </Text>
                {hold.holdExpiresAt ? <Countdown until={hold.holdExpiresAt} /> : null}
              </Card>
            ) : null}
            {service && location ? <BookingTermsCard locationId={location} serviceId={service.id} planId={plan?.id ?? null} date={mode === 'series' ? series?.slots[0]?.localDate : (hold?.localDate ?? slot?.localDate)} /> : null}
            {service?.kind === 'treatment' && service.modality ? <RiskAcknowledgement clientId={clientId} modality={service.modality} /> : null}
            <Card withBorder>
              <Title order={2} size="h5" mb="xs">
                Before your visit
              </Title>
              <List size="sm">
                {PRE_CARE.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Card>
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(mode === 'series' ? 0 : 1)}>
                Back
              </Button>
              <Button onClick={() => void confirm()} loading={busy} leftSection={<IconCalendarCheck size={16} />} disabled={mode === 'series' ? !series?.slots.length : !hold}>
                {mode === 'series' ? `Book ${series?.slots.length ?? 0} sessions` : 'Confirm booking'}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Completed>
          <Alert color="teal" icon={<IconCalendarCheck />} title="Booked" mt="md">
            {done?.map((b) => (
              <Text key={b.id}>
                {b.service.name}: {prettyDate(b.localDate)} at {b.localTime} with {b.provider.name}
              </Text>
            ))}
            <Text size="sm" mt="xs">
              We will remind you before each visit.
            </Text>
          </Alert>
          {/* a deposit or a card on file, per the clinic's policy, for the first visit booked */}
          {done?.[0] ? (
            <Stack mt="md">
              <DepositStep bookingId={done[0].id} onSettled={() => setReload((n) => n + 1)} />
            </Stack>
          ) : null}
          <Button
            mt="md"
            variant="default"
            onClick={() => {
              setStep(0);
              setHold(null);
              setSlot(null);
              setSeries(null);
              setDone(null);
            }}
          >
            Book something else
          </Button>
        </Stepper.Completed>
      </Stepper>
      {error ? (
        <Alert color="red" role="alert" title="Could not book">
          {error.text}
          {error.rule === 'start' || error.rule === 'clientId' ? (
            <Text size="sm" mt={4}>
              Treatments need a current eligibility result and the risk summary acknowledged: <Anchor component={Link} to="/portal/care">open My care</Anchor>.
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {clientId ? <MyBookings clientId={clientId} reloadKey={reload} /> : null}
      {step === 0 && plans.data?.items.some((p) => p.status !== 'superseded') ? (
        <Badge variant="light">{plannedService ? `Your treatment plan is booked as ${plannedService.name}, at its quoted price.` : 'You have a treatment plan: choose its service to book the series.'}</Badge>
      ) : null}
    </Page>
  );
}
