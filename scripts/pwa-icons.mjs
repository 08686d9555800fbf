// Renders the app icons from their SVG sources to the PNG sizes the web app manifest
// lists, in the system Chromium: node scripts/pwa-icons.mjs
// Run it after changing pwa/icons/*.svg and commit the PNGs it writes.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumArgs } from '../tests/e2e/local-server.mjs';

const dir = 'pwa/icons';
const outputs = [
  { source: 'icon.svg', size: 192, file: 'icon-192.png' },
  { source: 'icon.svg', size: 512, file: 'icon-512.png' },
  { source: 'icon.svg', size: 180, file: 'apple-touch-icon.png', opaque: true },
  { source: 'icon-maskable.svg', size: 192, file: 'icon-maskable-192.png' },
  { source: 'icon-maskable.svg', size: 512, file: 'icon-maskable-512.png' },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: chromiumArgs,
});
try {
  const page = await browser.newPage();
  for (const { source, size, file, opaque } of outputs) {
    const svg = readFileSync(join(dir, source), 'utf8');
    const background = opaque ? '#1f2933' : 'transparent';
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:${background}">` +
        `<div style="width:${size}px;height:${size}px">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</div>` +
        '</body></html>',
    );
    await page.screenshot({ path: join(dir, file), omitBackground: !opaque, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`${join(dir, file)}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
