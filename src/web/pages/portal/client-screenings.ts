// The client's own view of their screenings, in a file of its own so the portal home (the first
// screen a client opens) does not pull the whole My care page into its download.
import type { Schemas } from '../../api/client.js';

/** a screening as the client sees it (staff get the full record instead) */
export type ClientScreening = Schemas['ClientScreening'];

/** The client's view of their screenings: the list answers the client view to a client. */
export const clientViews = (items: Schemas['StoredScreening'][]): ClientScreening[] =>
  items.flatMap((s) => ('decision' in s ? [s] : []));
