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
