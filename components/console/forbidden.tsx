import { AuthCard } from '@/components/hosted/auth-card';
import { SignOutButton } from './sign-out-button';

export function Forbidden({ email, logoutUrl }: { email: string; logoutUrl: string }) {
  return (
    <AuthCard title="You do not have access to the console">
      <div className="space-y-4">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          You are signed in as <span className="font-medium text-slate-900 dark:text-slate-100">{email}</span>, which is not an administrator account. Ask an administrator to grant
          you the admin role, or sign in with another account.
        </p>
        <p className="text-xs text-slate-500">Error 403 · Forbidden</p>
        <SignOutButton logoutUrl={logoutUrl} />
      </div>
    </AuthCard>
  );
}
