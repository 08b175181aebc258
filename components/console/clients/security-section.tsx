'use client';

import { useId, useState } from 'react';
import { corsOriginProblem, LIFETIME_RANGES, MAX_REFRESH_TOKEN_REUSE_GRACE, type LifetimeField } from '@/lib/clients/client-security-schema';
import type { ClientResponse } from '@/lib/clients/client-schema';
import { inputClass } from '../field-error';
import { FormField } from '../form-field';
import { SwitchField } from '../switch-field';
import { ListInput } from './list-input';

/** The security settings the client form edits (lib/clients/client-security-schema.ts). */
export type SecurityValues = Pick<
  ClientResponse,
  | 'token_endpoint_auth_method'
  | 'jwks'
  | 'jwks_uri'
  | 'require_pushed_authorization_requests'
  | 'dpop_bound_access_tokens'
  | 'refresh_token_rotation'
  | 'refresh_token_reuse_grace'
  | LifetimeField
  | 'allowed_cors_origins'
  | 'grant_types'
>;

const LIFETIME_LABELS: Record<LifetimeField, string> = {
  access_token_lifetime: 'Access Token Lifetime',
  id_token_lifetime: 'ID Token Lifetime',
  refresh_token_idle_lifetime: 'Refresh Token Idle Lifetime',
  refresh_token_absolute_lifetime: 'Refresh Token Absolute Lifetime',
};

const LIFETIME_HINTS: Record<LifetimeField, string> = {
  access_token_lifetime: "Seconds. Empty: the server's default. An API whose own lifetime is shorter keeps its own.",
  id_token_lifetime: "Seconds. Empty: the server's default (an hour).",
  refresh_token_idle_lifetime: 'Seconds a refresh token lives after it is issued; with rotation, each new one lives this long again. Empty: 14 days.',
  refresh_token_absolute_lifetime: 'Seconds from sign-in after which no refresh token of the grant works, however often it was rotated. Empty: no limit beyond the idle lifetime.',
};

/**
 * The "Security" section of the client form: the RFC 9126 and RFC 9449 requirements,
 * refresh-token rotation, token lifetimes, CORS origins and, for private_key_jwt, the
 * client's public keys. Each control's error is the server's, under the field's name.
 */
