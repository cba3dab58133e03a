// The top of the chart: who and which visit it is for, and where the chart stands (not yet open, signed, co-signed, being amended).
import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import type { Schemas } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/states.js';
import { when, type ChartView } from './chart-types.js';

type Booking = Schemas['Booking'];

/** The page's lead line: client, service, when, and with whom. */
export const chartLead = (b: Booking | undefined) =>
  b ? `${b.client.name} · ${b.service.name} · ${b.localDate} ${b.localTime} · ${b.provider.name}` : undefined;

export function ChartStatus({
  current,
  notCheckedIn,
  amending,
  setupError,
}: {
  current: ChartView | null;
  notCheckedIn: boolean;
  amending: boolean;
  setupError: unknown;
}) {
  return (
    <>
      {notCheckedIn ? (
        <Alert color="yellow" icon={<IconAlertCircle />} title="Check the client in first" role="status">
          The chart opens once the client is checked in for this booking.
        </Alert>
      ) : null}
      {setupError ? <ErrorAlert error={setupError} title="Could not load devices or lots" /> : null}

      {current?.status === 'signed' ? <SignatureStatus current={current} /> : null}
      {amending ? (
        <Alert color="blue" title={`Amending version ${current?.version ?? ''}`} role="status">
          Change the fields that need correcting, then sign the amendment. The signed version stays on record.
        </Alert>
      ) : null}
    </>
  );
}

/** Who signed, the start of the signature hash, any amendment reason, and the co-signature still owed or given. */
function SignatureStatus({ current }: { current: ChartView }) {
  const cosigner = current.cosignedBy ?? '';
  return (
    <Alert
      color="teal"
      icon={<IconCircleCheck />}
      title={`Signed by ${current.signedName ?? ''} at ${when(current.signedAt)}`}
      role="status"
    >
      <Stack gap={4}>
        <Text size="sm">
          Version {current.version}. Signature <code>{(current.signatureHash ?? '').slice(0, 16)}</code>
        </Text>
        {current.amendmentReason ? <Text size="sm">Amendment: {current.amendmentReason}</Text> : null}
        {current.needsCosign && !current.cosignedBy ? (
          <Group>
            <Badge color="yellow" variant="light">
              Awaiting co-signature
            </Badge>
          </Group>
        ) : null}
        {cosigner ? (
          <Text size="sm">
            Co-signed by {cosigner} at {when(current.cosignedAt)}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
