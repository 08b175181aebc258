'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { SignInPolicies } from '@/lib/settings/sign-in-policies';
import { changeSignInPolicyAction } from '@/lib/console/actions/sign-in-policy-actions';
import { PageHeader } from '../page-header';
import { SwitchField } from '../switch-field';
import { toast } from '../toaster';

/**
 * Settings › Sign-in: the installation-wide policies of the hosted sign-in, the same
 * switches as `npx thalamus settings mfa-required|admin-passkeys`. Super admins change
 * them; other administrators see them.
 */
export function SignInPoliciesView({ policies, canChange }: { policies: SignInPolicies; canChange: boolean }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = async (policy: keyof SignInPolicies, enabled: boolean) => {
    const outcome = await changeSignInPolicyAction({ policy, enabled });
    setErrors(outcome.ok ? {} : Object.fromEntries(outcome.fields.map((field) => [field.path, field.message])));
    toast(outcome.ok ? 'Sign-in policy saved' : outcome.message, outcome.ok ? 'success' : 'error');
    router.refresh();
  };
  return (
    <div className="max-w-2xl p-4 sm:p-6 lg:p-8">
      <PageHeader title="Sign-in" description="Policies every sign-in on the hosted pages follows." />
      {!canChange && <p className="mb-4 text-sm text-slate-500">Only super admins change these.</p>}
      <div className="space-y-6 rounded-lg border border-slate-200 p-5 dark:border-slate-800">
        <SwitchField
          label="Require two-step verification for everyone"
          checked={policies.mfaRequired}
          disabled={!canChange}
          onChange={(enabled) => change('mfaRequired', enabled)}
          hint="Everyone without a second factor (an authenticator app or a passkey) sets one up at their next sign-in."
          error={errors.mfaRequired}
        />
        <SwitchField
          label="Require passkeys for administrators"
          checked={policies.adminPasskeysRequired}
          disabled={!canChange}
          onChange={(enabled) => change('adminPasskeysRequired', enabled)}
          hint="Administrators sign in to the console with a passkey: a password, even with a code, no longer opens it. Add one to your own account first."
          error={errors.adminPasskeysRequired}
        />
      </div>
    </div>
  );
}
