import type { Metadata } from 'next';
import { getDb } from '@/lib/db/client';
import { signInDestination } from '@/lib/account/account-sign-in';
import { consentScopes, interactionClient, interactionDetails, InteractionExpired, readLoginState } from '@/lib/oidc/interaction';
import { totpProvisioningUri, totpQrCodeSvg } from '@/lib/mfa/totp';
import { describeScopes } from '@/lib/scopes/scope-service';
import { AuthCard } from '@/components/hosted/auth-card';
import { SignInForm } from '@/components/hosted/sign-in-form';
import { MfaChallengeForm } from '@/components/hosted/mfa-challenge-form';
import { MfaEnrollForm } from '@/components/hosted/mfa-enroll-form';
import { ConsentForm } from '@/components/hosted/consent-form';
import { GroupAccessDenied } from '@/components/hosted/group-access-denied';
import { GROUP_ACCESS_PROMPT } from '@/lib/groups/group-access-prompt';
import { cancelSignIn, confirmEnrollment, continueAfterEnrollment, decideConsent, leaveWithoutGroupAccess, signIn, verifyMfa } from './actions';
import { passkeySignInOptions, signInWithPasskey } from './passkey-actions';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };
export const dynamic = 'force-dynamic';

/**
 * The hosted sign-in: one URL per interaction, showing the step the provider (and the
 * sign-in so far) needs: sign in, second factor, MFA enrollment or consent.
 */
export default async function InteractionPage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  let details;
  try {
    details = await interactionDetails(uid);
  } catch (error) {
    if (error instanceof InteractionExpired) return <Expired />;
    throw error;
  }
  const db = await getDb();
  const registered = await interactionClient(details);
  if (!registered) return <Expired />;
  const client = signInDestination(registered, details.params.redirect_uri);

  if (details.prompt.name === 'login') {
    const state = await readLoginState(uid);
    const passkey = { options: passkeySignInOptions.bind(null, uid), verify: signInWithPasskey.bind(null, uid) };
    if (state?.step === 'mfa') {
      return (
        <AuthCard title="Two-step verification" client={client}>
          <MfaChallengeForm action={verifyMfa.bind(null, uid)} totp={state.factors?.totp ?? true} passkey={state.factors?.passkey ? passkey : undefined} />
        </AuthCard>
      );
    }
    if (state?.step === 'enroll' && state.pendingTotpSecret) {
      const user = await db.user.findUnique({ where: { id: state.accountId }, select: { email: true } });
      const qrSvg = await totpQrCodeSvg(totpProvisioningUri(state.pendingTotpSecret, user?.email ?? 'account'));
      return (
        <AuthCard title="Set up two-step verification" client={client}>
          <MfaEnrollForm action={confirmEnrollment.bind(null, uid)} finish={continueAfterEnrollment.bind(null, uid)} qrSvg={qrSvg} manualKey={state.pendingTotpSecret} />
        </AuthCard>
      );
    }
    const loginHint = typeof details.params.login_hint === 'string' ? details.params.login_hint.slice(0, 254) : undefined;
    return (
      <AuthCard title="Sign in" client={client}>
        <SignInForm action={signIn.bind(null, uid)} cancel={cancelSignIn.bind(null, uid)} passkey={passkey} loginHint={loginHint} />
      </AuthCard>
    );
  }

  if (details.prompt.name === GROUP_ACCESS_PROMPT) {
    const user = details.session?.accountId ? await db.user.findUnique({ where: { id: details.session.accountId }, select: { email: true } }) : null;
    return (
      <AuthCard title="You don't have access to this application" client={client}>
        <GroupAccessDenied clientName={client.name} email={user?.email ?? ''} leave={leaveWithoutGroupAccess.bind(null, uid)} />
      </AuthCard>
    );
  }

  if (details.prompt.name === 'consent') {
    const asked = consentScopes(details);
    const shown = asked.filter((scope) => scope !== 'openid');
    return (
      <AuthCard title="Allow access?" client={client}>
        <ConsentForm action={decideConsent.bind(null, uid)} clientName={client.name} scopes={await describeScopes(db, shown.length ? shown : asked)} />
      </AuthCard>
    );
  }

  return <Expired />;
}

function Expired() {
  return (
    <AuthCard title="This sign-in request has expired">
      <p className="text-sm text-slate-600 dark:text-slate-400">It was completed already or waited too long. Return to the application and sign in again.</p>
    </AuthCard>
  );
}
