'use client';

import type { ClientResponse } from '@/lib/clients/client-schema';
import { ConfirmDialog } from '../confirm-dialog';
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
    <ConfirmDialog
      open={!!question}
      title="Change a default client?"
      message={question && guardedChangeRisk(question.client, question.changed)}
      confirmLabel="Save changes"
      onCancel={() => question?.answer(false)}
      onConfirm={() => question?.answer(true)}
    />
  );
}
