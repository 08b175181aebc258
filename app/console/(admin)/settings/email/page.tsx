import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { env } from '@/lib/config/env';
import { consoleAccess } from '@/lib/console/require-admin';
import { getDb } from '@/lib/db/client';
import { listRecentMail } from '@/lib/mail/mail-admin';
import { mailServerSummary } from '@/lib/mail/mail-transport';
import { MailSettingsView } from '@/components/console/mail/mail-settings-view';

export const metadata: Metadata = { title: 'Email' };

export default async function EmailSettingsPage() {
  const access = await consoleAccess();
  if (access.status !== 'admin') redirect('/console/sign-in');
  const messages = await listRecentMail(await getDb());
  return <MailSettingsView server={mailServerSummary()} messages={messages} adminEmail={access.admin.email} retrySeconds={env().MAIL_RETRY_SECONDS} />;
}
