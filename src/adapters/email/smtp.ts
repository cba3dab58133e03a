import nodemailer from 'nodemailer';
import type { EmailPort } from '../../services/ports.js';

/** Email over SMTP (smtp:// or smtps:// URL with credentials). */
export function smtpEmail(url: string, from: string): EmailPort & { close(): void } {
  const transport = nodemailer.createTransport(url);
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, attachments: m.attachments });
    },
    close: () => transport.close(),
  };
}