export function SecuritySection({
  values,
  set,
  errorAt,
  itemErrors,
  problemUnder,
  disabled,
}: {
  values: SecurityValues;
  set: <K extends keyof SecurityValues>(key: K, value: SecurityValues[K]) => void;
  errorAt: (path: string) => string | undefined;
  itemErrors: (path: string) => Record<number, string>;
  /** The first problem at a field or inside it (a key of the set: jwks.keys[0].d). */
  problemUnder: (path: string) => string | undefined;
  disabled: boolean;
}) {
  const headingId = useId();
  const [jwksText, setJwksText] = useState(values.jwks ? JSON.stringify(values.jwks, null, 2) : '');
  const [jwksSyntax, setJwksSyntax] = useState<string>();
  const keyAuth = values.token_endpoint_auth_method === 'private_key_jwt';
  const refreshTokens = values.grant_types.includes('refresh_token');

  const editJwks = (text: string) => {
    setJwksText(text);
    if (!text.trim()) {
      setJwksSyntax(undefined);
      return set('jwks', null);
    }
    try {
      set('jwks', JSON.parse(text) as SecurityValues['jwks']);
      setJwksSyntax(undefined);
    } catch {
      setJwksSyntax('Enter the JWK Set as JSON: {"keys": [ …public keys… ]}');
    }
  };

  const lifetime = (field: LifetimeField) => {
    const { min, max } = LIFETIME_RANGES[field];
    return (
      <FormField key={field} label={`${LIFETIME_LABELS[field]} (seconds)`} hint={`${LIFETIME_HINTS[field]} ${min}–${max}.`} error={errorAt(field)}>
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            value={values[field] ?? ''}
            disabled={disabled}
            onChange={(e) => set(field, e.target.value === '' ? null : Number(e.target.value))}
            className={inputClass}
          />
        )}
      </FormField>
    );
  };

  return (
    <section aria-labelledby={headingId} className="space-y-5 border-t border-slate-200 pt-5 dark:border-slate-800">
      <h3 id={headingId} className="text-base font-semibold">
        Security
      </h3>

      {keyAuth && (
        <>
          <FormField
            label="Public Keys (JWKS)"
            hint="The JWK Set of the public keys the client signs its assertions with (RFC 7523). Public keys only."
            error={jwksSyntax ?? problemUnder('jwks')}
          >
            {(control) => (
              <textarea {...control} rows={6} value={jwksText} disabled={disabled} onChange={(e) => editJwks(e.target.value)} className={`${inputClass} font-mono text-xs`} />
            )}
          </FormField>
          <FormField
            label="JWKS URI"
            hint="Instead of the keys above: where they are fetched from, on a host this server allows (JWKS_URI_ALLOWED_HOSTS)."
            error={errorAt('jwks_uri')}
          >
            {(control) => (
              <input
                {...control}
                type="url"
                value={values.jwks_uri ?? ''}
                disabled={disabled}
                onChange={(e) => set('jwks_uri', e.target.value.trim() || null)}
                className={inputClass}
              />
            )}
          </FormField>
        </>
      )}

      <SwitchField
        label="Require PAR"
        checked={values.require_pushed_authorization_requests}
        disabled={disabled}
        onChange={(on) => set('require_pushed_authorization_requests', on)}
        hint="Authorization requests only through the pushed authorization request endpoint (RFC 9126): their parameters never travel in the browser's address bar."
        error={errorAt('require_pushed_authorization_requests')}
      />
      <SwitchField
        label="Require DPoP"
        checked={values.dpop_bound_access_tokens}
        disabled={disabled}
        onChange={(on) => set('dpop_bound_access_tokens', on)}
        hint="Tokens only bound to the client's DPoP key (RFC 9449): a stolen token is useless without the key."
        error={errorAt('dpop_bound_access_tokens')}
      />
      {refreshTokens && (
        <>
          <SwitchField
            label="Refresh Token Rotation"
            checked={values.refresh_token_rotation}
            disabled={disabled}
            onChange={(on) => {
              set('refresh_token_rotation', on);
              if (!on) set('refresh_token_reuse_grace', 0);
            }}
            hint="Each use of a refresh token gives a new one; the old one used again ends the sign-in (RFC 9700 §4.14.2)."
            error={errorAt('refresh_token_rotation')}
          />
          {values.refresh_token_rotation && (
            <FormField
              label="Refresh Token Reuse Grace (seconds)"
              hint={`A replaced refresh token still works this long, for clients on flaky networks that lost the answer. 0–${MAX_REFRESH_TOKEN_REUSE_GRACE}.`}
              error={errorAt('refresh_token_reuse_grace')}
            >
              {(control) => (
                <input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={MAX_REFRESH_TOKEN_REUSE_GRACE}
                  value={values.refresh_token_reuse_grace}
                  disabled={disabled}
                  onChange={(e) => set('refresh_token_reuse_grace', e.target.value === '' ? 0 : Number(e.target.value))}
                  className={inputClass}
                />
              )}
            </FormField>
          )}
        </>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        {lifetime('access_token_lifetime')}
        {lifetime('id_token_lifetime')}
        {refreshTokens && lifetime('refresh_token_idle_lifetime')}
        {refreshTokens && lifetime('refresh_token_absolute_lifetime')}
      </div>

      <ListInput
        label="Allowed CORS Origins"
        values={values.allowed_cors_origins}
        onChange={(next) => set('allowed_cors_origins', next)}
        check={(origin) => corsOriginProblem(origin) ?? (values.allowed_cors_origins.includes(origin) ? `"${origin}" is listed twice` : undefined)}
        placeholder="https://app.example.com"
        hint="Browser apps served from these origins may call the token, userinfo, revocation and introspection endpoints. Scheme, host and port only."
        disabled={disabled}
        errors={{ list: errorAt('allowed_cors_origins'), items: itemErrors('allowed_cors_origins') }}
      />
    </section>
  );
}
