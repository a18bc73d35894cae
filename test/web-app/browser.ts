import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * Debian's chromium (scripts/install-system-deps.sh), driven by puppeteer-core: headless, no
 * sandbox (the test runs as a plain user in a container), never a downloaded browser.
 */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--no-first-run', '--disable-gpu'],
  });
}

/** The page's text of `selector` once `predicate` holds for it. */
export async function waitForText(page: Page, selector: string, predicate: (text: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  let last = '';
  for (;;) {
    last = await page.$eval(selector, (e) => e.textContent ?? '').catch(() => '');
    if (predicate(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} in ${selector}; it reads: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Clicks the button inside `scope` whose text is exactly `label`. */
export async function clickButton(page: Page, scope: string, label: string): Promise<void> {
  const clicked = await page.$$eval(
    `${scope} button`,
    (buttons, wanted) => {
      const b = buttons.find((x) => x.textContent === wanted) as unknown as { click(): void } | undefined;
      b?.click();
      return Boolean(b);
    },
    label,
  );
  if (!clicked) throw new Error(`no button "${label}" in ${scope}`);
}

/** Signs in through the form with `key`. */
export async function signIn(page: Page, key: string): Promise<void> {
  await page.waitForSelector('#sign-in-form');
  await page.type('#api-key', key);
  await page.click('#sign-in-form button[type=submit]');
}
