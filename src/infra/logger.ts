import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Patterns that look like credentials even when we were not told about them. */
const SECRET_PATTERNS: RegExp[] = [
  /\bbot\d{5,16}:[A-Za-z0-9_-]{30,50}/g, // Telegram file/API URLs carry the token after "bot"
  /\b\d{5,16}:[A-Za-z0-9_-]{30,50}\b/g, // bare bot tokens
  /\bsk-[A-Za-z0-9_-]{8,}/g, // gateway keys
];

/** Replaces known secrets and anything shaped like one with [REDACTED]. */
export function makeScrubber(secrets: readonly string[]): (text: string) => string {
  const literal = [...new Set(secrets.filter((s) => s.length >= 6))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => {
    let out = text;
    for (const s of literal) out = out.split(s).join('[REDACTED]');
    for (const re of SECRET_PATTERNS) out = out.replace(re, '[REDACTED]');
    return out;
  };
}

export interface LoggerOptions {
  level: string;
  secrets: readonly string[];
  destination?: DestinationStream;
}

/**
 * Structured JSON logs. Secrets are removed twice: by path (headers, tokens) and by
 * scanning every written line, so a token embedded in an error message or URL is caught too.
 */
export function createLogger({ level, secrets, destination }: LoggerOptions): Logger {
  const scrub = makeScrubber(secrets);
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'token',
          'apiKey',
          'key',
          'headers.authorization',
          'req.headers.authorization',
          'req.headers["x-telegram-bot-api-secret-token"]',
          '*.authorization',
          '*.apiKey',
        ],
        censor: '[REDACTED]',
      },
      hooks: { streamWrite: scrub },
      serializers: { err: pino.stdSerializers.err },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
