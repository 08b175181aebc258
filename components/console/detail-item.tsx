import type { ReactNode } from 'react';

/** One entry of a details panel's description list: its label above its value. */
export function DetailItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="mb-1 text-xs font-medium text-slate-500">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
