// Money is integer cents with a currency; arithmetic never touches floats.
export interface Money {
  cents: number;
  currency: string;
}

export const money = (cents: number, currency = 'USD'): Money => {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money must be whole cents, got ${cents}`);
  return { cents, currency };
};

function same(a: Money, b: Money) {
  if (a.currency !== b.currency) throw new RangeError(`cannot combine ${a.currency} and ${b.currency}`);
}

export const add = (a: Money, b: Money): Money => (same(a, b), money(a.cents + b.cents, a.currency));
export const sub = (a: Money, b: Money): Money => (same(a, b), money(a.cents - b.cents, a.currency));
export const times = (a: Money, n: number): Money => money(a.cents * n, a.currency);
export const zero = (currency = 'USD'): Money => money(0, currency);

/** "$1,234.50" for USD; other currencies use their code. */
export function formatMoney(m: Money): string {
  const sign = m.cents < 0 ? '-' : '';
  const abs = Math.abs(m.cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = String(abs % 100).padStart(2, '0');
  return m.currency === 'USD' ? `${sign}$${whole}.${frac}` : `${sign}${whole}.${frac} ${m.currency}`;
}
