import { Badge, Button, Card, Group, Modal, Pagination, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useGet } from '../../api/use-api.js';
import { Page } from '../../components/page.js';
import { Empty, ErrorAlert, Loading } from '../../components/states.js';
import { ClientForm } from './client-form.js';

const PAGE = 20;

export function ClientsPage() {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [page, setPage] = useState(1);
  const [opened, { open, close }] = useDisclosure(false);
  const phone = useMediaQuery('(max-width: 40em)');
  const navigate = useNavigate();
  const list = useGet('/api/clients', { params: { query: { limit: PAGE, offset: (page - 1) * PAGE, ...(debounced ? { q: debounced } : {}) } } });
  const items = list.data?.items ?? [];

  return (
    <Page
      title="Clients"
      lead="Contact details of your clients. Opening a record is recorded in the audit trail."
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={open}>
          New client
        </Button>
      }
    >
      <TextInput
        label="Search clients"
        placeholder="Name, email or phone"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
      />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.loading && !list.data ? <Loading label="Loading clients" /> : null}
      {list.data && items.length === 0 ? (
        <Empty title={debounced ? 'No client matches your search' : 'No clients yet'} action={<Button onClick={open}>Add the first client</Button>}>
          {debounced ? 'Try part of the name, the email or the phone number.' : 'Clients appear here when they register or when you add them.'}
        </Empty>
      ) : null}
      {items.length > 0 && phone ? (
        <SimpleGrid cols={1}>
          {items.map((c) => (
            <Card key={c.id} withBorder component={Link} to={`/console/clients/${c.id}`} style={{ textDecoration: 'none' }}>
              <Group justify="space-between">
                <Text fw={600}>
                  {c.firstName} {c.lastName}
                </Text>
                {c.hasAccount ? <Badge variant="light">Portal</Badge> : null}
              </Group>
              <Text size="sm" c="dimmed">
                {c.phone ?? 'No phone'} · {c.email ?? 'No email'}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      ) : null}
      {items.length > 0 && !phone ? (
        <Table highlightOnHover striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Portal account</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/console/clients/${c.id}`)}>
                <Table.Td>
                  <Link to={`/console/clients/${c.id}`}>
                    {c.firstName} {c.lastName}
                  </Link>
                </Table.Td>
                <Table.Td>{c.phone ?? '—'}</Table.Td>
                <Table.Td>{c.email ?? '—'}</Table.Td>
                <Table.Td>{c.hasAccount ? 'Yes' : 'No'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {list.data && list.data.total > PAGE ? (
        <Stack align="center">
          <Pagination total={Math.ceil(list.data.total / PAGE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': `${c} page` })} />
        </Stack>
      ) : null}
      <Modal opened={opened} onClose={close} title="New client" size="lg">
        <ClientForm
          submitLabel="Create client"
          onSaved={(c) => {
            close();
            void navigate(`/console/clients/${c.id}`);
          }}
        />
      </Modal>
    </Page>
  );
}
