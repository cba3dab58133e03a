// The visit's photos sit above the chart and show as soon as the booking is known, even while the chart loads or cannot.
import type { Schemas } from '../../../api/client.js';
import { PhotoPanel } from '../../../components/clinical/photo-panel.js';

type Booking = Schemas['Booking'];

export function ChartPhotos({ booking }: { booking: Booking | undefined }) {
  return booking ? <PhotoPanel clientId={booking.client.id} clientName={booking.client.name} bookingId={booking.id} canUpload /> : null;
}
