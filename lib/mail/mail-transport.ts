import { readFileSync } from 'node:fs';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { env } from '@/lib/config/env';

/** What the console may show about the SMTP server: never the credentials. */
export interface MailServerSummary {
  host: string;
  port: number;
  /** 'tls': smtps:// (TLS from the first byte); 'starttls': smtp:// upgraded when the server offers it (required with SMTP_REQUIRE_TLS). */
  security: 'tls' | 'starttls' | 'starttls_required';
  from: string;
  authenticated: boolean;
}

/**
 * How long one SMTP conversation may take. nodemailer's defaults (2 minutes to connect,
 * 10 minutes of silence) would hold a queue claim far too long; a server that has not
 * answered within these is tried again later.
 */
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;

/** Upper bound of one delivery attempt (connect + greeting + the exchange), used for the queue's claim. */
export const ATTEMPT_TIMEOUT_MS = CONNECTION_TIMEOUT_MS + GREETING_TIMEOUT_MS + 4 * SOCKET_TIMEOUT_MS;

export function mailServerSummary(): MailServerSummary | undefined {
  const { SMTP_URL, MAIL_FROM, SMTP_REQUIRE_TLS } = env();
  if (!SMTP_URL || !MAIL_FROM) return undefined;
  const url = new URL(SMTP_URL);
  const tls = url.protocol === 'smtps:';
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port) || (tls ? 465 : 587),
    security: tls ? 'tls' : SMTP_REQUIRE_TLS ? 'starttls_required' : 'starttls',
    from: MAIL_FROM,
    authenticated: url.username !== '',
  };
}

interface TransportState {
  key?: string;
  transporter?: Transporter<SMTPTransport.SentMessageInfo>;
}
const state = ((globalThis as unknown as { thalamusMailTransport?: TransportState }).thalamusMailTransport ??= {});

/**
 * The nodemailer transport built from SMTP_URL (credentials percent-encoded in the URL)
 * and the TLS settings. Certificates are verified unless SMTP_TLS_REJECT_UNAUTHORIZED=false;
 * SMTP_CA_FILE adds a private CA. One connection per message: mail is rare here, and a
 * pool would hold sockets open to a server that may go away.
 */
export function mailTransport(): Transporter<SMTPTransport.SentMessageInfo> {
  const { SMTP_URL, MAIL_FROM, SMTP_REQUIRE_TLS, SMTP_TLS_REJECT_UNAUTHORIZED, SMTP_CA_FILE } = env();
  if (!SMTP_URL || !MAIL_FROM) throw new Error('SMTP is not configured');
  const key = JSON.stringify([SMTP_URL, MAIL_FROM, SMTP_REQUIRE_TLS, SMTP_TLS_REJECT_UNAUTHORIZED, SMTP_CA_FILE]);
  if (state.transporter && state.key === key) return state.transporter;
  const url = new URL(SMTP_URL);
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const options: SMTPTransport.Options = {
    host,
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    requireTLS: !secure && SMTP_REQUIRE_TLS,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    tls: {
      rejectUnauthorized: SMTP_TLS_REJECT_UNAUTHORIZED,
      ...(SMTP_CA_FILE ? { ca: readFileSync(SMTP_CA_FILE, 'utf8') } : {}),
    },
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    // nodemailer's own logger would print message contents: keep it off.
    logger: false,
    debug: false,
  };
  state.transporter?.close();
  state.transporter = nodemailer.createTransport(options, { from: MAIL_FROM });
  state.key = key;
  return state.transporter;
}
