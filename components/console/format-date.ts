/** Dates in the console: unambiguous, in UTC (servers and admins are rarely in one time zone). */
export function formatDate(iso: string) {
  return `${new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
}
