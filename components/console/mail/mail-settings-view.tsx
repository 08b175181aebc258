'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { retryMailAction, sendTestMailAction } from '@/lib/console/actions/mail-actions';
import type { MailQueueEntry } from '@/lib/mail/mail-admin';
import type { MailServerSummary } from '@/lib/mail/mail-transport';
import { Button } from '../button';
import { DataTable } from '../data-table';
import { Dialog } from '../dialog';
import { FormActions } from '../form-actions';
import { TextField } from '../form-field';
import { PageHeader } from '../page-header';
import { toast } from '../toaster';
import { mailQueueColumns } from './columns';
import { MailNotConfiguredNotice } from './mail-not-configured-notice';

const security: Record<MailServerSummary['security'], string> = {
  tls: 'TLS (smtps)',
  starttls: 'STARTTLS when the server offers it',
  starttls_required: 'STARTTLS required',
};

/** Settings › Email: the SMTP server Thalamus sends through, a test message, and the queue of recent messages. */
export function MailSettingsView({
  server,
  messages,
  adminEmail,
  retrySeconds,
}: {
  server?: MailServerSummary;
  messages: MailQueueEntry[];
  adminEmail: string;
  retrySeconds: number;
}) {
  const router = useRouter();
  const [testing, setTesting] = useState(false);
  const columns = mailQueueColumns({
    retry: async (message) => {
      const result = await retryMailAction(message.id);
      toast(result.ok ? `Message to ${message.to} queued again` : result.message, result.ok ? 'success' : 'error');
      router.refresh();
    },
  });
  return (
    <div className="min-w-0 p-4 sm:p-6 lg:p-8">
      <PageHeader
        section="Settings"
        title="Email"
        description="The SMTP server Thalamus sends password resets, invitations and address verification through, and what it sent lately."
      />

      <section aria-labelledby="smtp-server" className="mb-8 max-w-2xl">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="smtp-server" className="text-lg font-semibold">
            SMTP server
          </h2>
          {server && (
            <Button variant="primary" onClick={() => setTesting(true)}>
              Send test email
            </Button>
          )}
        </div>
        {server ? (
          <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 dark:border-slate-800 dark:bg-slate-900">
            <Detail label="Host" value={server.host} mono />
            <Detail label="Port" value={String(server.port)} mono />
            <Detail label="Security" value={security[server.security]} />
            <Detail label="Signs in" value={server.authenticated ? 'Yes, with the credentials in SMTP_URL' : 'No'} />
            <Detail label="From" value={server.from} />
            <Detail label="Retries" value={`After ${retrySeconds} s, then twice as long each time`} />
          </dl>
        ) : (
          <MailNotConfiguredNotice />
        )}
      </section>

      <section aria-labelledby="mail-queue">
        <h2 id="mail-queue" className="mb-1 text-lg font-semibold">
          Queue
        </h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          The {messages.length === 50 ? '50 most recent messages' : 'messages sent so far'}. A message the SMTP server does not take is retried; its text is erased once it is sent.
        </p>
        <DataTable columns={columns} data={messages} rowId={(m) => m.id} rowLabel={(m) => m.to} empty="No email sent yet." />
      </section>

      <Dialog open={testing} title="Send test email" onClose={() => setTesting(false)}>
        {testing && (
          <TestMailForm
            defaultTo={adminEmail}
            onCancel={() => setTesting(false)}
            onSent={(to) => {
              setTesting(false);
              toast(`Test email queued for ${to}`);
              router.refresh();
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

function Detail({ label, value, mono = false }: { label: string; value: string; mono?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className={`break-words ${mono ? 'font-mono' : ''}`}>
        <bdi>{value}</bdi>
      </dd>
    </div>
  );
}

function TestMailForm({ defaultTo, onCancel, onSent }: { defaultTo: string; onCancel: () => void; onSent: (to: string) => void }) {
  const [to, setTo] = useState(defaultTo);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    const result = await sendTestMailAction({ to });
    setPending(false);
    if (result.ok) onSent(result.data.to);
    else setError(result.fields.find((f) => f.path === 'to')?.message ?? result.message);
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField label="To" type="email" value={to} onChange={setTo} error={error} autoComplete="off" />
      <FormActions onCancel={onCancel} submitLabel="Send test email" pending={pending} pendingLabel="Sending…" />
    </form>
  );
}
