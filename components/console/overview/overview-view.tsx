import Link from 'next/link';
import type { DirectoryCounts, FirstSteps, TodayCounts } from '@/lib/overview/overview-counts';
import { PageHeader } from '../page-header';
import { FirstStepsList } from './first-steps-list';

const number = new Intl.NumberFormat('en-GB');

/** Console › Overview: counts at a glance and the getting-started checklist. */
export function OverviewView({ directory, today, steps }: { directory: DirectoryCounts; today: TodayCounts; steps: FirstSteps }) {
  const failures = today.failedSignIns + today.failedTokenRequests;
  return (
    <div className="min-w-0 p-4 sm:p-6 lg:p-8">
      <PageHeader title="Overview" description="What Thalamus holds, what happened today, and where to start." />

      <section aria-labelledby="overview-counts" className="mb-10">
        <h2 id="overview-counts" className="mb-3 text-lg font-semibold">
          At a glance
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
          <Stat
            label="OAuth clients"
            value={directory.clients}
            note={`${number.format(directory.registeredClients)} registered, ${number.format(directory.clients - directory.registeredClients)} default`}
            href="/console/clients"
          />
          <Stat label="Users" value={directory.users} href="/console/users" />
          <Stat label="Sign-ins today" value={today.signIns} note="Completed on the hosted sign-in page" />
          <Stat label="Tokens issued today" value={today.tokensIssued} note="Successful token endpoint requests" />
          <Stat
            label="Failures today"
            value={failures}
            note={`${number.format(today.failedSignIns)} sign-in, ${number.format(today.failedTokenRequests)} token request`}
            alert={failures > 0}
          />
        </dl>
        <p className="mt-2 text-xs text-slate-500">Today is {today.day}, counted from 00:00 UTC.</p>
      </section>

      <FirstStepsList steps={steps} />
    </div>
  );
}

function Stat({ label, value, note, href, alert = false }: { label: string; value: number; note?: string; href?: string; alert?: boolean }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">
        {href ? (
          <Link href={href} className="hover:underline">
            {label}
          </Link>
        ) : (
          label
        )}
      </dt>
      <dd className={`mt-1 text-3xl font-semibold tabular-nums ${alert ? 'text-red-700 dark:text-red-400' : ''}`}>{number.format(value)}</dd>
      {note && <dd className="mt-1 text-xs text-slate-500">{note}</dd>}
    </div>
  );
}
