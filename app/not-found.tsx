import Link from 'next/link';
import { connection } from 'next/server';

/**
 * Rendered per request like every other page: a page prerendered at build time has no
 * script nonce, and the Content-Security-Policy (proxy.ts) would block its scripts.
 */
export default async function NotFound() {
  await connection();
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center gap-4 px-6 py-16">
      <h1 className="text-2xl font-bold tracking-tight">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-300">There is nothing at this address.</p>
      <p>
        <Link className="font-medium text-indigo-600 underline dark:text-indigo-400" href="/">
          Thalamus home
        </Link>
      </p>
    </main>
  );
}
