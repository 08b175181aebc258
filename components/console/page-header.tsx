import { Button } from './button';

/**
 * The top of every console page: where you are, what the page is for, and its main
 * action, a "+ Create …" button (`create`) where the page lists things one can add.
 */
export function PageHeader({ section, title, description, create }: { section?: string; title: string; description: string; create?: { label: string; onClick: () => void } }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0 flex-1 basis-64">
        {section && <p className="text-sm text-slate-500">{section}</p>}
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</p>
      </div>
      {create && (
        <Button variant="primary" onClick={create.onClick}>
          + {create.label}
        </Button>
      )}
    </div>
  );
}
