// Saving a draft and signing a chart that has not been signed yet.
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { Section, SignatureNameInput } from './chart-controls.js';
import type { Busy } from './use-chart-submit.js';

export function SignSection({
  busy,
  err,
  onSave,
}: {
  busy: Busy;
  err: (path: string) => string | undefined;
  onSave: (sign: boolean, signedName: string) => void;
}) {
  const [signedName, setSignedName] = useState('');
  return (
    <Section title="Save and sign">
      <Group>
        <Button
          variant="default"
          loading={busy === 'draft'}
          disabled={busy !== null}
          onClick={() => onSave(false, signedName)}
        >
          Save draft
        </Button>
      </Group>
      <SignatureNameInput value={signedName} error={err('signedName')} onChange={setSignedName} />
      <Group>
        <Button loading={busy === 'sign'} disabled={busy !== null} onClick={() => onSave(true, signedName)}>
          Sign chart
        </Button>
      </Group>
    </Section>
  );
}
