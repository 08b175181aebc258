import Link from 'next/link';
import { issuer } from '@/lib/config/env';

export const dynamic = 'force-dynamic';

export default function LandingPage() {
  const base = issuer();
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center gap-6 px-6 py-16">
      <p className="text-sm font-semibold tracking-wide text-indigo-600 uppercase dark:text-indigo-400">Thalamus</p>
      <h1 className="text-3xl font-bold tracking-tight">OAuth 2.0 and OpenID Connect authorization server</h1>
      <p className="text-lg text-slate-600 dark:text-slate-300">
        This server signs users in to applications and issues tokens for them. Applications integrate through the standard endpoints; administrators manage clients, scopes and
        users in the console.
      </p>
      <ul className="flex flex-wrap gap-3">
        <li>
          <Link
            className="inline-flex rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            href="/console"
          >
            Open the console
          </Link>
        </li>
        <li>
          <a
            className="inline-flex rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-900"
            href="/.well-known/openid-configuration"
          >
            Discovery document
          </a>
        </li>
      </ul>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
        <dt className="font-medium">Issuer</dt>
        <dd className="font-mono break-all">{base}</dd>
        <dt className="font-medium">Token endpoint</dt>
        <dd className="font-mono break-all">{base}/oauth/token</dd>
        <dt className="font-medium">Health</dt>
        <dd className="font-mono break-all">
          <a className="underline" href="/api/health">
            {base}/api/health
          </a>
        </dd>
      </dl>
    </main>
  );
}
