import { expect, type Page, type Request } from '@playwright/test';

/** A server action request as the page made it, held back before it reached the server. */
export interface HeldAction {
  url: string;
  /** What names the action to Next.js and shapes its answer (Next-Action, Content-Type, Accept); no Origin. */
  headers: Record<string, string>;
  body: Buffer;
  /** The page's own origin, which a browser would send. */
  origin: string;
}

/**
 * Holds back the next POST the page sends to `url` (a server action) while `send` runs,
 * typically a click on the button that calls it, so the test can send its own version:
 * from another site, with another session or with another body. Console changes and
 * hosted sign-in steps are server actions: a POST to the page with a Next-Action header.
 */
export async function holdBackAction(page: Page, url: string, send: () => Promise<void>): Promise<HeldAction> {
  let held: Request | undefined;
  await page.route(url, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    held = route.request();
    await route.abort();
  });
  await send();
  await expect.poll(() => held).toBeDefined();
  await page.unroute(url);
  const headers = await held!.allHeaders();
  return {
    url: held!.url(),
    headers: { 'next-action': headers['next-action']!, 'content-type': headers['content-type']!, accept: headers.accept! },
    body: held!.postDataBuffer()!,
    origin: new URL(held!.url()).origin,
  };
}
