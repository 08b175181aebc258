import type Provider from 'oidc-provider';
import { metrics } from './metrics';

/** Token endpoint outcomes (oidc-provider's grant.success / grant.error events) and the provider's own server errors. */
export function countProviderMetrics(provider: Provider): void {
  provider.on('grant.success', (ctx) => {
    const client = ctx.oidc.client;
    metrics().tokensIssued.inc({
      grant_type: String(ctx.oidc.params?.grant_type ?? 'unknown'),
      client_type: client?.clientAuthMethod === 'none' ? 'public' : 'confidential',
    });
  });
  provider.on('grant.error', (_ctx, error) => metrics().tokenErrors.inc({ error: (error as { error?: string }).error ?? 'server_error' }));
  provider.on('server_error', () => metrics().serverErrors.inc({ source: 'provider' }));
}

/** Sign-ins by outcome and lockouts, from the security events that record them (lib/security-events). */
export function countSecurityEvent(type: string): void {
  if (!type.startsWith('sign_in.')) return;
  metrics().signIns.inc({ outcome: type.slice('sign_in.'.length) });
  if (type === 'sign_in.locked') metrics().lockouts.inc();
}
