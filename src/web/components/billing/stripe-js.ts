// Stripe.js, loaded at run time from the URL the server names (STRIPE_JS_URL; Stripe's own in
// production, a loopback fake in tests) by a script tag, never bundled: Stripe requires it be
// loaded from its origin, and the CSP allows that origin only when payment keys are set.

/** The part of Stripe.js Dermis uses. */
export interface StripeElement {
  mount(target: HTMLElement): void;
  on(event: 'ready' | 'change', handler: (e: unknown) => void): StripeElement;
  destroy(): void;
}
export interface StripeElements {
  create(type: 'payment', options?: Record<string, unknown>): StripeElement;
}
export interface StripeConfirmError {
  type?: string;
  code?: string;
  decline_code?: string;
  message?: string;
}
export interface StripeConfirmResult {
  error?: StripeConfirmError;
  paymentIntent?: { id: string; status: string };
  setupIntent?: { id: string; status: string };
}
export interface StripeClient {
  elements(options: { clientSecret: string; appearance?: Record<string, unknown> }): StripeElements;
  confirmPayment(options: { elements: StripeElements; redirect: 'if_required'; confirmParams?: { return_url: string } }): Promise<StripeConfirmResult>;
  confirmSetup(options: { elements: StripeElements; redirect: 'if_required'; confirmParams?: { return_url: string } }): Promise<StripeConfirmResult>;
}

declare global {
  interface Window {
    Stripe?: (publishableKey: string) => StripeClient;
  }
}

const loading = new Map<string, Promise<NonNullable<Window['Stripe']>>>();

/** Loads Stripe.js once per URL and hands back its `Stripe` constructor. */
export function loadStripeJs(url: string): Promise<NonNullable<Window['Stripe']>> {
  const known = loading.get(url);
  if (known) return known;
  const p = new Promise<NonNullable<Window['Stripe']>>((resolve, reject) => {
    if (window.Stripe) return resolve(window.Stripe);
    const s = document.createElement('script');
    s.src = url;
    s.async = true;
    s.onload = () => (window.Stripe ? resolve(window.Stripe) : reject(new Error('Card payment could not start. Try again, or pay at the desk.')));
    s.onerror = () => {
      loading.delete(url);
      s.remove();
      reject(new Error('Card payment could not load. Check your connection and try again, or pay at the desk.'));
    };
    document.head.appendChild(s);
  });
  loading.set(url, p);
  return p;
}

/** What a client reads when Stripe.js refuses a card: plain words, never a code. */
export function declineText(e: StripeConfirmError): string {
  if (e.code === 'card_declined' || e.decline_code) return 'Your card was declined. Try another card or pay at the desk.';
  if (e.code === 'payment_intent_authentication_failure' || e.code === 'setup_intent_authentication_failure') return 'Your bank could not confirm it was you. Try again or use another card.';
  if (e.code === 'expired_card') return 'Your card has expired. Try another card.';
  if (e.code === 'incorrect_cvc') return "The card's security code is not right. Check it and try again.";
  if (e.type === 'validation_error' && e.message) return e.message;
  return 'The card was not charged. Try again, use another card, or pay at the desk.';
}
