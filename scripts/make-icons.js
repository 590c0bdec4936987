// Renders the PNG app icons from static/icons/icon.svg with headless Chromium, so the PNGs never
// drift from the SVG. Run after editing the SVG, and commit the PNGs (the build does not run this):
//
//   node scripts/make-icons.js            (CHROMIUM_PATH overrides /usr/bin/chromium)
//
// Writes, next to the SVG:
// - icon-192.png, icon-512.png: the rounded tile on transparency (manifest purpose "any").
// - icon-maskable-512.png: full-bleed tile, glyph shrunk into the central safe zone (a circle of
//   40% of the size, https://w3c.github.io/manifest/#icon-masks), since the OS crops the edges.
// - apple-touch-icon-180.png: full-bleed and opaque; iOS rounds it itself and shows transparent
//   pixels as black.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ICONS = fileURLToPath(new URL('../static/icons/', import.meta.url));
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
/** The glyph's scale in full-bleed icons: its farthest point (~185 of 512 from the centre) lands well inside the 205 safe radius. */
const SAFE_ZONE_SCALE = 0.8;

const svg = await readFile(`${ICONS}icon.svg`, 'utf8');
const tileColor = match(svg, /<rect id="tile"[^>]*fill="(#[0-9a-f]{6})"/i, 'the tile <rect id="tile" fill="#rrggbb">');
const glyph = match(svg, /<g id="glyph">([\s\S]*?)<\/g>/, 'the <g id="glyph"> group');

const fullBleed = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
	<rect width="512" height="512" fill="${tileColor}"/>
	<g transform="translate(256 256) scale(${SAFE_ZONE_SCALE}) translate(-256 -256)">${glyph}</g>
</svg>`;

const outputs = [
	{ file: 'icon-192.png', size: 192, source: svg, transparent: true },
	{ file: 'icon-512.png', size: 512, source: svg, transparent: true },
	{ file: 'icon-maskable-512.png', size: 512, source: fullBleed, transparent: false },
	{ file: 'apple-touch-icon-180.png', size: 180, source: fullBleed, transparent: false }
];

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: CHROMIUM_ARGS
});
try {
	for (const { file, size, source, transparent } of outputs) {
		const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
		const src = `data:image/svg+xml,${encodeURIComponent(source)}`;
		await page.setContent(
			`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`
		);
		await page.locator('img').evaluate((img) => img.decode());
		const png = await page.screenshot({ omitBackground: transparent, clip: { x: 0, y: 0, width: size, height: size } });
		await writeFile(`${ICONS}${file}`, png);
		await page.close();
		console.log(`static/icons/${file} (${size}×${size}, ${png.length} bytes)`);
	}
} finally {
	await browser.close();
}

/** @param {string} text @param {RegExp} pattern @param {string} what */
function match(text, pattern, what) {
	const found = pattern.exec(text)?.[1];
	if (found === undefined) throw new Error(`static/icons/icon.svg has no ${what}; make-icons.js needs it to build the full-bleed icons.`);
	return found;
}
