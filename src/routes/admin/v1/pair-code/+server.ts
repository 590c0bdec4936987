import { displayPairingCode } from '$lib/domain/api/devicePairing';
import { issuePairingCode } from '$lib/server/auth/pairing';
import { apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';

/** `POST /admin/v1/pair-code` → a new one-time pairing code (loopback admin channel, DESIGN §8). */
export const POST = apiRoute({ auth: 'admin' }, async ({ bridge }) => {
	const { code, expiresAt } = await issuePairingCode(bridge.sql, bridge.now());
	bridge.log('info', 'pairing code issued through the admin channel');
	return apiJson({ code: displayPairingCode(code), expiresAt: expiresAt.toISOString() }, 201);
});
