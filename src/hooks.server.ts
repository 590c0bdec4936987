import type { Handle, ServerInit } from '@sveltejs/kit';
import { issuePairingCode } from '$lib/server/auth/pairing';
import { writeRuntimeFile } from '$lib/server/admin/adminSecret';
import { setBridge } from '$lib/server/bridge/bridgeInstance';
import { ConfigError, startBridge } from '$lib/server/bridge/startBridge';
import { startupBanner } from '$lib/server/bridge/startupBanner';
import { runStandaloneDemoPms } from '$lib/server/demo-pms/serveDemoPms';
import { DatabaseUrlError } from '$lib/server/store/openStore';
import { StoreUnreadableError } from '$lib/server/store/openPglite';

/** Starts the bridge before the server takes its first request (adapter-node awaits this). */
export const init: ServerInit = async () => {
	// `npm run demo-pms` (scripts/demo-pms.js) loads this build to serve the demo PMS alone, on its own port.
	if (process.env.PAYSPLIT_ROLE === 'demo-pms') return runStandaloneDemoPms(process.env);
	try {
		const bridge = await startBridge(process.env);
		setBridge(bridge);
		const { PORT: port, HOST: host } = bridge.config;
		const protocol = bridge.config.TLS_CERT ? 'https' : 'http';
		writeRuntimeFile(bridge.dataDir, { pid: process.pid, port, protocol });
		const { code, expiresAt } = await issuePairingCode(bridge.sql, bridge.now());
		for (const line of startupBanner({ host, port, protocol, pms: bridge.config.PMS, demo: bridge.demo !== null, code, expiresAt })) console.log(line);
		// adapter-node emits this after closing the server on SIGINT/SIGTERM.
		process.once('sveltekit:shutdown' as 'beforeExit', () => {
			void bridge.stop();
		});
	} catch (error) {
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
		console.error('Paysplit could not start:', error);
		process.exit(1);
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'no-referrer');
	response.headers.set('x-frame-options', 'DENY');
	if (event.url.pathname.startsWith('/api/') || event.url.pathname.startsWith('/admin/') || event.url.pathname.startsWith('/demo-pms/')) {
		response.headers.set('cache-control', 'no-store');
	}
	return response;
};
