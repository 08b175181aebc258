'use client';

import { useId } from 'react';
import type { ClientResponse } from '@/lib/clients/client-schema';
import { DetailItem } from '../detail-item';

const seconds = (value: number | null) => (value === null ? "Server's default" : `${value} seconds`);

/** The client details' "Security" section: what security-section.tsx edits, as the client has it now. */
export function SecurityDetails({ client }: { client: ClientResponse }) {
  const refreshTokens = client.grant_types.includes('refresh_token');
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
      <h3 id={headingId} className="mb-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Security
      </h3>
      <dl className="space-y-4 text-sm">
        {client.token_endpoint_auth_method === 'private_key_jwt' && client.jwks_uri && (
          <DetailItem label="JWKS URI">
            <span className="font-mono text-xs break-all">{client.jwks_uri}</span>
          </DetailItem>
        )}
        {client.token_endpoint_auth_method === 'private_key_jwt' && !client.jwks_uri && (
          <DetailItem label="Public Keys (JWKS)">
            <ul className="space-y-1 font-mono text-xs break-all">
              {(client.jwks?.keys ?? []).map((key, index) => (
                <li key={index}>
                  {String(key.kty)}
                  {key.crv ? ` ${String(key.crv)}` : ''}
                  {key.kid ? ` · kid ${String(key.kid)}` : ''}
                </li>
              ))}
            </ul>
          </DetailItem>
        )}
        <DetailItem label="Require PAR">{client.require_pushed_authorization_requests ? 'Yes' : 'No'}</DetailItem>
        <DetailItem label="Require DPoP">{client.dpop_bound_access_tokens ? 'Yes' : 'No'}</DetailItem>
        {refreshTokens && (
          <DetailItem label="Refresh Token Rotation">
            {client.refresh_token_rotation ? `On${client.refresh_token_reuse_grace ? `, reuse grace ${client.refresh_token_reuse_grace} seconds` : ''}` : 'Off'}
          </DetailItem>
        )}
        <DetailItem label="Access Token Lifetime">{seconds(client.access_token_lifetime)}</DetailItem>
        <DetailItem label="ID Token Lifetime">{seconds(client.id_token_lifetime)}</DetailItem>
        {refreshTokens && <DetailItem label="Refresh Token Idle Lifetime">{seconds(client.refresh_token_idle_lifetime)}</DetailItem>}
        {refreshTokens && <DetailItem label="Refresh Token Absolute Lifetime">{seconds(client.refresh_token_absolute_lifetime)}</DetailItem>}
        <DetailItem label="Allowed CORS Origins">
          {client.allowed_cors_origins.length ? (
            <ul className="space-y-1 font-mono text-xs break-all">
              {client.allowed_cors_origins.map((origin) => (
                <li key={origin}>{origin}</li>
              ))}
            </ul>
          ) : (
            <span className="text-slate-500">None</span>
          )}
        </DetailItem>
      </dl>
    </section>
  );
}
