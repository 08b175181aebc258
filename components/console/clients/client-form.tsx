'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import {
  clientCreateSchema,
  clientFieldsSchema,
  clientResponseSchema,
  GRANT_TYPES,
  redirectUriEntryProblem,
  redirectUriIssues,
  responseTypesFor,
  scopeEntryProblem,
  type ClientResponse,
  type GrantType,
} from '@/lib/clients/client-schema';
import { DEFAULT_ORGANIZATION_ID } from '@/lib/clients/default-clients';
import { DEFAULT_CLIENT_REASON, OPTIONAL_PKCE_HINT, PUBLIC_CLIENT_PKCE_REASON } from '@/lib/clients/labels';
import { fieldProblems, type FieldProblem } from '@/lib/errors/service-error';
import { unknownScopeMessage } from '@/lib/scopes/unknown-scope';
import { FieldError, inputClass } from '../field-error';
import { FormActions } from '../form-actions';
import { FormAlert } from '../../hosted/form-alert';
import { FormField, TextField } from '../form-field';
import { focusFirstError } from '../focus-first-error';
import { SwitchField } from '../switch-field';
import { OrganizationOptions } from '../organizations/organization-options';
import { GrantTypesField } from './grant-types-field';
import { ListInput, type Suggestion } from './list-input';
import { UnknownScope } from './unknown-scope';
import { SecuritySection } from './security-section';
import type { GuardedField } from './client-protection';

/** The fields this form edits, typed as the API reads a client back (one control each). */
const clientFormSchema = clientResponseSchema.pick({
  name: true,
  organization_id: true,
  description: true,
  application_type: true,
  token_endpoint_auth_method: true,
  redirect_uris: true,
  grant_types: true,
  response_types: true,
  scopes: true,
  require_consent: true,
  require_pkce: true,
  default_resource: true,
  // The "Security" section (security-section.tsx)
  jwks: true,
  jwks_uri: true,
  require_pushed_authorization_requests: true,
  dpop_bound_access_tokens: true,
  refresh_token_rotation: true,
  refresh_token_reuse_grace: true,
  access_token_lifetime: true,
  id_token_lifetime: true,
  refresh_token_idle_lifetime: true,
  refresh_token_absolute_lifetime: true,
  allowed_cors_origins: true,
  backchannel_logout_uri: true,
});
export type ClientFormValues = z.infer<typeof clientFormSchema>;

/** An API a client may take as its default (RFC 8707 resource), by identifier. */
export interface ApiOption {
  identifier: string;
  name: string;
}

/** How a confidential client sends its secret (RFC 6749 §2.3.1); the provider accepts only the one chosen. */
const SECRET_METHODS = [
  { method: 'client_secret_basic', label: 'Authorization header (client_secret_basic)' },
  { method: 'client_secret_post', label: 'Form body (client_secret_post)' },
  { method: 'private_key_jwt', label: "Signed with the client's key (private_key_jwt)" },
] as const;

/**
 * The form's fields of a client, or of a new one: the schema's defaults, in the default
 * organization, with the Authorization Code grant.
 */
export function initialValues(client?: ClientResponse): ClientFormValues {
  if (client) return clientFormSchema.parse(client);
  const grant_types: GrantType[] = ['authorization_code'];
  return clientFormSchema.parse({
    ...clientFieldsSchema.partial().parse({}),
    name: '',
    organization_id: DEFAULT_ORGANIZATION_ID,
    grant_types,
    response_types: responseTypesFor(grant_types),
    scopes: [],
    default_resource: null,
    jwks: null,
    jwks_uri: null,
    access_token_lifetime: null,
    id_token_lifetime: null,
    refresh_token_idle_lifetime: null,
    refresh_token_absolute_lifetime: null,
    backchannel_logout_uri: null,
  });
}

/**
 * The Custom Client form, for creating and editing. It checks input with the same
 * zod schema as the server (and the admin API): each redirect URI and scope as it is
 * added, scopes against the registry, and everything before sending; the server's field
 * errors show the same way, and a refused submit brings the first of them into view.
 */
