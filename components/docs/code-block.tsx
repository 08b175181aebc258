import { CopyButton } from '@/components/console/copy-button';

export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <div className="relative">
      <div className="absolute top-2 right-2">
        <CopyButton value={code} label={`Copy ${label}`} />
      </div>
      <pre aria-label={label} tabIndex={0} className="overflow-x-auto rounded-lg bg-slate-900 p-4 pr-12 text-xs leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
    </div>
  );
}
