// `npm run demo-pms`: the demo practice alone, as an Open Dental API on http://127.0.0.1:30222/api/v1,
// for bridges started with PMS=opendental, so that several bridges can share one practice.
// DEMO_PMS_PORT (else PORT), HOST, DATA_DIR (its database: DATA_DIR/demo-pms-standalone), DEMO_TODAY,
// DEMO_PATIENTS and PRACTICE_TZ override the defaults. It prints the settings for the bridges.
//
// It runs the built server (build/, made by `npm run build`) with PAYSPLIT_ROLE=demo-pms: the server's
// start-up hook (src/hooks.server.ts) then serves the demo PMS (src/lib/server/demo-pms/serveDemoPms.ts)
// instead of starting a bridge. SvelteKit bundles that code under hashed names, so the one stable
// way into it is the adapter's handler, whose import runs the hook.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

// The demo practice's database is made private to this user, as the bridge's is (issue 13).
process.umask(0o077);

const build = new URL('../build/', import.meta.url);
if (!existsSync(new URL('handler.js', build))) {
	console.error('Paysplit is not built yet: run `npm run build` first.');
	process.exit(1);
}
// A build from before the demo PMS could run alone would start a whole bridge here instead, on the
// bridge's own DATA_DIR: refuse it.
const entries = new URL('server/chunks/entries/', build);
const hooks = existsSync(entries) ? readdirSync(entries).filter((name) => name.startsWith('hooks.server')) : [];
if (!hooks.some((name) => readFileSync(new URL(name, entries), 'utf8').includes('PAYSPLIT_ROLE'))) {
	console.error('This build cannot run the demo PMS alone: run `npm run build` again, then `npm run demo-pms`.');
	process.exit(1);
}
process.env.PAYSPLIT_ROLE = 'demo-pms';
// A computed specifier, so the type checker does not wander into the generated build.
await import(new URL('handler.js', build).href);
