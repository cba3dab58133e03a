import { Alert, Button, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, call, errorText, http, type Schemas } from '../../../api/client.js';

/** The owner corrects a team member's name and title; the change is on the audit trail. */
export function RenameStaffModal({ member, onClose, onSaved }: { member: Schemas['StaffMember']; onClose: () => void; onSaved: () => void }) {
  const [name, setName] = useState(member.name);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await call(http.PUT('/api/staff/{userId}/name', { params: { path: { userId: member.userId } }, body: { name } }));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) setFieldError(e.fieldErrors().name);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Name: ${member.name}`} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        <TextInput label="Name and title" description="As clients see it, for example Maya Reyes, RN" value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError} />
        {error ? <Alert color="red">{error}</Alert> : null}
        <Button onClick={() => void save()} loading={busy}>
          Save name
        </Button>
      </Stack>
    </Modal>
  );
}
