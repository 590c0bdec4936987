import type { RequestHandler } from './$types';
import { displayPairingCode } from '$lib/domain/api/devicePairing';
import { issuePairingCode } from '$lib/server/auth/pairing';
import { requireAdmin } from '$lib/server/admin/requireAdmin';
import { getBridge } from '$lib/server/bridge/bridgeInstance';
import { apiJson } from '$lib/server/http/apiResponses';

/** `POST /admin/v1/pair-code` → a new one-time pairing code (loopback admin channel, DESIGN §8). */
export const POST: RequestHandler = async (event) => {
	const bridge = getBridge();
	const refused = requireAdmin(bridge, event);
	if (refused) return refused;
	const { code, expiresAt } = await issuePairingCode(bridge.sql, bridge.now());
	bridge.log('info', 'pairing code issued through the admin channel');
	return apiJson({ code: displayPairingCode(code), expiresAt: expiresAt.toISOString() }, 201);
};
