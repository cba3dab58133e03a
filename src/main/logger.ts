import pino from 'pino';

/**
 * Logs carry no personal or health data: request logs record route patterns, statuses and ids only,
 * and these paths are redacted in case a future log call passes a whole object by mistake.
 */
export function createLogger(level: string) {
  return pino({
    level,
    base: { app: 'dermis' },
    redact: {
      paths: ['email', '*.email', 'password', '*.password', 'name', '*.name', 'phone', '*.phone', 'body', '*.body', 'headers.cookie', 'req.headers.cookie'],
      censor: '[redacted]',
    },
  });
}
