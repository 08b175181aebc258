import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { consoleAccess } from '@/lib/console/require-admin';
import { auditQuerySchema, listAuditEvents } from '@/lib/audit/list-audit-events';
import { listSecurityEvents, securityEventQuerySchema } from '@/lib/security-events/list-security-events';
import { AuditFilters } from '@/components/console/audit/audit-filters';
import { AuditTable } from '@/components/console/audit/audit-table';
import { AuditViews } from '@/components/console/audit/audit-views';
import { SecurityEventFilters } from '@/components/console/audit/security-event-filters';
import { SecurityEventsTable } from '@/components/console/audit/security-events-table';
import { DataTablePagination } from '@/components/console/data-table-pagination';
import { PageHeader } from '@/components/console/page-header';
import type { z } from 'zod';

export const metadata: Metadata = { title: 'Audit Log' };

/** The URL is the admin's to edit: a value the schema refuses falls back to no filter. */
function parseOr<S extends z.ZodType>(schema: S, values: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(values);
  return parsed.success ? parsed.data : schema.parse({});
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if ((await consoleAccess()).status !== 'admin') redirect('/console/sign-in');
  const raw = await searchParams;
  const clean = Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
  const security = clean.view === 'security';
  const db = await getDb();
  const href = (page: number) => `?${new URLSearchParams({ ...clean, page: String(page) })}`;
  return (
    <div className="p-4 sm:p-6 lg:p-8">
      <PageHeader
        title="Audit Log"
        description={
          security
            ? 'What happened to accounts: sign-ins (successful, failed, locked), password and two-step verification changes, resets and revoked sessions, with the address and browser.'
            : 'Every change to clients, scopes, users and API keys: who made it (an administrator, an API key or the CLI), when, and what changed.'
        }
      />
      <AuditViews current={security ? 'security' : 'changes'} />
      {security ? <SecurityEventsView values={clean} href={href} db={db} /> : <ChangesView values={clean} href={href} db={db} />}
    </div>
  );
}

type ViewProps = { values: Record<string, string>; href: (page: number) => string; db: Awaited<ReturnType<typeof getDb>> };

async function ChangesView({ values, href, db }: ViewProps) {
  const query = parseOr(auditQuerySchema, values);
  const { events, total } = await listAuditEvents(db, query);
  return (
    <>
      <AuditFilters query={query} />
      <AuditTable events={events} />
      <DataTablePagination page={query.page} pageSize={query.page_size} total={total} summary={`${total} events`} href={href} />
    </>
  );
}

async function SecurityEventsView({ values, href, db }: ViewProps) {
  const query = parseOr(securityEventQuerySchema, values);
  const { events, total } = await listSecurityEvents(db, query);
  return (
    <>
      <SecurityEventFilters query={query} />
      <SecurityEventsTable events={events} />
      <DataTablePagination page={query.page} pageSize={query.page_size} total={total} summary={`${total} events`} href={href} />
    </>
  );
}
