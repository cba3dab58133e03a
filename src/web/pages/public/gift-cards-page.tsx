// Gift cards for clients and visitors: buy one online (only when the clinic takes card payments
// online; otherwise the page says to buy at the front desk), come back from the hosted payment page
// to see it sent, and check what is left on a card by its code. The same shop is the clinic's public
// page (/clinics/:slug/gift-cards) and the portal's (/portal/gift-cards).
import { Alert, Button, Card, Group, NumberInput, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { call, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { cents, toCents } from '../../api/billing-types.js';
import { Page } from '../../components/page.js';
import { ErrorAlert, Loading } from '../../components/states.js';
import { ProblemAlert, useSubmit } from '../console/billing/billing-ui.js';

type Offer = Schemas['GiftCardOffer'];

export function ClinicGiftCardsPage() {
  const { slug = '' } = useParams();
  return <GiftCardShop slug={slug} returnTo="clinic" />;
}

export function PortalGiftCardsPage() {
  const { me } = useSession();
  if (!me) return <Loading label="Loading" />;
  return <GiftCardShop slug={me.organization.slug} returnTo="portal" buyer={{ name: me.user.name, email: me.user.email }} />;
}

function GiftCardShop({ slug, returnTo, buyer }: { slug: string; returnTo: 'clinic' | 'portal'; buyer?: { name: string; email: string } }) {
  const offer = useGet('/api/public/organizations/{slug}/gift-cards', { params: { path: { slug } } });
  if (offer.loading && !offer.data) return <Loading label="Loading gift cards" />;
  if (offer.error || !offer.data) return <ErrorAlert error={offer.error} title="Gift cards could not be loaded" />;
  const o = offer.data;
  return (
    <Page title={`Gift cards for ${o.clinicName}`} lead="A gift card pays for treatments and products. It does not expire.">
      <Stack gap="lg">
        <CheckoutReturn slug={slug} />
        {o.onlinePurchase ? (
          <BuyCard slug={slug} offer={o} returnTo={returnTo} buyer={buyer} />
        ) : (
          <Alert color="blue" title="Buy a gift card at the front desk">
            {o.clinicName} does not take card payments online, so gift cards are sold at the front desk. You can still check a card&apos;s balance here.
          </Alert>
        )}
        <BalanceCheck slug={slug} />
      </Stack>
    </Page>
  );
}

/** Back from the hosted payment page: ask our server, which asks the processor. */
function CheckoutReturn({ slug }: { slug: string }) {
  const [params] = useSearchParams();
  const sessionId = params.get('checkout');
  const [state, setState] = useState<Schemas['GiftCardPurchase'] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (!sessionId || asked.current) return;
    asked.current = true;
    call(http.POST('/api/public/organizations/{slug}/gift-cards/checkout/{sessionId}/confirm', { params: { path: { slug, sessionId } } }))
      .then(setState)
      .catch(setError);
  }, [sessionId, slug]);
  if (!sessionId) return null;
  if (error) return <ErrorAlert error={error} title="We could not confirm your payment" />;
  if (!state) return <Loading label="Confirming your payment" />;
  return state.paid ? (
    <Alert color="teal" title="Thank you: your gift card is on its way" role="status">
      The {cents(state.amountCents)} gift card for {state.recipientName}
      {state.last4 ? ` (ending ${state.last4})` : ''} is paid. We have emailed the code to them, and a receipt to you.
    </Alert>
  ) : (
    <Alert color="yellow" title="Payment not finished" role="status">
      Your payment has not gone through yet. If you paid, it can take a minute; reload this page. Nothing was charged otherwise.
    </Alert>
  );
}

