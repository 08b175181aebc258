import type { ReactNode } from 'react';

/**
 * What names a row: its name in bold with an optional badge, and a smaller line under it.
 * Names are user input, so each is isolated (`<bdi>`) from the text around it.
 */
export function NameCell({ name, detail, badge, children }: { name: string; detail?: string | null; badge?: ReactNode; children?: ReactNode }) {
  return (
    <div>
      <p className="font-medium">
        <bdi>{name}</bdi> {badge}
      </p>
      {detail && (
        <p className="text-xs text-slate-500">
          <bdi>{detail}</bdi>
        </p>
      )}
      {children}
    </div>
  );
}
