// `npm run demo-nexhealth`: a NexHealth Synchronizer API-compatible fake for a Dentrix or Eaglesoft
// practice, on http://127.0.0.1:30300, for bridges (and the NexHealth connector's tests) to post to.
// DEMO_EMR (dentrix, the default, or eaglesoft), DEMO_NEXHEALTH_PORT, HOST, DATA_DIR (its database:
// DATA_DIR/demo-nexhealth-standalone), DEMO_TODAY, DEMO_PATIENTS, DEMO_SYNC_SECONDS and PRACTICE_TZ
// override the defaults. It prints its URL and the settings for the bridges.
//
// It runs the built server (build/, made by `npm run build`) with PAYSPLIT_ROLE=demo-nexhealth: the
// server's start-up hook (src/hooks.server.ts) then serves the fake
// (src/lib/server/demo-nexhealth/serveDemoNexhealth.ts) instead of starting a bridge. SvelteKit
// bundles that code under hashed names, so the one stable way into it is the adapter's handler,
// whose import runs the hook.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

// The practice's database is made private to this user, as the bridge's is (issue 13).
process.umask(0o077);

const build = new URL('../build/', import.meta.url);
if (!existsSync(new URL('handler.js', build))) {
	console.error('Paysplit is not built yet: run `npm run build` first.');
	process.exit(1);
}
// A build from before the fake could run alone would start a whole bridge here instead, on the
// bridge's own DATA_DIR: refuse it.
const entries = new URL('server/chunks/entries/', build);
const hooks = existsSync(entries) ? readdirSync(entries).filter((name) => name.startsWith('hooks.server')) : [];
if (!hooks.some((name) => readFileSync(new URL(name, entries), 'utf8').includes('demo-nexhealth'))) {
	console.error('This build cannot run the demo NexHealth alone: run `npm run build` again, then `npm run demo-nexhealth`.');
	process.exit(1);
}
process.env.PAYSPLIT_ROLE = 'demo-nexhealth';
// A computed specifier, so the type checker does not wander into the generated build.
await import(new URL('handler.js', build).href);
