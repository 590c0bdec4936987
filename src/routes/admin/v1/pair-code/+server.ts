import type { RequestHandler } from './$types';
import { displayPairingCode } from '$lib/domain/api/devicePairing';
import { issuePairingCode } from '$lib/server/auth/pairing';
import { sameSecret } from '$lib/server/auth/secrets';
import { isLoopback } from '$lib/server/admin/isLoopback';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { apiError, apiJson } from '$lib/server/http/apiResponses';

/**
 * The loopback admin channel (DESIGN §8): only this machine, only with DATA_DIR/admin.secret.
 * `POST /admin/v1/pair-code` → a new one-time pairing code.
 */
export const POST: RequestHandler = async (event) => {
	const bridge = getBridge();
	if (!isLoopback(event.getClientAddress())) return apiError(403, 'forbidden', 'The admin channel answers only on this machine (127.0.0.1 / ::1).');
	const given = event.request.headers.get('x-admin-secret') ?? '';
	if (!sameSecret(given, bridge.adminSecret)) return apiError(401, 'unauthorized', 'Wrong or missing admin secret (DATA_DIR/admin.secret).');
	const { code, expiresAt } = await issuePairingCode(bridge.sql, bridge.now());
	bridge.log('info', 'pairing code issued through the admin channel');
	return apiJson({ code: displayPairingCode(code), expiresAt: expiresAt.toISOString() }, 201);
};