export function ClientForm({
  initial,
  isDefault = false,
  locked = {},
  organizations,
  apis = [],
  scopeSuggestions,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: ClientFormValues;
  isDefault?: boolean;
  /** Fields this admin may not change, with the reason shown in their place (see client-protection). */
  locked?: Partial<Record<GuardedField, string>>;
  organizations: { id: string; name: string }[];
  apis?: ApiOption[];
  /** The registry's scopes, each labelled with its group (OpenID Connect, an API, other scopes). */
  scopeSuggestions: Suggestion[];
  submitLabel: string;
  onSubmit: (values: ClientFormValues) => Promise<{ message: string; fields: FieldProblem[] } | undefined>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [summary, setSummary] = useState<string>();
  const [pending, setPending] = useState(false);
  // Scopes created from this form, before the page's registry (scopeSuggestions) catches up.
  const [createdScopes, setCreatedScopes] = useState<string[]>([]);
  const [refusals, setRefusals] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const set = <K extends keyof ClientFormValues>(key: K, value: ClientFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  // A list's earlier errors point at positions that change with it: they go when it does.
  const setList = (key: 'redirect_uris' | 'scopes', next: string[]) => {
    set(key, next);
    setProblems((current) => current.filter((p) => p.path !== key && !p.path.startsWith(`${key}[`)));
  };
  useEffect(() => {
    if (refusals) focusFirstError(form.current);
  }, [refusals]);
  const refuse = (found: FieldProblem[], message: string) => {
    setProblems(found);
    setSummary(message);
    setRefusals((count) => count + 1);
  };

  const errorAt = (path: string) => problems.find((p) => p.path === path)?.message;
  const problemUnder = (path: string) => problems.find((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`))?.message;
  const itemErrors = (path: string) => Object.fromEntries(problems.flatMap((p) => (p.path.startsWith(`${path}[`) ? [[Number(p.path.slice(path.length + 1, -1)), p.message]] : [])));
  // The redirect URI policy follows the application type: switching it re-checks the URIs listed
  // (unless this admin cannot change them: the console's own follow APP_URL, http on a developer's machine).
  const liveRedirectIssues = locked.redirect_uris ? [] : redirectUriIssues({ application_type: values.application_type, redirect_uris: values.redirect_uris });
  const redirectErrors = { ...itemErrors('redirect_uris'), ...Object.fromEntries(liveRedirectIssues.map(({ path, message }) => [path[1], message])) };
  const knownScopes = new Set([...scopeSuggestions.map((s) => s.value), ...createdScopes]);
  const scopeCreated = (scope: string) => {
    setCreatedScopes((list) => [...list, scope]);
    setProblems((current) => current.filter((p) => p.message !== unknownScopeMessage(scope)));
  };
  const unknownScopes = locked.scopes
    ? []
    : values.scopes.flatMap((scope, index) => (knownScopes.has(scope) ? [] : [{ path: `scopes[${index}]`, message: unknownScopeMessage(scope) }]));

  const isPublic = values.token_endpoint_auth_method === 'none';
  // A public client always requires PKCE (the schema's rule): choosing one switches it back on.
  const choosePublic = () => setValues((current) => ({ ...current, token_endpoint_auth_method: 'none', require_pkce: true }));

  const toggleGrant = (grant: GrantType, checked: boolean) => {
    const next = checked ? [...values.grant_types, grant] : values.grant_types.filter((g) => g !== grant);
    setValues((current) => ({
      ...current,
      grant_types: GRANT_TYPES.filter((g) => next.includes(g)),
      response_types: responseTypesFor(next),
    }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Keys entered for private_key_jwt go only with it (a switch back to a secret drops them).
    const sent = values.token_endpoint_auth_method === 'private_key_jwt' ? values : { ...values, jwks: null, jwks_uri: null };
    const checked = clientCreateSchema.safeParse({ ...sent, response_types: sent.response_types.length ? sent.response_types : undefined });
    const found = [...(checked.success ? [] : fieldProblems(checked.error)), ...unknownScopes];
    if (found.length) return refuse(found, 'Fix the highlighted fields.');
    setPending(true);
    const failure = await onSubmit(sent).finally(() => setPending(false));
    if (failure) refuse(failure.fields, failure.message);
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-5">
      <FormAlert message={problems.length > 0 ? summary : undefined} />
      {isDefault && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">{DEFAULT_CLIENT_REASON}</p>}

      <TextField label="Client Name" required value={values.name} onChange={(name) => set('name', name)} error={errorAt('name')} />

      <FormField label="Description" error={errorAt('description')}>
        {(control) => <textarea {...control} rows={2} value={values.description} onChange={(e) => set('description', e.target.value)} className={inputClass} />}
      </FormField>

      <FormField label="Organization" error={errorAt('organization_id')}>
        {(control) => (
          <select {...control} value={values.organization_id} disabled={isDefault} onChange={(e) => set('organization_id', e.target.value)} className={inputClass}>
            <OrganizationOptions organizations={organizations} />
          </select>
        )}
      </FormField>

      <div className="grid gap-4 sm:grid-cols-2">
        <fieldset disabled={isDefault}>
          <legend className="mb-1.5 text-sm font-medium">Application type</legend>
          {(['web', 'native'] as const).map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${id}-app`} checked={values.application_type === type} onChange={() => set('application_type', type)} />
              {type === 'web' ? 'Web application' : 'Native application'}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={isDefault || (initial.token_endpoint_auth_method === 'none' && initial.name !== '')}>
          <legend className="mb-1.5 text-sm font-medium">Client type</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name={`${id}-auth`} checked={!isPublic} onChange={() => set('token_endpoint_auth_method', 'client_secret_basic')} />
            Confidential (has a client secret)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name={`${id}-auth`} checked={isPublic} onChange={choosePublic} />
            Public (no secret, PKCE)
          </label>
          <FieldError id={`${id}-auth-error`} message={errorAt('token_endpoint_auth_method')} />
        </fieldset>
      </div>

      {!isPublic && (
        <fieldset disabled={isDefault} aria-describedby={`${id}-secret-method-help`}>
          <legend className="mb-1.5 text-sm font-medium">Client authentication</legend>
          {SECRET_METHODS.map(({ method, label }) => (
            <label key={method} className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${id}-secret-method`} checked={values.token_endpoint_auth_method === method} onChange={() => set('token_endpoint_auth_method', method)} />
              {label}
            </label>
          ))}
          <p id={`${id}-secret-method-help`} className="text-xs text-slate-500">
            Only this way is accepted. Most libraries send the secret in the Authorization header; PHP/curl guides and many SaaS integrations put it in the form body. With
            private_key_jwt the client has no secret: it signs an assertion with its own key (RFC 7523), whose public half goes in Security › Public Keys (JWKS).
          </p>
        </fieldset>
      )}

      <ListInput
        label="Redirect URIs"
        required={values.grant_types.includes('authorization_code')}
        values={values.redirect_uris}
        onChange={(next) => setList('redirect_uris', next)}
        check={(uri) => redirectUriEntryProblem(uri, values)}
        placeholder={values.application_type === 'native' ? 'http://127.0.0.1/callback' : 'https://app.example.com/callback'}
        hint={locked.redirect_uris ?? 'Exact URIs only. HTTPS is required, except loopback addresses (http://127.0.0.1) for native apps.'}
        disabled={!!locked.redirect_uris}
        errors={{ list: errorAt('redirect_uris'), items: redirectErrors }}
      />

      <GrantTypesField
        applicationType={values.application_type}
        grantTypes={values.grant_types}
        responseTypes={values.response_types}
        disabled={isDefault}
        error={errorAt('grant_types')}
        onToggle={toggleGrant}
      />

      <ListInput
        label="Scopes"
        required
        values={values.scopes}
        onChange={(next) => setList('scopes', next)}
        check={(scope) => scopeEntryProblem(scope, values.scopes)}
        checkAsTyped
        entryExtra={(scope, { errorId }) => !locked.scopes && !knownScopes.has(scope) && <UnknownScope scope={scope} errorId={errorId} onCreated={scopeCreated} />}
        placeholder="openid"
        suggestions={scopeSuggestions}
        hint={locked.scopes}
        disabled={!!locked.scopes}
        errors={{ list: errorAt('scopes'), items: itemErrors('scopes') }}
      />

      <FormField
        label="Default API"
        hint="The API (RFC 8707 resource) this client's tokens are for when a request names none. None: client credentials tokens are for Thalamus's API, sign-ins get a userinfo token."
        error={errorAt('default_resource')}
      >
        {(control) => (
          <select {...control} value={values.default_resource ?? ''} onChange={(e) => set('default_resource', e.target.value || null)} className={inputClass}>
            <option value="">None</option>
            {apis.map((api) => (
              <option key={api.identifier} value={api.identifier}>
                {api.name} ({api.identifier})
              </option>
            ))}
          </select>
        )}
      </FormField>

      <TextField
        label="Back-channel logout URI"
        type="url"
        placeholder="https://app.example.com/backchannel-logout"
        hint="Thalamus POSTs a signed logout token here when a user signs out or an administrator ends their sessions (OpenID Connect Back-Channel Logout). Leave empty for none."
        value={values.backchannel_logout_uri ?? ''}
        onChange={(uri) => set('backchannel_logout_uri', uri.trim() ? uri : null)}
        error={errorAt('backchannel_logout_uri')}
      />

      <SwitchField label="Require User Consent" checked={values.require_consent} onChange={(on) => set('require_consent', on)} error={errorAt('require_consent')} />

      <SwitchField
        label="Require PKCE"
        checked={isPublic || values.require_pkce}
        disabled={isPublic}
        onChange={(on) => set('require_pkce', on)}
        hint={isPublic ? PUBLIC_CLIENT_PKCE_REASON : OPTIONAL_PKCE_HINT}
        error={errorAt('require_pkce')}
      />

      <SecuritySection
        values={values}
        set={(key, value) => set(key, value as ClientFormValues[typeof key])}
        errorAt={errorAt}
        itemErrors={itemErrors}
        problemUnder={problemUnder}
        disabled={false}
      />

      <FormActions onCancel={onCancel} submitLabel={submitLabel} pending={pending} pendingLabel="Saving…" sticky />
    </form>
  );
}
