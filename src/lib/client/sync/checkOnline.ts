import type { ApiResult } from '../api/bridgeApi';
import type { Health } from '$lib/domain/api/health';
import type { Clock, SyncApi } from './platform';

/** "Online" means the bridge's health check answered within 2 s (DESIGN §2), not navigator.onLine. */
export const HEALTH_TIMEOUT_MS = 2_000;

/**
 * Asks `/api/v1/health`, giving up after `timeoutMs` on the injected clock. The bridge client also
 * aborts its fetch at 2 s; this bound holds whatever fetch it was given, and lets tests decide
 * when time runs out.
 */
export async function checkOnline(api: SyncApi, clock: Clock, timeoutMs = HEALTH_TIMEOUT_MS): Promise<ApiResult<Health>> {
	let cancel = () => {};
	const timeout = new Promise<ApiResult<Health>>((resolve) => {
		cancel = clock.setTimer(timeoutMs, () => resolve({ ok: false, kind: 'offline', message: `the bridge did not answer within ${timeoutMs / 1000} s` }));
	});
	try {
		return await Promise.race([api.health(), timeout]);
	} finally {
		cancel();
	}
}
