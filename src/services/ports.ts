// Outbound systems the services need, implemented in src/adapters and wired in src/main.

export interface IdentityPort {
  /** creates a sign-in identity with a password (hashed by the auth library); throws conflict on a taken email */
  createUser(input: { name: string; email: string; password: string }): Promise<{ userId: string }>;
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
