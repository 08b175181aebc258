import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { statementsSent } from '../db/statement-count';

/**
 * Prometheus metrics (text exposition format at /metrics, lib/observability/metrics-route.ts).
 * One registry per process, kept on globalThis: Next.js may load this module once per
 * route bundle, and every copy must count into the same series. Labels take few values
 * (endpoint templates, grant types, outcomes), never an ID, so series stay bounded.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metric = { registers: [registry] };
  return {
    registry,
    httpRequests: new Counter({
      ...metric,
      name: 'thalamus_http_requests_total',
      help: 'Protocol and admin API requests, by endpoint template, method and status',
      labelNames: ['endpoint', 'method', 'status'] as const,
    }),
    httpDuration: new Histogram({
      ...metric,
      name: 'thalamus_http_request_duration_seconds',
      help: 'Time to answer a protocol or admin API request, by endpoint template',
      labelNames: ['endpoint'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
    tokensIssued: new Counter({
      ...metric,
      name: 'thalamus_tokens_issued_total',
      help: 'Successful token endpoint requests, by grant type and client type',
      labelNames: ['grant_type', 'client_type'] as const,
    }),
    tokenErrors: new Counter({ ...metric, name: 'thalamus_token_errors_total', help: 'Refused token endpoint requests, by OAuth error code', labelNames: ['error'] as const }),
    signIns: new Counter({
      ...metric,
      name: 'thalamus_sign_ins_total',
      help: 'Sign-in attempts on the hosted pages, by outcome (succeeded, failed, locked, mfa_failed, …)',
      labelNames: ['outcome'] as const,
    }),
    lockouts: new Counter({ ...metric, name: 'thalamus_lockouts_total', help: 'Accounts locked after too many failed sign-ins or codes' }),
    serverErrors: new Counter({
      ...metric,
      name: 'thalamus_server_errors_total',
      help: 'Requests that failed on the server side (database or code), by where',
      labelNames: ['source'] as const,
    }),
    // Read from lib/db at each scrape, so the database layer depends on nothing here.
    databaseStatements: new Counter({
      ...metric,
      name: 'thalamus_db_statements_total',
      help: 'SQL statements sent to the database (queries, writes, BEGIN and COMMIT)',
      collect() {
        this.reset();
        this.inc(statementsSent());
      },
    }),
    databaseUp: new Gauge({ ...metric, name: 'thalamus_database_up', help: '1 when the database answered the last scrape, else 0' }),
    databasePing: new Gauge({ ...metric, name: 'thalamus_database_ping_seconds', help: 'How long the database took to answer SELECT 1 at the last scrape' }),
    mailQueue: new Gauge({
      ...metric,
      name: 'thalamus_mail_queue_messages',
      help: 'Messages in the mail queue, by status (queued, sent, failed)',
      labelNames: ['status'] as const,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const KEY = Symbol.for('thalamus.metrics');

export function metrics(): Metrics {
  const holder = globalThis as { [KEY]?: Metrics };
  return (holder[KEY] ??= createMetrics());
}