function BuyCard({ slug, offer, returnTo, buyer }: { slug: string; offer: Offer; returnTo: 'clinic' | 'portal'; buyer?: { name: string; email: string } }) {
  const [amount, setAmount] = useState<number | string>(50);
  const [f, setF] = useState({ purchaserName: buyer?.name ?? '', purchaserEmail: buyer?.email ?? '', recipientName: '', recipientEmail: '', message: '' });
  const submit = useSubmit();
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const e = submit.fieldErrors;
  const buy = async () => {
    const r = await submit.run(() =>
      call(
        http.POST('/api/public/organizations/{slug}/gift-cards/checkout', {
          params: { path: { slug } },
          body: {
            amountCents: toCents(amount), purchaserName: f.purchaserName.trim(), purchaserEmail: f.purchaserEmail.trim(), recipientName: f.recipientName.trim(), recipientEmail: f.recipientEmail.trim(),
            ...(f.message.trim() ? { message: f.message.trim() } : {}), returnTo,
          },
        }),
      ),
    );
    if (r) window.location.assign(r.url);
  };
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          Buy a gift card
        </Title>
        <NumberInput label="Amount" description={`From ${cents(offer.minCents)} to ${cents(offer.maxCents)}.`} leftSection="$" decimalScale={2} min={offer.minCents / 100} max={offer.maxCents / 100} value={amount} onChange={setAmount} error={e.amountCents} />
        <Group grow wrap="wrap" align="flex-start">
          <TextInput label="Your name" required value={f.purchaserName} onChange={set('purchaserName')} error={e.purchaserName} miw={220} />
          <TextInput label="Your email" description="For your receipt." required type="email" value={f.purchaserEmail} onChange={set('purchaserEmail')} error={e.purchaserEmail} miw={220} />
        </Group>
        <Group grow wrap="wrap" align="flex-start">
          <TextInput label="Recipient's name" required value={f.recipientName} onChange={set('recipientName')} error={e.recipientName} miw={220} />
          <TextInput label="Recipient's email" description="We email the code here once you have paid." required type="email" value={f.recipientEmail} onChange={set('recipientEmail')} error={e.recipientEmail} miw={220} />
        </Group>
        <Textarea label="Message (optional)" autosize minRows={2} maxLength={500} value={f.message} onChange={set('message')} error={e.message} />
        <ProblemAlert error={submit.error} placed={['amountCents', 'purchaserName', 'purchaserEmail', 'recipientName', 'recipientEmail', 'message']} title="Gift card not bought" />
        <Group justify="flex-end">
          <Button onClick={() => void buy()} loading={submit.busy}>
            Pay {cents(Math.max(0, toCents(amount)))} by card
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          You pay on our payment provider&apos;s secure page; your card details never reach the clinic.
        </Text>
      </Stack>
    </Card>
  );
}

function BalanceCheck({ slug }: { slug: string }) {
  const [code, setCode] = useState('');
  const [result, setResult] = useState<Schemas['GiftCardBalance'] | null>(null);
  const submit = useSubmit();
  const check = async () => {
    setResult(null);
    const r = await submit.run(() => call(http.POST('/api/public/organizations/{slug}/gift-cards/balance', { params: { path: { slug } }, body: { code: code.trim() } })));
    if (r) setResult(r);
  };
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          Check a balance
        </Title>
        <TextInput label="Gift card code" description="The 16 characters from the gift card email." value={code} onChange={(ev) => setCode(ev.currentTarget.value)} autoComplete="off" error={submit.fieldErrors.code} />
        <ProblemAlert error={submit.error} placed={['code']} title="No balance to show" />
        {result ? (
          <Alert color={result.usable ? 'teal' : 'gray'} role="status" title={result.usable ? `${cents(result.balanceCents, result.currency)} left` : 'This card cannot be used'}>
            {result.usable ? (result.expiresOn ? `Use it by ${result.expiresOn}.` : 'It does not expire.') : 'It has been used up, voided, refunded or has expired. Ask the front desk if this seems wrong.'}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="light" onClick={() => void check()} loading={submit.busy} disabled={code.trim().length < 16}>
            Check balance
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
