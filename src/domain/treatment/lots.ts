// Product lot checks at the point of use.
import { Temporal } from 'temporal-polyfill';

export interface Lot {
  lotNumber: string;
  /** YYYY-MM-DD; the lot is still usable on this day */
  expiresOn: string;
  recalled: boolean;
}

/** Recall wins over expiry. onDate is YYYY-MM-DD (the treatment's local date). */
export function lotProblem(lot: Lot, onDate: string): null | { code: 'expired' | 'recalled'; message: string } {
  if (lot.recalled) return { code: 'recalled', message: `Lot ${lot.lotNumber} has been recalled; do not use it.` };
  if (Temporal.PlainDate.compare(Temporal.PlainDate.from(lot.expiresOn), Temporal.PlainDate.from(onDate)) < 0) {
    return { code: 'expired', message: `Lot ${lot.lotNumber} expired on ${lot.expiresOn}; do not use it.` };
  }
  return null;
}
