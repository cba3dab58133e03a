// The medical director's co-signature, at the foot of the signed chart: only here, after the whole
// chart above, and with the co-signer's full name typed (the server checks it against their account).
import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError, call, errorText, http } from '../../../api/client.js';
import { useSession } from '../../../auth/session.js';
import { Section, SignatureNameInput } from './chart-controls.js';
import type { ChartView } from './chart-types.js';

export function CosignSection({ current, onDone }: { current: ChartView | null; onDone: () => void }) {
  const { me } = useSession();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  if (me?.role !== 'medical_director' || !current || current.status !== 'signed' || !current.needsCosign || current.cosignedBy) return null;
  const cosign = async () => {
    if (name.trim().length < 2) {
      setError('Type your full name to co-sign');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await call(http.POST('/api/charts/{chartId}/cosign', { params: { path: { chartId: current.id } }, body: { signedName: name } }));
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) setError(e.fieldErrors().signedName);
      setFailure(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="Co-sign this chart">
      <Text size="sm">
        You are co-signing version {current.version}, signed by {current.signedName ?? 'the provider'}. Read the whole chart above first: your signature says you reviewed it.
      </Text>
      <SignatureNameInput value={name} error={error} required onChange={(v) => { setName(v); setError(undefined); setFailure(null); }} />
      {failure ? <Alert color="red" role="alert" title="Could not co-sign">{failure}</Alert> : null}
      <Group>
        <Button loading={busy} onClick={() => void cosign()}>Co-sign chart</Button>
      </Group>
    </Section>
  );
}
