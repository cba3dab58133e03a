// The procedure chart for one booking: checklist, numbing, device and lots, areas, products, sign and amend.
// The parts live in ./chart/, one file for each thing done on the page; this file loads the data and puts them together.
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useGet } from '../../api/use-api.js';
import { Page } from '../../components/page.js';
import { ErrorAlert, Loading } from '../../components/states.js';
import { ChartForm } from './chart/chart-form.js';
import { chartLead } from './chart/chart-header.js';
import { ChartPhotos } from './chart/chart-photos.js';

export function ChartPage() {
  const { bookingId = '' } = useParams();
  const byBooking = bookingId ? { params: { path: { bookingId } } } : null;
  const booking = useGet('/api/bookings/{bookingId}', byBooking);
  const chart = useGet('/api/bookings/{bookingId}/chart', byBooking);
  const locationId = booking.data?.location.id;
  const byLocation = locationId ? { params: { path: { locationId } } } : null;
  const setup = useGet('/api/locations/{locationId}/scheduling-setup', byLocation);
  const lots = useGet('/api/locations/{locationId}/lots', byLocation);

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
