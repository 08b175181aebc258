import type { Metadata } from 'next';
import { issuer } from '@/lib/config/env';
import { openApiDocument } from '@/lib/openapi/openapi-document';

export const metadata: Metadata = { title: 'API reference' };
export const dynamic = 'force-dynamic';

const methodTone: Record<string, string> = {
  get: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  post: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300',
  patch: 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300',
  delete: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300',
};

type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { description: string }>;
};

/** The OpenAPI document, readable: every operation, what it takes and what it answers. */
export default function ApiReferencePage() {
  const document = openApiDocument(issuer());
  const schemas = document.components.schemas as Record<string, unknown>;
  return (
    <main className="mx-auto max-w-4xl px-6 py-12">
      <p className="text-sm font-semibold tracking-wide text-indigo-600 uppercase">Thalamus</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{document.info.title}</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">{document.info.description}</p>
      <p className="mt-2 text-sm">
        Machine-readable:{' '}
        <a className="underline" href="/api/openapi.json">
          /api/openapi.json
        </a>{' '}
        (OpenAPI 3.1)
      </p>
      {Object.entries(document.paths).flatMap(([path, item]) =>
        Object.entries(item as Record<string, unknown>)
          .filter(([method]) => method !== 'parameters')
          .map(([method, raw]) => {
            const operation = raw as Operation;
            const body = operation.requestBody?.content['application/json']?.schema.$ref.split('/').at(-1);
            return (
              <section key={`${method} ${path}`} aria-label={operation.summary} className="mt-8 rounded-lg border border-slate-200 p-5 dark:border-slate-800">
                <h2 className="flex flex-wrap items-center gap-3 text-lg font-semibold">
                  <span className={`rounded px-2 py-0.5 font-mono text-xs uppercase ${methodTone[method]}`}>{method}</span>
                  <span className="font-mono text-sm">{path}</span>
                  <span className="text-base font-medium text-slate-600 dark:text-slate-400">{operation.summary}</span>
                </h2>
                {operation.description && <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{operation.description}</p>}
                {body && (
                  <details className="mt-3">
                    <summary className="cursor-pointer text-sm font-medium">Request body: {body}</summary>
                    <pre tabIndex={0} className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-xs dark:bg-slate-900">
                      {JSON.stringify(schemas[body], null, 2)}
                    </pre>
                  </details>
                )}
                <ul className="mt-3 space-y-1 text-sm">
                  {Object.entries(operation.responses).map(([status, response]) => (
                    <li key={status}>
                      <span className="font-mono font-semibold">{status}</span> {response.description}
                    </li>
                  ))}
                </ul>
              </section>
            );
          }),
      )}
    </main>
  );
}
