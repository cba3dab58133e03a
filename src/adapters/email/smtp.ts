import type { Transporter } from 'nodemailer';
import type { EmailPort } from '../../services/ports.js';

/** Email over SMTP (smtp:// or smtps:// URL with credentials). */
export function smtpEmail(url: string, from: string): EmailPort & { close(): void } {
  // nodemailer is loaded with the first message, not at start-up (issue 14, item 6)
  let transport: Promise<Transporter> | null = null;
  const open = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(url)));
  return {
    async send(m) {
      await (await open()).sendMail({ from, to: m.to, subject: m.subject, text: m.text, attachments: m.attachments });
    },
    close: () => void transport?.then((t) => t.close()),
  };
}
