'use client';

import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { createScopeAction } from '@/lib/console/actions/scope-actions';
import { unknownScopeMessage } from '@/lib/scopes/unknown-scope';
import { Badge } from '../badge';
import { Button } from '../button';
import { TextField } from '../form-field';
import { toast } from '../toaster';

const linkButton = 'text-xs font-semibold text-indigo-600 underline-offset-2 hover:underline dark:text-indigo-400';

/**
 * Under a client's scope the registry does not know: a badge that says so (saving would be
 * refused with the same words) and "Create scope", which registers it here with a description
 * for the consent page, as Configuration › OAuth Scopes would.
 */
export function UnknownScope({ scope, errorId, onCreated }: { scope: string; errorId?: string; onCreated: (scope: string) => void }) {
  const router = useRouter();
  const id = useId();
  const [creating, setCreating] = useState(false);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  // Once saving has refused the scope, its error (beside the entry) is the description.
  const describedBy = errorId ?? `${id}-note`;

  const create = async () => {
    setPending(true);
    const result = await createScopeAction({ name: scope, description }).finally(() => setPending(false));
    if (!result.ok) {
      setError(result.fields[0]?.message ?? result.message);
      return;
    }
    toast(`${scope} added to OAuth Scopes`);
    onCreated(scope);
    // The clients page's registry (the scope suggestions) now includes it.
    router.refresh();
  };

  return (
    <div className="mt-1 space-y-2">
      <p className="flex flex-wrap items-center gap-2 text-xs">
        <span aria-describedby={describedBy}>
          <Badge tone="amber">Unknown scope</Badge>
        </span>
        {!errorId && (
          <span id={`${id}-note`} className="text-amber-800 dark:text-amber-300">
            {unknownScopeMessage(scope)}
          </span>
        )}
        {!creating && (
          <button type="button" aria-label={`Create scope ${scope}`} aria-describedby={describedBy} className={linkButton} onClick={() => setCreating(true)}>
            Create scope
          </button>
        )}
      </p>
      {creating && (
        <div role="group" aria-label={`Create scope ${scope}`} className="space-y-2 rounded-md border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
          <TextField
            label="Scope description"
            required
            hint="What the scope allows, in plain words: users read it on the consent page."
            value={description}
            onChange={setDescription}
            error={error}
            autoFocus
            onKeyDown={(event) => {
              // Enter creates the scope, not the client around it.
              if (event.key === 'Enter') {
                event.preventDefault();
                void create();
              }
            }}
          />
          <div className="flex justify-end gap-2">
            <Button aria-label={`Cancel creating ${scope}`} onClick={() => setCreating(false)}>
              Cancel
            </Button>
            <Button variant="primary" disabled={pending} onClick={create}>
              {pending ? 'Creating…' : 'Create scope'}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
