// A client's money at the desk: what they owe and hold, their packages, deposits to take, and
// every invoice with its payments. Refunds and voids are for the owner and front desk.
import type { Schemas } from '../../../api/client.js';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useGet } from '../../../api/use-api.js';
import { cents } from '../../../api/billing-types.js';
import { shortDateTime } from '../../../api/dates.js';
import { useSession } from '../../../auth/session.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';
import { TitledStack as Section } from '../../../components/titled-stack.js';
import { PackageProgress } from '../../../components/billing/package-progress.js';
import { InvoicesSection } from './invoices-section.js';
import { SellPackageModal } from './sell-package-modal.js';
import { DepositModal, PackageRefundModal } from './money-modals.js';

type DepositView = Schemas['Deposit'];
type PackageSale = Schemas['PackageSale'];
type PurchaseView = Schemas['PackagePurchase'];
type Statement = Schemas['ClientBilling'];

function Headline({ s }: { s: Statement }) {
  const currency = s.invoices[0]?.currency ?? 'USD';
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      <Card withBorder>
        <Text size="sm">Balance due</Text>
        <Text fw={700} size="xl">
          {cents(s.balanceDueCents, currency)}
        </Text>
      </Card>
      <Card withBorder>
        <Text size="sm">Credit</Text>
        <Text fw={700} size="xl">
          {cents(s.creditCents, currency)}
        </Text>
      </Card>
    </SimpleGrid>
  );
}

export function ClientBillingTab({ clientId }: { clientId: string }) {
  const { me } = useSession();
  const canMoneyBack = me?.role === 'owner' || me?.role === 'front_desk';
  const statement = useGet('/api/clients/{clientId}/billing', { params: { path: { clientId } } });
  const [selling, setSelling] = useState(false);
  const [sold, setSold] = useState<PackageSale | null>(null);
  const [refunding, setRefunding] = useState<PurchaseView | null>(null);
  const [deposit, setDeposit] = useState<DepositView | null>(null);

  if (statement.loading && !statement.data) return <Loading label="Loading billing" />;
  if (statement.error || !statement.data) return <ErrorAlert error={statement.error} title="Billing not available" />;
  const s = statement.data;
  const due = s.deposits.filter((d) => d.status === 'due');
  const changed = () => {
    setRefunding(null);
    setDeposit(null);
    statement.reload();
  };

  return (
    <Stack gap="lg">
      <Headline s={s} />
      <Group>
        <Button
          onClick={() => {
            setSold(null);
            setSelling(true);
          }}
        >
          Sell a package
        </Button>
      </Group>
      {sold ? (
        <Alert color="teal" title="Package sold" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setSold(null)}>
          {sold.purchase.name}: invoice {sold.invoice.number}, paid {cents(sold.payment.amountCents, sold.invoice.currency)}, due {cents(sold.invoice.dueCents, sold.invoice.currency)}.
        </Alert>
      ) : null}

      {!s.packages.length && !s.invoices.length && !due.length ? (
        <Empty title="No packages or invoices yet">Sell a package or invoice a visit from the schedule.</Empty>
      ) : null}

      {s.packages.length ? (
        <Section title="Packages">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {s.packages.map((p) => (
              <Card key={p.id} withBorder>
                <PackageProgress
                  purchase={p}
                  actions={
                    canMoneyBack && p.sessionsRemaining > 0 ? (
                      <Group>
                        <Button size="xs" variant="light" color="red" onClick={() => setRefunding(p)} aria-label={`Refund unused sessions of ${p.name}`}>
                          Refund unused sessions
                        </Button>
                      </Group>
                    ) : null
                  }
                />
              </Card>
            ))}
          </SimpleGrid>
        </Section>
      ) : null}

      {due.length ? (
        <Section title="Deposits due">
          {due.map((d) => (
            <Card key={d.bookingId} withBorder padding="sm">
              <Group justify="space-between" wrap="wrap">
                <Text size="sm">
                  Visit on {shortDateTime(d.startsAt)}: <strong>{cents(d.amountCents, d.currency)}</strong>
                </Text>
                <Button size="xs" onClick={() => setDeposit(d)} aria-label={`Take deposit for the visit on ${shortDateTime(d.startsAt)}`}>
                  Take deposit
                </Button>
              </Group>
            </Card>
          ))}
        </Section>
      ) : null}

      {s.invoices.length ? (
        <Section title="Invoices">
          <InvoicesSection invoices={s.invoices} canMoneyBack={canMoneyBack} onChanged={changed} />
        </Section>
      ) : null}

      {selling ? (
        <SellPackageModal
          clientId={clientId}
          onClose={() => setSelling(false)}
          onSold={(r) => {
            setSelling(false);
            setSold(r);
            statement.reload();
          }}
        />
      ) : null}
      {refunding ? <PackageRefundModal purchase={refunding} onClose={() => setRefunding(null)} onDone={changed} /> : null}
      {deposit ? <DepositModal bookingId={deposit.bookingId} amountCents={deposit.amountCents} currency={deposit.currency} startsAt={deposit.startsAt} onClose={() => setDeposit(null)} onDone={changed} /> : null}
    </Stack>
  );
}
