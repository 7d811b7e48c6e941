// Browser test of /docs: Debian's headless Chromium loads the Swagger UI page the WAR serves,
// finds the device operations, runs "GET /api/v1/device" from the page and saves a screenshot.
// With a token (a server with DEVICES_AUTH=jwt): the first run is refused with 401, then the page's
// Authorize button takes the token and the same run answers 200.
// Usage: node docs-page.mjs http://localhost:4000 ../../../target/docs-page.png [bearer-token]
import { chromium } from 'playwright-core';

const [base = 'http://localhost:4000', screenshot = 'docs-page.png', token] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  const outside = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['http:', 'https:'].includes(url.protocol) || url.origin === new URL(base).origin) return;
    outside.push(request.url());
  });

  await page.goto(`${base}/docs/`, { waitUntil: 'networkidle' });
  const operations = page.locator('.opblock');
  await operations.first().waitFor({ timeout: 30_000 });
  const paths = await page.locator('.opblock-summary-path').allInnerTexts();
  for (const expected of ['/api/v1/device', '/api/v1/device/{id}', '/api/v1/health-check/db']) {
    if (!paths.some((p) => p.replace(/\u200b/g, '').trim() === expected)) {
      throw new Error(`operation ${expected} not on the page; found ${paths.join(', ')}`);
    }
  }

  const list = page.locator('.opblock-get').filter({
    has: page.locator('.opblock-summary-path', { hasText: /^\/api\/v1\/device$/ }),
  });
  await list.locator('.opblock-summary').click();
  // The page opens operations ready to run (tryItOutEnabled); older settings need the click.
  const tryIt = list.getByRole('button', { name: 'Try it out' });
  if (await tryIt.count()) await tryIt.click();
  const execute = async () => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/device', { timeout: 30_000 }),
      list.getByRole('button', { name: 'Execute' }).click(),
    ]);
    return response;
  };
  if (token) {
    const refused = await execute();
    if (refused.status() !== 401) throw new Error(`without authorizing, the page's request answered ${refused.status()}`);
    await page.locator('.auth-wrapper button.authorize').click();
    const dialog = page.locator('.modal-ux');
    await dialog.locator('input').first().fill(token);
    await dialog.locator('.auth-btn-wrapper button.authorize').click();
    await dialog.locator('button.btn-done').click();
  }
  const answered = await execute();
  const sentToken = answered.request().headers()['authorization'];
  if (token && sentToken !== `Bearer ${token}`) throw new Error(`the page sent Authorization: ${sentToken}`);
  const status = list.locator('.live-responses-table tbody .response-col_status').first();
  await status.waitFor({ timeout: 30_000 });
  await page.waitForFunction((expected) => document.querySelector('.live-responses-table tbody .response-col_status')
    ?.innerText.trim() === expected, String(answered.status()), { timeout: 30_000 });
  const code = (await status.innerText()).trim();
  const body = await list.locator('.live-responses-table tbody .response-col_description pre').first().innerText();
  await page.screenshot({ path: screenshot, fullPage: false });

  if (code !== '200') throw new Error(`GET /api/v1/device from the page answered ${code}: ${body}`);
  const requested = (await list.locator('.request-url pre').first().innerText()).trim();
  if (!requested.startsWith(`${base}/api/v1/device`)) throw new Error(`the page requested ${requested}`);
  const direct = await (await fetch(requested, token ? { headers: { Authorization: `Bearer ${token}` } } : {})).json();
  if (JSON.stringify(JSON.parse(body)) !== JSON.stringify(direct)) {
    throw new Error(`the page showed ${body}, the API answers ${JSON.stringify(direct)}`);
  }
  if (outside.length) throw new Error(`the page fetched from other hosts: ${outside.join(', ')}`);
  console.log(`docs page: ${paths.length} operations listed, GET /api/v1/device executed from the page: ${code}`
    + `${token ? ' (401 before Authorize, 200 with the token)' : ''}; `
    + `screenshot ${screenshot}`);
} finally {
  await browser.close();
}
