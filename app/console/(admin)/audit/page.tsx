import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { consoleAccess } from '@/lib/console/require-admin';
import { auditQuerySchema, listAuditEvents } from '@/lib/audit/list-audit-events';
import { AuditFilters } from '@/components/console/audit/audit-filters';
import { AuditTable } from '@/components/console/audit/audit-table';
import { DataTablePagination } from '@/components/console/data-table-pagination';
import { PageHeader } from '@/components/console/page-header';

export const metadata: Metadata = { title: 'Audit Log' };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if ((await consoleAccess()).status !== 'admin') redirect('/console/sign-in');
  const raw = await searchParams;
  const clean = Object.fromEntries(Object.entries(raw).filter(([, v]) => v));
  const parsed = auditQuerySchema.safeParse(clean);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const { events, total } = await listAuditEvents(await getDb(), query);
  return (
    <div className="p-4 sm:p-6 lg:p-8">
      <PageHeader
        title="Audit Log"
        description="Every change to clients, scopes, users and API keys: who made it (an administrator, an API key or the CLI), when, and what changed."
      />
      <AuditFilters query={query} />
      <AuditTable events={events} />
      <DataTablePagination
        page={query.page}
        pageSize={query.page_size}
        total={total}
        summary={`${total} events`}
        href={(page) => `?${new URLSearchParams({ ...clean, page: String(page) })}`}
      />
    </div>
  );
}
