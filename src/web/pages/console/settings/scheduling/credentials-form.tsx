import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { call, http } from '../../../../api/client.js';
import { useSubmit, FormError } from './helpers.js';
import type { Provider, Credential } from './types.js';

export function CredentialsForm({ provider, onDone }: { provider: Provider; onDone: () => void }) {
  const [rows, setRows] = useState<Credential[]>(() => provider.credentials.map((c) => ({ ...c })));
  const save = useSubmit((p) => /^credentials\.\d+\.(credential|expiresOn)$/.test(p));
  const update = (i: number, patch: Partial<Credential>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const blank = rows.some((r) => r.credential.trim() === '');
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Credentials a service may require (for example a device certification). Leave the date empty if it
        does not expire.
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No credentials.
        </Text>
      ) : null}
      {rows.map((r, i) => (
        <Group key={i} align="flex-start" gap="xs" wrap="wrap">
          <TextInput
            label={`Credential ${i + 1}`}
            style={{ flex: 1, minWidth: 180 }}
            value={r.credential}
            error={save.fields[`credentials.${i}.credential`]}
            onChange={(e) => update(i, { credential: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={`Credential ${i + 1} expires`}
            value={r.expiresOn ?? ''}
            error={save.fields[`credentials.${i}.expiresOn`]}
            onChange={(e) => update(i, { expiresOn: e.currentTarget.value || null })}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={26}
            aria-label={`Remove credential ${i + 1}`}
            onClick={() => setRows(rows.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => setRows([...rows, { credential: '', expiresOn: null }])}
      >
        Add credential
      </Button>
      <FormError error={save.error} />
      <Group justify="flex-end">
        <Button
          loading={save.busy}
          disabled={blank}
          onClick={() =>
            void save
              .run(
                () =>
                  call(
                    http.PUT('/api/providers/{userId}/credentials', {
                      params: { path: { userId: provider.id } },
                      body: {
                        credentials: rows.map((r) => ({
                          credential: r.credential.trim(),
                          expiresOn: r.expiresOn,
                        })),
                      },
                    }),
                  ),
                `Credentials saved for ${provider.name}.`,
              )
              .then((ok) => ok && onDone())
          }
        >
          Save credentials
        </Button>
      </Group>
    </Stack>
  );
}
