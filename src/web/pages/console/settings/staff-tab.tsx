import { Alert, Badge, Button, Card, Group, Modal, ScrollArea, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError, call, errorText, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { ROLE_LABEL } from '../../../api/types.js';
import { useSession } from '../../../auth/session.js';
import { ErrorAlert, Loading } from '../../../components/states.js';
import { ProfileModal } from './profile-modal.js';
import { RenameStaffModal } from './rename-staff-modal.js';

type StaffMember = Schemas['StaffMember'];
type LicenceType = NonNullable<Schemas['StaffLicence']['licenceType']>;
type InviteRole = Schemas['NewInvitation']['role'];

const LICENCE: Record<LicenceType, string> = { md: 'MD', do: 'DO', np: 'NP', pa: 'PA', rn: 'RN', lvn: 'LVN', esthetician: 'Esthetician', master_esthetician: 'Master esthetician' };
const INVITE_ROLES: InviteRole[] = ['provider', 'front_desk', 'medical_director', 'owner'];

// the staff list sends a role and a licence type as plain text: known ones get their label, others show as sent
const isLicenceType = (t: string | null): t is LicenceType => t !== null && Object.hasOwn(LICENCE, t);
const isRole = (r: string): r is keyof typeof ROLE_LABEL => Object.hasOwn(ROLE_LABEL, r);
const roleLabel = (r: string) => (isRole(r) ? ROLE_LABEL[r] : r);

/** Licence type, number, state and expiry: they decide who may review and what each may perform. */
function LicenceModal({ member, onClose, onSaved }: { member: StaffMember; onClose: () => void; onSaved: () => void }) {
  const [type, setType] = useState<LicenceType | null>(isLicenceType(member.licenceType) ? member.licenceType : null);
  const [number, setNumber] = useState(member.licenceNumber ?? '');
  const [state, setState] = useState(member.licenceState ?? '');
  const [expires, setExpires] = useState(member.licenceExpiresOn ?? '');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await call(
        http.PUT('/api/staff/{userId}/licence', {
          params: { path: { userId: member.userId } },
          body: { licenceType: type, licenceNumber: number.trim() || null, licenceState: state.trim().toUpperCase() || null, licenceExpiresOn: expires || null },
        }),
      );
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fieldErrors());
      setError(errorText(e));
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Licence: ${member.name}`}>
      <Stack>
        <Select label="Licence type" data={Object.entries(LICENCE).map(([value, label]) => ({ value, label }))} value={type} onChange={(v) => setType(isLicenceType(v) ? v : null)} clearable error={fields.licenceType} />
        <TextInput label="Licence number" value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={fields.licenceNumber} />
        <TextInput label="State" description="Two letters, for example TX" value={state} onChange={(e) => setState(e.currentTarget.value)} maxLength={2} error={fields.licenceState} />
        <TextInput label="Expires on" type="date" value={expires} onChange={(e) => setExpires(e.currentTarget.value)} error={fields.licenceExpiresOn} />
        {error ? <Alert color="red">{error}</Alert> : null}
        <Button onClick={() => void save()}>Save licence</Button>
      </Stack>
    </Modal>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<Schemas['NewInvitation']>({ initialValues: { email: '', role: 'provider' } });
  const submit = form.onSubmit(async (v) => {
    try {
      await call(http.POST('/api/invitations', { body: v }));
      setMsg({ ok: true, text: `Invitation sent to ${v.email}. It is valid for 3 days.` });
      form.reset();
      onInvited();
    } catch (e) {
      if (e instanceof ApiError) form.setErrors(e.fieldErrors());
      setMsg({ ok: false, text: errorText(e) });
    }
  });
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb="sm">
        Invite a team member
      </Title>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Email" type="email" style={{ flex: 1, minWidth: 220 }} {...form.getInputProps('email')} />
          <Select label="Role" data={INVITE_ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))} allowDeselect={false} {...form.getInputProps('role')} />
          <Button type="submit">Send invitation</Button>
        </Group>
      </form>
      {msg ? (
        <Alert mt="sm" color={msg.ok ? 'teal' : 'red'}>
          {msg.text}
        </Alert>
      ) : null}
    </Card>
  );
}

export function StaffTab() {
  const { me } = useSession();
  const staff = useGet('/api/staff', {});
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [profileOf, setProfileOf] = useState<StaffMember | null>(null);
  const [renaming, setRenaming] = useState<StaffMember | null>(null);
  // the public profile: the clinician themself or the owner
  const canEditProfile = (s: StaffMember) => (s.role === 'provider' || s.role === 'medical_director') && (me?.role === 'owner' || me?.user.id === s.userId);
  const canEditLicence = me?.role === 'owner' || me?.role === 'medical_director';
  if (staff.loading && !staff.data) return <Loading label="Loading staff" />;
  if (staff.error) return <ErrorAlert error={staff.error} />;
  return (
    <Stack>
      {me?.role === 'owner' ? <InviteForm onInvited={staff.reload} /> : null}
      {editing ? (
        <LicenceModal
          member={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            staff.reload();
          }}
        />
      ) : null}
      {renaming ? (
        <RenameStaffModal
          member={renaming}
          onClose={() => setRenaming(null)}
          onSaved={() => {
            setRenaming(null);
            staff.reload();
          }}
        />
      ) : null}
      {profileOf ? <ProfileModal userId={profileOf.userId} name={profileOf.name} onClose={() => setProfileOf(null)} /> : null}
      <ScrollArea>
        <Table miw={640} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Licence</Table.Th>
              <Table.Th>Two-step sign-in</Table.Th>
              <Table.Th>Edit</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {staff.data?.items.map((s) => (
              <Table.Tr key={s.userId}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {s.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.title || s.email}
                  </Text>
                </Table.Td>
                <Table.Td>{roleLabel(s.role)}</Table.Td>
                <Table.Td>
                  {s.licenceType ? (
                    <Text size="sm">
                      {isLicenceType(s.licenceType) ? LICENCE[s.licenceType] : s.licenceType} {s.licenceState} {s.licenceNumber}
                      <br />
                      <Text span size="xs" c={s.licenceExpiresOn && s.licenceExpiresOn < new Date().toISOString().slice(0, 10) ? 'red' : 'dimmed'}>
                        expires {s.licenceExpiresOn ?? 'unknown'}
                      </Text>
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{s.twoFactorEnabled ? <Badge color="teal">On</Badge> : <Badge color="gray">Off</Badge>}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {me?.role === 'owner' ? (
                      <Button size="compact-xs" variant="light" onClick={() => setRenaming(s)}>
                        Name
                      </Button>
                    ) : null}
                    {canEditLicence && s.role !== 'client' ? (
                      <Button size="compact-xs" variant="light" onClick={() => setEditing(s)}>
                        Licence
                      </Button>
                    ) : null}
                    {canEditProfile(s) ? (
                      <Button size="compact-xs" variant="light" onClick={() => setProfileOf(s)}>
                        Public profile
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
