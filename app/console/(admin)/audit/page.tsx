import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { consoleAccess } from '@/lib/console/require-admin';
import { auditQuerySchema, listAuditEvents } from '@/lib/audit/list-audit-events';
import { AuditTable } from '@/components/console/audit/audit-table';
import { PageHeader } from '@/components/console/page-header';

export const metadata: Metadata = { title: 'Audit Log' };

const select = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950';

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if ((await consoleAccess()).status !== 'admin') redirect('/console/sign-in');
  const raw = await searchParams;
  const clean = Object.fromEntries(Object.entries(raw).filter(([, v]) => v));
  const parsed = auditQuerySchema.safeParse(clean);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const { events, total } = await listAuditEvents(await getDb(), query);
  const pages = Math.max(1, Math.ceil(total / query.page_size));
  const link = (page: number) => `?${new URLSearchParams({ ...clean, page: String(page) })}`;
  return (
    <main className="p-8">
      <PageHeader title="Audit Log" description="Every change to clients, scopes, users and API keys: who made it (an administrator, an API key or the CLI), when, and what changed." />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <label className="text-sm">
          <span className="mb-1 block font-medium">Actor</span>
          <select name="actor_type" defaultValue={query.actor_type ?? ''} className={select}>
            <option value="">Anyone</option>
            <option value="admin">Admin</option>
            <option value="api_key">API key</option>
            <option value="cli">CLI</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Target</span>
          <select name="target_type" defaultValue={query.target_type ?? ''} className={select}>
            <option value="">Anything</option>
            <option value="client">Client</option>
            <option value="api_key">API key</option>
            <option value="scope">Scope</option>
            <option value="user">User</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Target ID</span>
          <input name="target_id" defaultValue={query.target_id ?? ''} className={select} />
        </label>
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
          Filter
        </button>
      </form>
      <AuditTable events={events} />
      <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600 dark:text-slate-400">
        <p>{total} events</p>
        <p className="flex gap-3">
          {query.page > 1 && <a href={link(query.page - 1)} className="font-medium underline">Previous</a>}
          <span>
            Page {query.page} of {pages}
          </span>
          {query.page < pages && <a href={link(query.page + 1)} className="font-medium underline">Next</a>}
        </p>
      </nav>
    </main>
  );
}
