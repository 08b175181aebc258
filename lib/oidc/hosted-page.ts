import { escapeHtml } from '@/lib/html/escape-html';

/**
 * The frame of pages the provider renders itself (errors, sign-out), styled like the
 * React hosted pages. Callers escape everything they put in `body`.
 */
export function hostedPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Thalamus</title><link rel="icon" href="/favicon.svg">
<style>
body{font-family:ui-sans-serif,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#f8fafc;color:#0f172a;display:grid;place-items:center;min-height:100vh;margin:0}
main{width:100%;max-width:26rem;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:2rem;margin:1rem;box-sizing:border-box}
h1{font-size:1.25rem;margin:0 0 .75rem}p{line-height:1.5;color:#475569}code{background:#f1f5f9;padding:.1rem .3rem;border-radius:4px}
.actions{display:flex;gap:.75rem;margin-top:1.5rem}
label{display:block;font-weight:600;font-size:.875rem;margin:1rem 0 .375rem}input[type=text]{box-sizing:border-box;width:100%;font:inherit;font-size:1.25rem;letter-spacing:.1em;text-transform:uppercase;border:1px solid #cbd5e1;border-radius:8px;padding:.6rem .75rem;background:inherit;color:inherit}input[type=text]::placeholder{color:#94a3b8}input[type=text]:focus-visible{outline:2px solid #4f46e5;outline-offset:1px}
.hint{font-size:.875rem;margin:.375rem 0 0}.error{color:#b91c1c}.user-code code{font-size:1.5rem;letter-spacing:.15em}
button{font:inherit;font-weight:600;border-radius:8px;padding:.6rem 1rem;cursor:pointer;border:1px solid transparent}
button.primary{background:#4f46e5;color:#fff}button.primary:hover{background:#4338ca}
button.secondary{background:transparent;border-color:#cbd5e1;color:inherit}
button:focus-visible{outline:2px solid #4f46e5;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:#020617;color:#e2e8f0}main{background:#0f172a;border-color:#1e293b}p{color:#94a3b8}code{background:#1e293b}input[type=text]{border-color:#334155}.error{color:#f87171}button.secondary{border-color:#334155}}
</style></head><body><main>${body}</main></body></html>`;
}
