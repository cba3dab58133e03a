import type { SmsPort } from '../../services/ports.js';

/**
 * Text messages through an HTTP gateway: POST {to, text} as JSON with a bearer token. Off unless
 * SMS_URL is set. A non-2xx answer is an error, so the outbox retries it.
 */
export function httpSms(url: string, token: string | undefined): SmsPort {
  return {
    async send(m) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to: m.to, text: m.text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
