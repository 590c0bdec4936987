import { randomBytes } from 'node:crypto';

/**
 * The bearer tokens POST /authenticates hands out (docs.nexhealth.com/reference/authentication-1:
 * "valid for 24 hours in sandbox and 1 hour in production"; "All unauthenticated requests will
 * return a 401"). Shaped like NexHealth's JWTs (three base64url parts, `exp` in the middle one) but
 * checked against this store, not a signature: a token is good until its expiry by the demo's clock
 * (`now`), or until the store is dropped (a restarted fake forgets its tokens; callers
 * re-authenticate on 401, as they must anyway).
 */
const MAX_TOKENS = 10_000;

export function createTokenStore(now: () => Date) {
	const tokens = new Map<string, { apiKey: string; expiresAt: number }>();
	return {
		issue(apiKey: string, ttlSeconds: number): string {
			const issuedAt = now().getTime();
			const expiresAt = issuedAt + ttlSeconds * 1000;
			// Expired ones first, then the oldest, so that a caller authenticating in a loop cannot grow the store.
			for (const [token, entry] of tokens) if (entry.expiresAt <= issuedAt) tokens.delete(token);
			while (tokens.size >= MAX_TOKENS) tokens.delete(tokens.keys().next().value as string);
			const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
			const token = `${part({ alg: 'HS256' })}.${part({ sub: 'demo', scp: 'api_user', iat: Math.floor(issuedAt / 1000), exp: Math.floor(expiresAt / 1000), jti: randomBytes(12).toString('hex') })}.${randomBytes(32).toString('base64url')}`;
			tokens.set(token, { apiKey, expiresAt });
			return token;
		},
		/** The API key a token stands for, or why it does not: unknown, or expired. */
		check(token: string): { ok: true; apiKey: string } | { ok: false; why: 'unknown' | 'expired' } {
			const entry = tokens.get(token);
			if (!entry) return { ok: false, why: 'unknown' };
			if (entry.expiresAt <= now().getTime()) return { ok: false, why: 'expired' };
			return { ok: true, apiKey: entry.apiKey };
		}
	};
}
export type TokenStore = ReturnType<typeof createTokenStore>;
