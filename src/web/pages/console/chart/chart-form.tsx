// The chart form for one booking: holds the form and the amending state, and lays out the sections in the order a treatment runs.
import { Alert, Stack } from '@mantine/core';
import { useState } from 'react';
import type { Schemas } from '../../../api/client.js';
import { AmendControls } from './amend-controls.js';
import { AreasSection } from './areas-section.js';
import { FailureAlert } from './chart-controls.js';
import { initialForm, toBody, type FormPartProps, type FormState } from './chart-form-state.js';
import { ChartStatus } from './chart-header.js';
import { CosignSection } from './cosign-section.js';
import type { ChartResponse, Device, Lot } from './chart-types.js';
import { DeviceLotsSection } from './device-lots-section.js';
import { OutcomeSection } from './outcome-section.js';
import { ChecklistSection, NumbingSection } from './preparation-sections.js';
import { ProductsSection } from './products-section.js';
import { SignSection } from './sign-section.js';
import { useChartSubmit } from './use-chart-submit.js';
import { VersionsSection } from './versions-section.js';

type Booking = Schemas['Booking'];

export function ChartForm({
  booking,
  data,
  devices,
  lots,
  setupError,
  onSaved,
}: {
  booking: Booking;
  data: ChartResponse;
  devices: Device[] | undefined;
  lots: Lot[] | undefined;
  setupError: unknown;
  onSaved: () => void;
}) {
  const current = data.current;
  const rf = booking.service.modality === 'rf';
  const [form, setForm] = useState<FormState>(() => initialForm(booking, current?.chart));
  const [amending, setAmending] = useState(false);
  const [amendOpen, setAmendOpen] = useState(false);
  const submit = useChartSubmit(booking.id, onSaved);

  const signed = current?.status === 'signed';
  // A chart is started only at check-in; one already started stays open to finish.
  const notCheckedIn = booking.status !== 'checked_in' && !current;
  const readOnly = (signed && !amending) || notCheckedIn;

  const part: FormPartProps = {
    form,
    set: (patch) => setForm((f) => ({ ...f, ...(typeof patch === 'function' ? patch(f) : patch) })),
    err: submit.err,
    readOnly,
  };

  return (
    <Stack gap="md">
      <ChartStatus
        current={current}
        notCheckedIn={notCheckedIn}
        amending={amending}
        setupError={setupError}
      />

      <ChecklistSection {...part} />
      <NumbingSection {...part} />
      <DeviceLotsSection {...part} booking={booking} devices={devices} lots={lots} />
      <AreasSection {...part} rf={rf} />
      <ProductsSection {...part} />
      <OutcomeSection {...part} />

      {/* While the amendment dialog is open, its own alert shows the failure instead. */}
      {submit.failure && !amendOpen ? (
        <FailureAlert title="Could not save the chart" failure={submit.failure} />
      ) : null}
      {submit.saved ? (
        <Alert color="teal" role="status">
          {submit.saved}
        </Alert>
      ) : null}

      {!signed && !notCheckedIn ? (
        <SignSection
          busy={submit.busy}
          err={submit.err}
          onSave={(sign, signedName) => void submit.save(() => toBody(form, rf), sign, signedName)}
        />
      ) : null}

      <AmendControls
        current={current}
        amending={amending}
        opened={amendOpen}
        busy={submit.busy}
        failure={submit.failure}
        err={submit.err}
        onStart={() => {
          setAmending(true);
          setAmendOpen(true);
        }}
        onCancel={() => {
          // Back to the signed version as it was, discarding the unsigned changes.
          setAmending(false);
          if (current) setForm(initialForm(booking, current.chart));
          submit.clear();
        }}
        onOpen={() => setAmendOpen(true)}
        onClose={() => setAmendOpen(false)}
        onSign={(reason, signedName) => {
          if (current)
            void submit.amend(
              current.id,
              () => toBody(form, rf),
              reason,
              signedName,
              () => setAmendOpen(false),
            );
        }}
      />

      <CosignSection current={current} onDone={onSaved} />

      <VersionsSection versions={data.versions} />
    </Stack>
  );
}
