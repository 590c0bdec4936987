/**
 * NexHealth's bearer tokens (docs.nexhealth.com/reference/authentication-1): `POST /authenticates`
 * with the API key gives a JWT that "is valid for 1 hour in production and 24 hours in sandbox".
 * The token's own `exp` says when it ends; one that cannot be read is taken to last the shorter
 * hour. A token is renewed a little before it ends (a fifth of its life, at most five minutes), so
 * a request never goes out with one about to lapse; a 401 renews it once more (nexhealthClient).
 */
export type NexToken = { token: string; renewAt: number; expiresAt: number };

const PRODUCTION_LIFETIME_MS = 60 * 60 * 1000;
const MAX_MARGIN_MS = 5 * 60 * 1000;

export function nexToken(token: string, issuedAt: number): NexToken {
	const exp = jwtExpiry(token);
	const expiresAt = exp !== null && exp > issuedAt ? exp : issuedAt + PRODUCTION_LIFETIME_MS;
	const margin = Math.min(MAX_MARGIN_MS, (expiresAt - issuedAt) / 5);
	return { token, renewAt: expiresAt - margin, expiresAt };
}

/** The `exp` claim of a JWT, in ms; null when the token is not a JWT with one. */
function jwtExpiry(token: string): number | null {
	const payload = token.split('.')[1];
	if (!payload || !/^[A-Za-z0-9_-]+$/.test(payload)) return null;
	try {
		const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
		const exp = claims && typeof claims === 'object' ? (claims as { exp?: unknown }).exp : undefined;
		return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
	} catch {
		return null;
	}
}
