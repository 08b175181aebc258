import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { readAccountSession } from '@/lib/account/account-session';
import { accountConnectedApps } from '@/lib/account/connected-apps';
import { accountSessions } from '@/lib/account/account-sessions';
import { accountSecurityEvents } from '@/lib/account/security-events';
import { mustEnrollMfa } from '@/lib/mfa/second-factor';
import { AccountFrame } from '@/components/account/account-frame';
import { AccountSection } from '@/components/account/account-section';
import { ProfileForm } from '@/components/account/profile-form';
import { PasswordForm } from '@/components/account/password-form';
import { EmailForm } from '@/components/account/email-form';
import { TwoStepSection } from '@/components/account/two-step-section';
import { ConnectedAppsList } from '@/components/account/connected-apps-list';
import { SessionsList } from '@/components/account/sessions-list';
import { SecurityEventsList } from '@/components/account/security-events-list';
import { InlineSubmit } from '@/components/account/inline-submit';
import { PasskeysSection } from '@/components/account/passkeys-section';
import { listPasskeys } from '@/lib/passkeys/passkey-list';
import { addPasskey, passkeyRegistrationOptions, removeOwnPasskey } from './passkey-actions';
import {
  changeEmail,
  verifyCurrentEmail,
  changePassword,
  confirmTwoStep,
  disableTwoStep,
  newRecoveryCodes,
  removeAccess,
  saveProfile,
  signOut,
  signOutEverywhereElse,
  startTwoStep,
} from './actions';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };
export const dynamic = 'force-dynamic';

/** The person's own account, signed in through this browser's Thalamus session (or sent to sign in). */
export default async function AccountPage() {
  const account = await readAccountSession();
  if (!account) redirect('/account/sign-in');
  const db = await getDb();
  const { user } = account;
  const [apps, sessions, events, required, passkeys] = await Promise.all([
    accountConnectedApps(db, user.id),
    accountSessions(db, { userId: user.id, sessionId: account.sessionId }),
    accountSecurityEvents(db, user.id),
    mustEnrollMfa(db, { mfaRequired: user.mfaRequired, totpEnabledAt: null }),
    listPasskeys(db, user.id),
  ]);
  return (
    <AccountFrame
      email={user.email}
      signOut={
        <form action={signOut}>
          <InlineSubmit variant="secondary">Sign out</InlineSubmit>
        </form>
      }
    >
      <AccountSection id="profile" title="Profile" description="What applications you sign in to see about you.">
        <ProfileForm action={saveProfile} profile={{ name: user.name, nickname: user.nickname, picture: user.picture }} />
      </AccountSection>
      <AccountSection id="email" title="Email" description="Where Thalamus sends messages about your account. A new address is used once you confirm it.">
        <EmailForm action={changeEmail} verify={verifyCurrentEmail} email={user.email} verified={user.emailVerified} />
      </AccountSection>
      <AccountSection id="password" title="Change password" description="Other sessions are signed out; this one stays signed in.">
        <PasswordForm action={changePassword} />
      </AccountSection>
      <AccountSection id="two-step" title="Two-step verification">
        <TwoStepSection
          enabled={!!user.totpEnabledAt}
          required={required}
          actions={{ start: startTwoStep, confirm: confirmTwoStep, turnOff: disableTwoStep, newCodes: newRecoveryCodes }}
        />
      </AccountSection>
      <AccountSection id="passkeys" title="Passkeys" description="Sign in with your device’s screen lock or a security key instead of a password and code.">
        <PasskeysSection passkeys={passkeys} actions={{ options: passkeyRegistrationOptions, add: addPasskey, remove: removeOwnPasskey }} />
      </AccountSection>
      <AccountSection id="apps" title="Connected apps" description="Applications you allowed to use your account. Removing access signs the application out.">
        <ConnectedAppsList apps={apps} action={removeAccess} />
      </AccountSection>
      <AccountSection id="sessions" title="Sessions" description="Browsers signed in to your Thalamus account.">
        <SessionsList sessions={sessions} action={signOutEverywhereElse} />
      </AccountSection>
      <AccountSection id="activity" title="Security activity" description="Recent sign-ins and changes to your account.">
        <SecurityEventsList events={events} />
      </AccountSection>
    </AccountFrame>
  );
}
