import type { Handle, ServerInit } from '@sveltejs/kit';
import { issuePairingCode } from '$lib/server/auth/pairing';
import { writeRuntimeFile } from '$lib/server/admin/adminSecret';
import { ConfigError, startBridge, type Bridge } from '$lib/server/bridge/startBridge';
import { PmsRefusedError } from '$lib/server/config/refusedPms';
import { startupBanner } from '$lib/server/bridge/startupBanner';
import { runStandaloneDemoNexhealth } from '$lib/server/demo-nexhealth/serveDemoNexhealth';
import { runStandaloneDemoPms } from '$lib/server/demo-pms/serveDemoPms';
import { DatabaseUrlError } from '$lib/server/store/openStore';
import { StoreUnreadableError } from '$lib/server/store/openPglite';
import { DataDirNotPrivateError } from '$lib/server/store/privateDataDir';

/**
 * The bridge this process runs: made by `init` (the composition root), handed to every request as
 * `event.locals.bridge` by `handle`, so routes take their services from the request, never from a
 * module of their own.
 */
let bridge: Bridge | null = null;

/** Starts the bridge before the server takes its first request (adapter-node awaits this). */
export const init: ServerInit = async () => {
	// `npm run demo-pms` (scripts/demo-pms.js) loads this build to serve the demo PMS alone, on its own port.
	if (process.env.PAYSPLIT_ROLE === 'demo-pms') return runStandaloneDemoPms(process.env);
	if (process.env.PAYSPLIT_ROLE === 'demo-nexhealth') return runStandaloneDemoNexhealth(process.env);
	try {
		const started = await startBridge(process.env);
		bridge = started;
		const { PORT: port, HOST: host } = started.config;
		const protocol = started.config.TLS_CERT ? 'https' : 'http';
		writeRuntimeFile(started.dataDir, { pid: process.pid, port, protocol });
		const { code, expiresAt } = await issuePairingCode(started.sql, started.now());
		for (const line of startupBanner({ host, port, protocol, pms: started.config.PMS, demo: started.config.PMS === 'demo', emr: started.identity().emr, code, expiresAt })) console.log(line);
		// adapter-node emits this after closing the server on SIGINT/SIGTERM.
		process.once('sveltekit:shutdown' as 'beforeExit', () => {
			void started.stop();
		});
	} catch (error) {
		if (error instanceof PmsRefusedError) {
			console.error(`Paysplit will not start: ${error.message}`);
			process.exit(error.exitCode);
		}
		if (error instanceof ConfigError) {
			console.error('Paysplit cannot start. Fix these settings (environment variables) and start again:');
			for (const problem of error.problems) console.error(`  - ${problem}`);
			process.exit(1);
		}
		if (error instanceof DatabaseUrlError) {
			console.error(`Paysplit cannot start. Fix this setting (environment variable) and start again:\n  - ${error.message}`);
			process.exit(1);
		}
		if (error instanceof StoreUnreadableError) {
			console.error(`Paysplit cannot start.\n  - ${error.message}`);
			process.exit(1);
		}
		if (error instanceof DataDirNotPrivateError) {
			console.error(`Paysplit cannot start.\n  - ${error.message}`);
			process.exit(1);
		}
		console.error('Paysplit could not start:', error);
		process.exit(1);
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.bridge = bridge;
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'no-referrer');
	response.headers.set('x-frame-options', 'DENY');
	if (event.url.pathname.startsWith('/api/') || event.url.pathname.startsWith('/admin/') || event.url.pathname.startsWith('/demo-pms/') || event.url.pathname.startsWith('/demo-nexhealth/')) {
		response.headers.set('cache-control', 'no-store');
	}
	return response;
};
