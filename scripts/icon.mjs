// Renders images/icon.svg to images/icon.png (256×256, transparent corners) with the Chromium that
// playwright-core drives for the UI tests (E2E_CHROMIUM, else /usr/bin/chromium: see test/e2e/runner.ts).
// The SVG is shapes only (no text, so no font enters the picture); run `npm run icon` after editing it
// and commit both files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 256;
const svg = path.join(root, 'images', 'icon.svg');
const png = path.join(root, 'images', 'icon.png');

const browser = await chromium.launch({
  executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  // The SVG as the page's only content, at its own size, on a transparent background.
  const src = 'data:image/svg+xml;base64,' + fs.readFileSync(svg).toString('base64');
  await page.setContent(
    `<!doctype html><body style="margin:0;background:transparent"><img src="${src}" width="${SIZE}" height="${SIZE}" style="display:block">`,
  );
  await page.waitForFunction('document.images[0].complete && document.images[0].naturalWidth > 0');
  fs.writeFileSync(png, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } }));
  console.log(`${path.relative(root, png)}: ${SIZE}×${SIZE}, ${fs.statSync(png).size} bytes`);
} finally {
  await browser.close();
}
