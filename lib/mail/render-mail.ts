import { escapeHtml } from '@/lib/html/escape-html';

export interface MailDescription {
  heading: string;
  paragraphs: string[];
  /** The one thing the message asks the reader to do: a button in HTML, the bare URL in text. */
  action?: { label: string; url: string };
  /** Small print under the message (why they got it, what to do if it was not them). */
  footer?: string;
}

/** The console's palette (Tailwind slate and indigo), inlined: mail clients ignore style sheets. */
const colors = { page: '#f8fafc', card: '#ffffff', border: '#e2e8f0', text: '#0f172a', muted: '#64748b', accent: '#4f46e5' };
const font = "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/**
 * Plain text and HTML of one message, from one description, in Thalamus's look. Every
 * piece of text is escaped (a user's name is input like any other); the action's URL must
 * be http(s), so a link can never become `javascript:`. Plain text comes first in the
 * message and carries the URL on a line of its own, readable in any client.
 */
export function renderMail(input: MailDescription): { text: string; html: string } {
  if (input.action && !/^https?:\/\//i.test(input.action.url)) throw new Error('A mail action must be an http(s) URL');
  const text = [
    input.heading,
    '',
    ...input.paragraphs.flatMap((p) => [p, '']),
    ...(input.action ? [`${input.action.label}:`, input.action.url, ''] : []),
    ...(input.footer ? ['--', input.footer, ''] : []),
    'Thalamus',
  ].join('\n');

  const paragraph = (p: string) => `<p style="margin:0 0 16px;font-size:15px;line-height:24px;color:${colors.text}">${escapeHtml(p)}</p>`;
  const action = input.action
    ? `<table role="presentation" cellspacing="0" cellpadding="0" border="0" style="margin:8px 0 24px"><tr><td style="border-radius:6px;background:${colors.accent}">` +
      `<a href="${escapeHtml(input.action.url)}" style="display:inline-block;padding:10px 18px;font-size:15px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(input.action.label)}</a>` +
      `</td></tr></table>` +
      `<p style="margin:0 0 16px;font-size:13px;line-height:20px;color:${colors.muted}">If the button does not work, open this address:<br><a href="${escapeHtml(input.action.url)}" style="color:${colors.accent};word-break:break-all">${escapeHtml(input.action.url)}</a></p>`
    : '';
  const footer = input.footer ? `<p style="margin:24px 0 0;font-size:13px;line-height:20px;color:${colors.muted}">${escapeHtml(input.footer)}</p>` : '';
  const html = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(input.heading)}</title></head>
<body style="margin:0;padding:0;background:${colors.page};font-family:${font}">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="background:${colors.page}"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="max-width:560px">
<tr><td style="padding:0 0 16px;font-size:16px;font-weight:700;color:${colors.text}">Thalamus</td></tr>
<tr><td style="background:${colors.card};border:1px solid ${colors.border};border-radius:8px;padding:32px">
<h1 style="margin:0 0 16px;font-size:20px;line-height:28px;font-weight:600;color:${colors.text}">${escapeHtml(input.heading)}</h1>
${input.paragraphs.map(paragraph).join('\n')}
${action}${footer}
</td></tr>
</table>
</td></tr></table>
</body>
</html>
`;
  return { text, html };
}
