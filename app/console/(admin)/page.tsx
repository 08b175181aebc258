import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { consoleAccess } from '@/lib/console/require-admin';
import { directoryCounts, firstSteps, todayCounts } from '@/lib/overview/overview-counts';
import { OverviewView } from '@/components/console/overview/overview-view';

export const metadata: Metadata = { title: 'Overview' };

/** The console's landing page: what there is, what happened today, and the first steps. */
export default async function OverviewPage() {
  const access = await consoleAccess();
  if (access.status !== 'admin') redirect('/console/sign-in');
  const db = await getDb();
  const [directory, today, steps] = await Promise.all([directoryCounts(db), todayCounts(db), firstSteps(db)]);
  return <OverviewView directory={directory} today={today} steps={steps} />;
}
