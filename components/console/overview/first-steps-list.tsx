import Link from 'next/link';
import type { FirstSteps } from '@/lib/overview/overview-counts';

const STEPS: { key: keyof FirstSteps; title: string; description: string; link: { href: string; label: string } }[] = [
  {
    key: 'apiKeyCreated',
    title: 'Create an API key',
    description: 'A service uses it to register its own OAuth client through the admin API.',
    link: { href: '/console/settings/api-keys', label: 'Settings › API Keys' },
  },
  {
    key: 'clientRegistered',
    title: 'Register a client',
    description: 'An application of your own, beside the five default clients.',
    link: { href: '/console/clients', label: 'OAuth Clients' },
  },
  {
    key: 'firstSignIn',
    title: 'Try a sign-in',
    description: 'Someone signs in to one of your applications (signing in to this console does not count).',
    link: { href: '/docs/integration', label: 'Integration guide' },
  },
];

/** The getting-started checklist; each step ticks itself from what the database holds. */
export function FirstStepsList({ steps }: { steps: FirstSteps }) {
  const done = STEPS.filter((step) => steps[step.key]).length;
  return (
    <section aria-labelledby="first-steps" className="max-w-2xl">
      <h2 id="first-steps" className="text-lg font-semibold">
        First steps
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        {done} of {STEPS.length} done.
      </p>
      <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {STEPS.map((step) => {
          const complete = steps[step.key];
          return (
            <li key={step.key} className="flex items-start gap-3 p-4">
              <span
                role="img"
                aria-label={complete ? 'Done' : 'To do'}
                className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full border text-xs ${complete ? 'border-emerald-600 bg-emerald-600 text-white' : 'border-slate-400 text-transparent'}`}
              >
                ✓
              </span>
              <div className="min-w-0">
                <p className={`font-medium ${complete ? 'text-slate-500 line-through dark:text-slate-400' : ''}`}>{step.title}</p>
                <p className="text-sm text-slate-600 dark:text-slate-400">{step.description}</p>
                <Link href={step.link.href} className="mt-1 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  {step.link.label}
                </Link>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
