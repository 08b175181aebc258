'use client';

import { useState } from 'react';

const buttonClass =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-slate-700 dark:hover:bg-slate-800';

/** The text a saved file holds: a line of explanation, then one code a line. */
export function recoveryCodesText(codes: string[]): string {
  return ['Thalamus recovery codes. Each one signs you in once, in place of your authenticator app.', '', ...codes, ''].join('\n');
}

/**
 * The recovery codes, shown once at enrollment, with two ways to keep them: copy them
 * to the clipboard, or download them as a text file. Nothing leaves the browser.
 */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setStatus('Recovery codes copied to the clipboard.');
    } catch {
      setStatus('Could not copy: select the codes and copy them yourself.');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([recoveryCodesText(codes)], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'thalamus-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
    setStatus('Recovery codes downloaded.');
  };
  return (
    <div className="space-y-2">
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-md bg-slate-100 p-3 font-mono text-sm dark:bg-slate-800">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex gap-2">
        <button type="button" onClick={copy} className={buttonClass}>
          Copy
        </button>
        <button type="button" onClick={download} className={buttonClass}>
          Download
        </button>
      </div>
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {status}
      </p>
    </div>
  );
}
