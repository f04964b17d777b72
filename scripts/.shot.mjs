import { chromium } from '@playwright/test';
const [,, url, out, w = '1280', h = '900'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(url);
await page.waitForTimeout(1500);
for (const key of (process.env.KEYS ?? '').split(',').filter(Boolean)) { await page.locator('body').press(key); await page.waitForTimeout(700); }
console.log('url', page.url());
console.log('state', await page.getByTestId('machine-state').textContent().catch(() => '?'));
console.log('step', await page.getByTestId('step-count').textContent().catch(() => '?'), await page.getByTestId('step-name').textContent().catch(() => '?'));
await page.screenshot({ path: out, fullPage: false });
await browser.close();
