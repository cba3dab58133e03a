// Amending a signed chart: open the form for changes, then sign the amendment with a reason. The signed version stays on record.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FailureAlert, SignatureNameInput } from './chart-controls.js';
import type { ChartView } from './chart-types.js';
import type { Busy } from './use-chart-submit.js';

export function AmendControls({
  current,
  amending,
  opened,
  busy,
  failure,
  err,
  onStart,
  onCancel,
  onOpen,
  onClose,
  onSign,
}: {
  current: ChartView | null;
  amending: boolean;
  opened: boolean;
  busy: Busy;
  failure: unknown;
  err: (path: string) => string | undefined;
  onStart: () => void;
  onCancel: () => void;
  onOpen: () => void;
  onClose: () => void;
  onSign: (reason: string, signedName: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [amendName, setAmendName] = useState('');

  return (
    <>
      {current?.status === 'signed' ? (
        <Group>
          {amending ? (
            <>
              <Button onClick={onOpen}>Sign amendment</Button>
              <Button variant="default" onClick={onCancel}>
                Cancel amendment
              </Button>
            </>
          ) : (
            <Button variant="default" onClick={onStart}>
              Amend
            </Button>
          )}
        </Group>
      ) : null}

      {/* The dialog can be closed to edit fields and reopened; what it signs is the form as it is when submitted. */}
      <Modal opened={opened} onClose={onClose} title="Amend the signed chart">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSign(reason, amendName);
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              The amendment records the chart as it is in the form now, as version{' '}
              {(current?.version ?? 0) + 1}. Close this to change fields first, then choose Sign amendment.
            </Text>
            <Textarea
              label="Reason for the amendment"
              required
              autosize
              minRows={2}
              value={reason}
              error={err('reason')}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <SignatureNameInput
              value={amendName}
              error={err('signedName')}
              required
              onChange={setAmendName}
            />
            {failure && opened ? <FailureAlert title="Could not amend the chart" failure={failure} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Close
              </Button>
              <Button type="submit" loading={busy === 'amend'}>
                Sign amendment
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
