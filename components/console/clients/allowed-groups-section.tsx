'use client';

import { useEffect, useState } from 'react';
import { loadAllowedGroupsAction, saveAllowedGroupsAction } from '@/lib/console/actions/allowed-groups-actions';
import { Button } from '../button';

type Loaded = { allowed: string[] | null; groups: { id: string; displayName: string }[] };

/**
 * "Allowed groups" in a client's details: off, everyone may sign in; on, only members of
 * the checked groups (others see "You don't have access to this application" and the
 * application gets access_denied).
 */
export function AllowedGroupsSection({ clientId }: { clientId: string }) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [limited, setLimited] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [pending, setPending] = useState(false);
  useEffect(() => {
    let live = true;
    void loadAllowedGroupsAction(clientId).then((result) => {
      if (!live) return;
      if (!result.ok) return setMessage({ text: result.message, error: true });
      setLoaded(result.data);
      setLimited(result.data.allowed !== null);
      setChosen(new Set(result.data.allowed ?? []));
    });
    return () => {
      live = false;
    };
  }, [clientId]);
  const save = async () => {
    setPending(true);
    const result = await saveAllowedGroupsAction(clientId, { allowed_groups: limited ? [...chosen] : null });
    setPending(false);
    setMessage(
      result.ok
        ? { text: limited ? 'Only members of the checked groups may sign in.' : 'Everyone may sign in.', error: false }
        : { text: result.fields[0]?.message ?? result.message, error: true },
    );
  };
  const toggle = (id: string, on: boolean) => setChosen((previous) => new Set(on ? [...previous, id] : [...previous].filter((item) => item !== id)));
  return (
    <section aria-label="Allowed groups" className="mt-6">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Allowed groups</h3>
      {!loaded ? (
        <p className="text-sm text-slate-500">{message?.text ?? 'Loading…'}</p>
      ) : (
        <div className="space-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={limited} onChange={(event) => setLimited(event.target.checked)} />
            Only members of these groups may sign in
          </label>
          {limited &&
            (loaded.groups.length ? (
              <ul className="space-y-1 pl-6" aria-label="Groups allowed to sign in">
                {loaded.groups.map((group) => (
                  <li key={group.id}>
                    <label className="flex items-center gap-2">
                      <input type="checkbox" checked={chosen.has(group.id)} onChange={(event) => toggle(group.id, event.target.checked)} />
                      <bdi>{group.displayName}</bdi>
                    </label>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="pl-6 text-slate-500">No groups yet: a directory connector creates them over SCIM.</p>
            ))}
          <Button onClick={save} disabled={pending}>
            {pending ? 'Saving…' : 'Save allowed groups'}
          </Button>
          {message && (
            <p role={message.error ? 'alert' : 'status'} className={message.error ? 'text-red-600' : 'text-slate-600 dark:text-slate-400'}>
              {message.text}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
