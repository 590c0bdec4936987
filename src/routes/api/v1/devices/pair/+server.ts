import { pairRequestSchema, type PairResponse } from '$lib/domain/api/devicePairing';
import { describeWait } from '$lib/server/auth/createGuessLimit';
import { redeemPairingCode } from '$lib/server/auth/pairing';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';

const REASONS = {
	unknown_code: 'That pairing code is not one the bridge issued. Check it, or print a new one with `npm run -s pair-code` on the bridge.',
	used: 'That pairing code was already used. Print a new one with `npm run -s pair-code` on the bridge.',
	expired: 'That pairing code has expired (codes last 10 minutes). Print a new one with `npm run -s pair-code` on the bridge.'
} as const;

/** `POST /devices/pair {code, name}` → `201 {deviceId, token}`; wrong codes are rate-limited per address. */
export const POST = apiRoute({ auth: 'public', body: { json: pairRequestSchema, maxBytes: 16 * 1024, invalid: { code: 'invalid', message: 'The pairing request is not valid' } } }, async ({ event, bridge, body }) => {
	const address = event.getClientAddress();
	const allowed = await bridge.guessLimits.pairingCode.check(address);
	if (!allowed.ok) {
		const who = allowed.scope === 'caller' ? 'from this device' : 'on this bridge, from several devices';
		return apiError(429, 'too_many_attempts', `Too many wrong pairing codes ${who}. Try again in ${describeWait(allowed.retryAfterSeconds)}.`, undefined, { 'retry-after': String(allowed.retryAfterSeconds) });
	}
	const outcome = await redeemPairingCode(bridge.sql, body.code, body.name, bridge.now());
	if (!outcome.ok) {
		await bridge.guessLimits.pairingCode.fail(address);
		bridge.log('warn', `pairing refused from ${address}: ${outcome.reason}`);
		return apiError(outcome.reason === 'unknown_code' ? 401 : 410, outcome.reason, REASONS[outcome.reason]);
	}
	bridge.log('info', `device ${outcome.deviceId} paired`);
	const response: PairResponse = { deviceId: outcome.deviceId, token: outcome.token };
	return apiJson(response, 201);
});
