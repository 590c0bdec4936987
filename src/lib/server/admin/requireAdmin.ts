import type { RequestEvent } from '@sveltejs/kit';
import { sameSecret } from '../auth/secrets';
import type { Bridge } from '../bridge/startBridge';
import { apiError } from '../http/apiResponses';
import { isLoopback } from './isLoopback';

/**
 * The loopback admin channel's guard (DESIGN §8): only connections from this machine carrying the
 * secret in DATA_DIR/admin.secret. Null when allowed, else the refusal to answer with.
 */
export function requireAdmin(bridge: Bridge, event: RequestEvent): Response | null {
	if (!isLoopback(event.getClientAddress())) return apiError(403, 'forbidden', 'The admin channel answers only on this machine (127.0.0.1 / ::1).');
	const given = event.request.headers.get('x-admin-secret') ?? '';
	if (!sameSecret(given, bridge.adminSecret)) return apiError(401, 'unauthorized', 'Wrong or missing admin secret (DATA_DIR/admin.secret).');
	return null;
}
