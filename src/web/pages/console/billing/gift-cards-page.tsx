// Gift cards at the desk: sell one (the code goes to the recipient by email; staff see only its last
// four characters), find one by the last four or a name, open it to see its ledger, void or refund
// it with a reason, and (the owner) set an expiry date.
import { Alert, Badge, Button, Card, Drawer, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { call, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { cents, METHOD_LABEL, toCents, type StaffMethod } from '../../../api/billing-types.js';
import { useSession } from '../../../auth/session.js';
import { Page } from '../../../components/page.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';
import { MethodSelect, ProblemAlert, useIntentKey, useSubmit } from './billing-ui.js';

type GiftCard = Schemas['GiftCard'];
type Detail = Schemas['GiftCardDetail'];

const STATUS: Record<GiftCard['status'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  pending: { label: 'Awaiting payment', color: 'yellow' },
  void: { label: 'Void', color: 'gray' },
  refunded: { label: 'Refunded', color: 'gray' },
};
const ENTRY: Record<Detail['entries'][number]['kind'], string> = {
  issue: 'Sold',
  redeem: 'Paid an invoice',
  return: 'Put back by a refund',
  refund: 'Refunded',
  void: 'Voided',
  expiry: 'Expiry changed',
};
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const StatusBadge = ({ status }: { status: GiftCard['status'] }) => (
  <Badge variant="light" color={STATUS[status].color}>
    {STATUS[status].label}
  </Badge>
);

export function GiftCardsPage() {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [selling, setSelling] = useState(false);
  const [sold, setSold] = useState<GiftCard | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const phone = useMediaQuery('(max-width: 40em)');
  const list = useGet('/api/gift-cards', { params: { query: { ...(debounced.trim() ? { q: debounced.trim() } : {}) } } });
  const cards = list.data?.giftCards ?? [];
  return (
    <Page
      title="Gift cards"
      lead="Sell gift cards and look up their balances. The code goes only to the recipient, by email; you see its last four characters."
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setSelling(true)}>
          Sell a gift card
        </Button>
      }
    >
      {sold ? (
        <Alert color="teal" title="Gift card sold" withCloseButton onClose={() => setSold(null)} role="status">
          {cents(sold.initialCents, sold.currency)} for {sold.recipientName}, ending {sold.last4}. The code is on its way to {sold.recipientEmail}.
        </Alert>
      ) : null}
      {list.data ? (
        <Card withBorder maw={320}>
          <Text size="sm">Still held on active cards</Text>
          <Text fw={700} size="xl">
            {cents(list.data.outstandingCents)}
          </Text>
        </Card>
      ) : null}
      <TextInput label="Search gift cards" placeholder="Last four of the code, a name or an email" leftSection={<IconSearch size={16} aria-hidden />} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {list.error ? <ErrorAlert error={list.error} title="Could not load the gift cards" /> : null}
      {list.loading && !list.data ? <Loading label="Loading gift cards" /> : null}
      {list.data && cards.length === 0 ? (
        <Empty title={debounced ? 'No gift card matches your search' : 'No gift cards yet'} action={debounced ? undefined : <Button onClick={() => setSelling(true)}>Sell the first gift card</Button>}>
          {debounced ? 'Try the last four characters of the code, or part of a name or email.' : 'Gift cards sold here or bought online appear here.'}
        </Empty>
      ) : null}
      {cards.length > 0 && phone ? (
        <SimpleGrid cols={1}>
          {cards.map((c) => (
            <Card key={c.id} withBorder component="button" onClick={() => setOpenId(c.id)} style={{ textAlign: 'left', cursor: 'pointer' }} aria-label={`Gift card ending ${c.last4 ?? '(unpaid)'} for ${c.recipientName}`}>
              <Group justify="space-between">
                <Text fw={600}>{c.recipientName}</Text>
                <StatusBadge status={c.status} />
              </Group>
              <Text size="sm" c="dimmed">
                Ending {c.last4 ?? '—'} · {cents(c.balanceCents, c.currency)} of {cents(c.initialCents, c.currency)} left
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      ) : null}
      {cards.length > 0 && !phone ? (
        <Table highlightOnHover striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Card</Table.Th>
              <Table.Th>Recipient</Table.Th>
              <Table.Th>Bought by</Table.Th>
              <Table.Th>Sold</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Balance</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cards.map((c) => (
              <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => setOpenId(c.id)}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setOpenId(c.id)}>
                    Ending {c.last4 ?? '—'}
                  </Button>
                </Table.Td>
                <Table.Td>{c.recipientName}</Table.Td>
                <Table.Td>{c.purchaserName}</Table.Td>
                <Table.Td>{new Date(c.soldAt).toLocaleDateString()}</Table.Td>
                <Table.Td>{cents(c.initialCents, c.currency)}</Table.Td>
                <Table.Td>{cents(c.balanceCents, c.currency)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {selling ? (
        <SellGiftCardModal
          onClose={() => setSelling(false)}
          onSold={(c) => {
            setSelling(false);
            setSold(c);
            list.reload();
          }}
        />
      ) : null}
      {openId ? <GiftCardDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => list.reload()} /> : null}
    </Page>
  );
}

function SellGiftCardModal({ onClose, onSold }: { onClose: () => void; onSold: (c: GiftCard) => void }) {
  const key = useIntentKey();
  const org = useGet('/api/organization', {});
  const [locationId, setLocationId] = useState<string | null>(null);
  const location = locationId ?? org.data?.locations[0]?.id ?? null;
  const [amount, setAmount] = useState<number | string>(50);
  const [f, setF] = useState({ purchaserName: '', purchaserEmail: '', recipientName: '', recipientEmail: '', message: '' });
  const [method, setMethod] = useState<StaffMethod>('card_terminal');
  const [reference, setReference] = useState('');
  const submit = useSubmit();
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const amountCents = toCents(amount);
  const sell = async () => {
    if (!location) return;
    const r = await submit.run(() =>
      call(
        http.POST('/api/gift-cards', {
          body: {
            locationId: location, amountCents, purchaserName: f.purchaserName.trim(), recipientName: f.recipientName.trim(), recipientEmail: f.recipientEmail.trim(),
            ...(f.purchaserEmail.trim() ? { purchaserEmail: f.purchaserEmail.trim() } : {}), ...(f.message.trim() ? { message: f.message.trim() } : {}),
            payment: { method, ...(reference.trim() ? { reference: reference.trim() } : {}) }, idempotencyKey: key,
          },
        }),
      ),
    );
    if (r) onSold(r.giftCard);
  };
  const e = submit.fieldErrors;
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Sell a gift card">
      <Stack>
        {(org.data?.locations.length ?? 0) > 1 ? (
          <Select label="Location" data={org.data?.locations.map((l) => ({ value: l.id, label: l.name })) ?? []} value={location} onChange={setLocationId} allowDeselect={false} error={e.locationId} />
        ) : null}
        <NumberInput label="Amount" description="From $5 to $2,000." leftSection="$" decimalScale={2} min={5} max={2000} value={amount} onChange={setAmount} error={e.amountCents} />
        <TextInput label="Bought by" required value={f.purchaserName} onChange={set('purchaserName')} error={e.purchaserName} />
        <TextInput label="Buyer's email (optional)" description="For a receipt; it names only the last four characters." type="email" value={f.purchaserEmail} onChange={set('purchaserEmail')} error={e.purchaserEmail} />
        <TextInput label="Recipient's name" required value={f.recipientName} onChange={set('recipientName')} error={e.recipientName} />
        <TextInput label="Recipient's email" description="The code is sent here." required type="email" value={f.recipientEmail} onChange={set('recipientEmail')} error={e.recipientEmail} />
        <Textarea label="Message (optional)" autosize minRows={2} maxLength={500} value={f.message} onChange={set('message')} error={e.message} />
        <MethodSelect value={method} onChange={setMethod} label="Paid by" />
        <TextInput label="Reference (optional)" description="The terminal's approval code or the check number." value={reference} onChange={(ev) => setReference(ev.currentTarget.value)} />
        <Text size="sm" c="dimmed">
          The card does not expire. The owner can set an expiry date on a card later, where your state allows it.
        </Text>
        <ProblemAlert error={submit.error} placed={['amountCents', 'purchaserName', 'purchaserEmail', 'recipientName', 'recipientEmail', 'message', 'locationId']} title="Gift card not sold" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void sell()} loading={submit.busy} disabled={!location}>
            Sell for {cents(Math.max(0, amountCents))}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function GiftCardDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { me } = useSession();
  const detail = useGet('/api/gift-cards/{giftCardId}', { params: { path: { giftCardId: id } } });
  const [action, setAction] = useState<'void' | 'refund' | 'expiry' | null>(null);
  const canMoneyBack = me?.role === 'owner' || me?.role === 'front_desk';
  const c = detail.data?.giftCard;
  const done = () => {
    setAction(null);
    detail.reload();
    onChanged();
  };
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={c ? `Gift card ending ${c.last4 ?? '—'}` : 'Gift card'} closeButtonProps={{ 'aria-label': 'Close' }}>
      {detail.error ? <ErrorAlert error={detail.error} title="Could not load this gift card" /> : null}
      {!detail.data && !detail.error ? <Loading label="Loading the gift card" /> : null}
      {c && detail.data ? (
        <Stack>
          <Group>
            <StatusBadge status={c.status} />
            <Text fw={700} size="xl">
              {cents(c.balanceCents, c.currency)} left
            </Text>
            <Text c="dimmed">of {cents(c.initialCents, c.currency)}</Text>
          </Group>
          <Text size="sm">
            For {c.recipientName} ({c.recipientEmail}), bought by {c.purchaserName}
            {c.purchaserEmail ? ` (${c.purchaserEmail})` : ''} {c.channel === 'online' ? 'online' : 'at the desk'} on {when(c.soldAt)}.
          </Text>
          {c.message ? <Text size="sm">Message: “{c.message}”</Text> : null}
          <Text size="sm">{c.expiresOn ? `Expires on ${c.expiresOn}.` : 'Does not expire.'}</Text>
          {c.closeReason ? <Text size="sm">Closed on {c.closedAt ? when(c.closedAt) : ''}: {c.closeReason}</Text> : null}
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Amount</Table.Th>
                <Table.Th>Balance</Table.Th>
                <Table.Th>By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.data.entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{when(e.at)}</Table.Td>
                  <Table.Td>
                    {ENTRY[e.kind]}
                    {e.method && e.method in METHOD_LABEL ? ` (${METHOD_LABEL[e.method as keyof typeof METHOD_LABEL]})` : ''}
                    {e.reason ? <Text size="xs" c="dimmed">{e.reason}</Text> : null}
                  </Table.Td>
                  <Table.Td>{e.kind === 'expiry' ? '' : cents(e.amountCents, c.currency)}</Table.Td>
                  <Table.Td>{cents(e.balanceAfterCents, c.currency)}</Table.Td>
                  <Table.Td>{e.recordedBy ?? 'Online'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {c.status === 'active' ? (
            <Group>
              {canMoneyBack && c.balanceCents > 0 ? (
                <Button variant="light" onClick={() => setAction('refund')}>
                  Refund what is left
                </Button>
              ) : null}
              {canMoneyBack ? (
                <Button variant="light" color="red" onClick={() => setAction('void')}>
                  Void
                </Button>
              ) : null}
              {me?.role === 'owner' ? (
                <Button variant="default" onClick={() => setAction('expiry')}>
                  {c.expiresOn ? 'Change expiry' : 'Set an expiry date'}
                </Button>
              ) : null}
            </Group>
          ) : null}
          {action === 'void' || action === 'refund' ? <CloseCardModal card={c} kind={action} onClose={() => setAction(null)} onDone={done} /> : null}
          {action === 'expiry' ? <ExpiryModal card={c} onClose={() => setAction(null)} onDone={done} /> : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}

function CloseCardModal({ card, kind, onClose, onDone }: { card: GiftCard; kind: 'void' | 'refund'; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState<StaffMethod>('cash');
  const submit = useSubmit();
  const go = async () => {
    const path = { params: { path: { giftCardId: card.id } } };
    const r = await submit.run(() =>
      kind === 'void'
        ? call(http.POST('/api/gift-cards/{giftCardId}/void', { ...path, body: { reason: reason.trim() } }))
        : call(http.POST('/api/gift-cards/{giftCardId}/refund', { ...path, body: { reason: reason.trim(), method } })),
    );
    if (r) onDone();
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title={kind === 'void' ? 'Void the gift card' : 'Refund the gift card'}>
      <Stack>
        <Text size="sm">
          {kind === 'void'
            ? `The ${cents(card.balanceCents, card.currency)} left is cancelled and the code stops working. Nothing is paid back.`
            : `Give ${cents(card.balanceCents, card.currency)} back to ${card.purchaserName}; the code stops working.`}
        </Text>
        {kind === 'refund' ? <MethodSelect value={method} onChange={setMethod} label="Paid back by" /> : null}
        <Textarea label="Reason" required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={submit.fieldErrors.reason} />
        <ProblemAlert error={submit.error} placed={['reason']} title={kind === 'void' ? 'Not voided' : 'Not refunded'} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={kind === 'void' ? 'red' : undefined} onClick={() => void go()} loading={submit.busy} disabled={reason.trim().length < 3}>
            {kind === 'void' ? 'Void the card' : `Refund ${cents(card.balanceCents, card.currency)}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ExpiryModal({ card, onClose, onDone }: { card: GiftCard; onClose: () => void; onDone: () => void }) {
  const [date, setDate] = useState(card.expiresOn ?? '');
  const submit = useSubmit();
  const save = async (expiresOn: string | null) => {
    const r = await submit.run(() => call(http.PUT('/api/gift-cards/{giftCardId}/expiry', { params: { path: { giftCardId: card.id } }, body: { expiresOn } })));
    if (r) onDone();
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Gift card expiry">
      <Stack>
        <Alert color="yellow" title="Check your state's law first">
          Many US states forbid gift cards that expire, or require at least five years. Federal law (the CARD Act) requires at least five years from the sale. Leave it without an expiry unless you are sure.
        </Alert>
        <TextInput label="Expires on" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} error={submit.fieldErrors.expiresOn} />
        <ProblemAlert error={submit.error} placed={['expiresOn']} title="Not saved" />
        <Group justify="flex-end">
          {card.expiresOn ? (
            <Button variant="default" onClick={() => void save(null)} loading={submit.busy}>
              Remove the expiry
            </Button>
          ) : null}
          <Button onClick={() => void save(date)} loading={submit.busy} disabled={!/^\d{4}-\d{2}-\d{2}$/.test(date)}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
