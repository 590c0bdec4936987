import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Sql } from '../store/Sql';

/** scrypt's cost: N=2^15, r=8, p=1 (about 32 MB and a few tens of ms a check: OWASP's minimum is N=2^17 for passwords; a PIN is also rate-limited). */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function derive(pin: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
	const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
	return new Promise((resolve, reject) => scrypt(pin, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$<salt hex>$<key hex>`: the parameters travel with the hash, so they can be raised later. */
export async function hashPin(pin: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(pin, salt, PARAMS);
	return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('hex')}$${key.toString('hex')}`;
}

export async function pinMatches(pin: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, salt, key] = stored.split('$');
	if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) throw new Error('The stored manager PIN hash is not in the scrypt$N$r$p$salt$key format');
	const expected = Buffer.from(key, 'hex');
	const actual = await derive(pin, Buffer.from(salt, 'hex'), { N: Number(n), r: Number(r), p: Number(p) });
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export async function setManagerPin(sql: Sql, pin: string, at: Date): Promise<void> {
	const hash = await hashPin(pin);
	await sql.query(`INSERT INTO manager_pin (id, hash, set_at) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET hash = EXCLUDED.hash, set_at = EXCLUDED.set_at`, [hash, at]);
}

export type PinCheck = 'ok' | 'wrong' | 'not_set';

export async function checkManagerPin(sql: Sql, pin: string): Promise<PinCheck> {
	const row = (await sql.query<{ hash: string }>(`SELECT hash FROM manager_pin WHERE id = 1`))[0];
	if (!row) return 'not_set';
	return (await pinMatches(pin, row.hash)) ? 'ok' : 'wrong';
}
