// Outbound systems the services need, implemented in src/adapters and wired in src/main.

export interface IdentityPort {
  /** creates a sign-in identity with a password (hashed by the auth library); throws conflict on a taken email */
  createUser(input: { name: string; email: string; password: string }): Promise<{ userId: string }>;
  /** whether the password is this user's (no session is created) */
  verifyPassword(userId: string, password: string): Promise<boolean>;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer | string; contentType: string }[];
}

export interface EmailPort {
  send(message: EmailMessage): Promise<void>;
}

/** Where uploaded files live (a local folder by default); keys never come from user input. */
export interface StoragePort {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
}

export interface SmsPort {
  send(message: { to: string; text: string }): Promise<void>;
}

export interface CheckoutRequest {
  amountCents: number;
  currency: string;
  description: string;
  successUrl: string;
  cancelUrl: string;
  idempotencyKey: string;
  /** ids only (organization, client, booking or invoice); never health details */
  metadata: Record<string, string>;
}

export interface CheckoutState {
  id: string;
  paid: boolean;
  amountCents: number;
  currency: string;
  metadata: Record<string, string>;
  /** the processor's payment reference */
  paymentRef: string | null;
}

/** Card payments through a hosted checkout page (Stripe); absent when no keys are configured. */
export interface PaymentsPort {
  createCheckout(input: CheckoutRequest): Promise<{ id: string; url: string }>;
  getCheckout(id: string): Promise<CheckoutState>;
  /** card payments on our own page (Stripe's Payment Element), saved cards and charges to them */
  cards?: CardPaymentsPort;
}

/** A payment or setup intent as the processor reports it; only a final status is trusted. */
export interface IntentState {
  id: string;
  kind: 'payment' | 'setup';
  /** succeeded, processing, requires_payment_method (declined), requires_action (3-D Secure), canceled... */
  status: string;
  clientSecret: string;
  amountCents: number;
  currency: string;
  customerId: string | null;
  paymentMethodId: string | null;
  /** the saved card, when the processor tells (brand and last four digits only) */
  card: { brand: string; last4: string } | null;
  /** ids only (organization, client, booking, purpose) */
  metadata: Record<string, string>;
  /** the processor's reason of the last failure, e.g. card_declined */
  lastErrorCode: string | null;
}

export interface CardIntentRequest {
  customerId: string;
  idempotencyKey: string;
  metadata: Record<string, string>;
}

/** The answer to a charge made without the client: paid, or refused (declined, needs the client to authenticate). */
export type OffSessionCharge = { ok: true; intent: IntentState } | { ok: false; code: string; message: string; intentId: string | null };

export interface CardPaymentsPort {
  createCustomer(input: { idempotencyKey: string; metadata: Record<string, string> }): Promise<{ id: string }>;
  /** a payment that also saves the card for later charges (setup_future_usage=off_session) */
  createPaymentIntent(input: CardIntentRequest & { amountCents: number; currency: string; description: string }): Promise<IntentState>;
  getPaymentIntent(id: string): Promise<IntentState>;
  /** saves a card without charging it */
  createSetupIntent(input: CardIntentRequest): Promise<IntentState>;
  getSetupIntent(id: string): Promise<IntentState>;
  /** charges a saved card with the client absent (off_session, confirm) */
  chargeSavedCard(input: CardIntentRequest & { amountCents: number; currency: string; description: string; paymentMethodId: string }): Promise<OffSessionCharge>;
}

/**
 * Seals a secret (a reset, invitation or verification link) so a stored message never shows it;
 * only the delivery step opens it. Implemented with a key derived from the server secret.
 */
export interface SecretBox {
  seal(plain: string): string;
  /** throws when the sealed text was altered or sealed with another key */
  open(sealed: string): string;
}
