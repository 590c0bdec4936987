// Starts the built bridge (build/, made by `npm run build`) with Paysplit's defaults: the demo
// practice on http://localhost:3000. PORT, HOST, DATA_DIR and the rest override (see README).
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../build/index.js', import.meta.url))) {
	console.error('Paysplit is not built yet: run `npm run build` first (npm start does both).');
	process.exit(1);
}
process.env.HOST ??= '127.0.0.1';
process.env.PORT ??= '3000';
// The payments endpoint refuses bodies over 1 MB itself, with a JSON error (DESIGN §6); the adapter's
// own limit sits above it so that the bridge, not the adapter, gives the answer.
process.env.BODY_SIZE_LIMIT ??= '2M';
// A computed specifier, so the type checker does not wander into the generated build.
await import(new URL('../build/index.js', import.meta.url).href);
