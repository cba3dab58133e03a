// The procedure chart for one booking: checklist, numbing, device and lots, areas, products, sign and amend.
// The parts live in ./chart/, one file for each thing done on the page; this file loads the data and puts them together.
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { Booking } from '../../api/clinical-types.js';
import { useApi } from '../../api/use-api.js';
import { Page } from '../../components/page.js';
import { ErrorAlert, Loading } from '../../components/states.js';
import { ChartForm } from './chart/chart-form.js';
import { chartLead } from './chart/chart-header.js';
import { ChartPhotos } from './chart/chart-photos.js';
import type { ChartResponse, Device, Lot } from './chart/chart-types.js';

export function ChartPage() {
  const { bookingId = '' } = useParams();
  const booking = useApi<Booking>(bookingId ? `/api/bookings/${bookingId}` : null);
  const chart = useApi<ChartResponse>(bookingId ? `/api/bookings/${bookingId}/chart` : null);
  const locationId = booking.data?.location.id;
  const setup = useApi<{ devices: Device[] }>(
    locationId ? `/api/locations/${locationId}/scheduling-setup` : null,
  );
  const lots = useApi<{ items: Lot[] }>(locationId ? `/api/locations/${locationId}/lots` : null);

  const b = booking.data;

  let body: ReactNode;
  if (booking.error) body = <ErrorAlert error={booking.error} title="Could not load the booking" />;
  else if (chart.error) body = <ErrorAlert error={chart.error} title="Could not load the chart" />;
  else if (!b || !chart.data) body = <Loading label="Loading the chart" />;
  else {
    const current = chart.data.current;
    body = (
      <ChartForm
        // A new version (after signing or amending) starts the form afresh from what was saved.
        key={`v${current?.version ?? 1}`}
        booking={b}
        data={chart.data}
        devices={setup.data?.devices}
        lots={lots.data?.items}
        setupError={setup.error ?? lots.error}
        onSaved={chart.reload}
      />
    );
  }

  return (
    <Page title="Procedure chart" lead={chartLead(b)}>
      <ChartPhotos booking={b} />
      {body}
    </Page>
  );
}
