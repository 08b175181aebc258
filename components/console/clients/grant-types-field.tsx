'use client';

import { useId } from 'react';
import { DEVICE_CODE_GRANT, GRANT_TYPES, type GrantType } from '@/lib/clients/client-schema';
import { GRANT_TYPE_LABELS, RETIRED_GRANT_TYPE_LABELS, RETIRED_REASON } from '@/lib/clients/labels';
import { FieldError } from '../field-error';

/**
 * The client form's Grant Types (the retired ones shown off, with the reason) and the
 * Response Types that follow them. Native clients also get Device Code. The group is described by its error, so a refused
 * submit can focus its first checkbox.
 */
export function GrantTypesField({
  applicationType,
  grantTypes,
  responseTypes,
  disabled,
  error,
  onToggle,
}: {
  applicationType: string;
  grantTypes: readonly GrantType[];
  responseTypes: readonly string[];
  disabled: boolean;
  error?: string;
  onToggle: (grant: GrantType, checked: boolean) => void;
}) {
  const id = useId();
  // Device Code is for native apps only (RFC 8628, the schema's rule); a web client that
  // has it anyway still shows it, so it can be unchecked.
  const offered = GRANT_TYPES.filter((grant) => grant !== DEVICE_CODE_GRANT || applicationType === 'native' || grantTypes.includes(grant));
  return (
    <>
      <fieldset aria-describedby={error ? `${id}-grants-error` : undefined}>
        <legend className="mb-1.5 text-sm font-medium">
          Grant Types <span className="text-red-600">*</span>
        </legend>
        <div className="space-y-1.5">
          {offered.map((grant) => (
            <label key={grant} className="flex items-center gap-2 text-sm">
              <input type="checkbox" disabled={disabled} checked={grantTypes.includes(grant)} onChange={(e) => onToggle(grant, e.target.checked)} />
              {GRANT_TYPE_LABELS[grant]}
            </label>
          ))}
          {Object.entries(RETIRED_GRANT_TYPE_LABELS).map(([grant, label]) => (
            <label key={grant} className="flex items-center gap-2 text-sm text-slate-400" title={RETIRED_REASON}>
              <input type="checkbox" disabled checked={false} aria-describedby={`${id}-retired`} readOnly />
              {label}
            </label>
          ))}
          <p id={`${id}-retired`} className="text-xs text-slate-500">
            Password and Implicit: {RETIRED_REASON.charAt(0).toLowerCase() + RETIRED_REASON.slice(1)}.
          </p>
        </div>
        <FieldError id={`${id}-grants-error`} message={error} />
      </fieldset>

      <fieldset>
        <legend className="mb-1.5 text-sm font-medium">Response Types</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={responseTypes.includes('code')} disabled readOnly />
          Code
        </label>
        <p className="text-xs text-slate-500">Follows the Authorization Code grant; token response types are not offered.</p>
      </fieldset>
    </>
  );
}
