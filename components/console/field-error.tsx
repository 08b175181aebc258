export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-600 dark:text-red-400">
      {message}
    </p>
  );
}

const inputBase =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 aria-invalid:border-red-500 disabled:bg-slate-100 disabled:text-slate-500 dark:border-slate-700 dark:bg-slate-950 dark:disabled:bg-slate-900';
export const inputClass = inputBase;
