'use client';

import { useState } from 'react';
import { splitSecret, type ClientResponse } from '@/lib/clients/client-schema';
import { rotateClientSecretAction } from '@/lib/console/actions/client-actions';
import { Dialog } from '../dialog';
import { inputClass } from '../field-error';
import { FormActions } from '../form-actions';
import { FormField } from '../form-field';
import { SecretReveal, secretPending } from './secret-reveal';

/** How long the current secret keeps working beside the new one (seconds). */
const OVERLAPS = [
  { seconds: 0, label: 'Immediately (the secret leaked)' },
  { seconds: 60 * 60, label: 'In 1 hour' },
  { seconds: 24 * 60 * 60, label: 'In 24 hours' },
  { seconds: 7 * 24 * 60 * 60, label: 'In 7 days' },
] as const;

type Step = { kind: 'confirm' } | { kind: 'rotated'; client: ClientResponse; secret?: string };

/**
 * "Regenerate Secret": pick when the current secret stops working, then see the new one
 * once. With an overlap, the application's instances can switch to the new secret
 * before the old one is refused.
 */
export function RotateSecretDialog({ client, issuer, onClose }: { client?: ClientResponse; issuer: string; onClose: (rotated?: ClientResponse) => void }) {
  const [step, setStep] = useState<Step>({ kind: 'confirm' });
  const [overlap, setOverlap] = useState<number>(0);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [stored, setStored] = useState(false);
  const close = () => {
    if (step.kind === 'rotated' && secretPending(step.secret, stored)) return;
    setStored(false);
    const rotated = step.kind === 'rotated' ? step.client : undefined;
    setStep({ kind: 'confirm' });
    setOverlap(0);
    setError(undefined);
    onClose(rotated);
  };

  return (
    <Dialog open={!!client} title={step.kind === 'rotated' ? 'New Client Secret' : 'Regenerate Client Secret'} onClose={close} wide={step.kind === 'rotated'}>
      {client && step.kind === 'confirm' && (
        <form
          className="space-y-4"
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            const result = await rotateClientSecretAction(client.client_id, { previous_secret_expires_in: overlap });
            setBusy(false);
            if (result.ok) setStep({ kind: 'rotated', ...splitSecret(result.data) });
            else setError(result.fields[0]?.message ?? result.message);
          }}
        >
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Thalamus issues a new secret for <bdi className="font-semibold text-slate-900 dark:text-slate-100">{client.name}</bdi> and shows it once.
          </p>
          <FormField label="The current secret stops working" error={error}>
            {(control) => (
              <select {...control} value={overlap} onChange={(e) => setOverlap(Number(e.target.value))} className={inputClass}>
                {OVERLAPS.map((o) => (
                  <option key={o.seconds} value={o.seconds}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormActions onCancel={close} submitLabel="Regenerate" pending={busy} />
        </form>
      )}
      {step.kind === 'rotated' && (
        <SecretReveal client={step.client} secret={step.secret} issuer={issuer} stored={stored} onStoredChange={setStored} onDone={close} intro="has a new secret." />
      )}
    </Dialog>
  );
}
