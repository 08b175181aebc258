'use client';

import type { ClientResponse } from '@/lib/clients/client-schema';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { guardedChangeRisk, type GuardedField } from './client-protection';

export interface DefaultChangeQuestion {
  client: ClientResponse;
  changed: GuardedField[];
  answer: (confirmed: boolean) => void;
}

/**
 * Asked before a super admin saves new redirect URIs or scopes on a default client: a
 * wrong redirect URI sends the authorization codes of Thalamus's own apps elsewhere
 * (RFC 9700 §4.1), so the change is confirmed with its risk spelled out.
 */
export function ConfirmDefaultChangeDialog({ question }: { question?: DefaultChangeQuestion }) {
  return (
    <Dialog open={!!question} title="Change a default client?" onClose={() => question?.answer(false)}>
      {question && (
        <div className="space-y-4">
          <p className="text-sm text-slate-600 dark:text-slate-400">{guardedChangeRisk(question.client, question.changed)}</p>
          <div className="flex justify-end gap-2">
            <Button onClick={() => question.answer(false)}>Cancel</Button>
            <Button variant="danger" onClick={() => question.answer(true)}>
              Save changes
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
