import { Badge, Button, Modal, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { modalityLabel, buffersSummary, Section, SetupTable } from './helpers.js';
import type { CardProps } from './types.js';
import { ServiceForm } from './service-form.js';

export function ServicesSection({ setup, canEdit, reload }: CardProps) {
  const [adding, setAdding] = useState(false);
  return (
    <Section
      title="Services"
      description="What can be booked, how long it takes, and the resources and buffers it needs."
    >
      <SetupTable
        heads={['Service', 'Kind', 'Modality', 'Duration', 'Needs', 'Buffers']}
        empty="No services yet."
      >
        {setup.services.map((s) => {
          const needs = ['provider', s.needsRoom ? 'room' : null, s.needsDevice ? 'device' : null]
            .filter(Boolean)
            .join(', ');
          return (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {s.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {s.code}
                  {s.credential ? ` · requires ${s.credential}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={s.kind === 'treatment' ? 'grape' : 'blue'}>
                  {s.kind === 'treatment' ? 'Treatment' : 'Consultation'}
                </Badge>
              </Table.Td>
              <Table.Td>{modalityLabel(s.modality)}</Table.Td>
              <Table.Td>
                <Text size="sm">{s.numbingMin + s.treatmentMin} min</Text>
                {s.numbingMin > 0 ? (
                  <Text size="xs" c="dimmed">
                    {s.numbingMin} numbing + {s.treatmentMin} treatment
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{needs}</Table.Td>
              <Table.Td>
                <Text size="sm">{buffersSummary(s.buffers)}</Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </SetupTable>
      {canEdit ? (
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setAdding(true)}
        >
          Add service
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          Only the owner can add services.
        </Text>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add service" size="lg">
        {adding ? (
          <ServiceForm
            onDone={() => {
              setAdding(false);
              reload();
            }}
          />
        ) : null}
      </Modal>
    </Section>
  );
}
