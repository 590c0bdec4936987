import type { Sql } from '../store/Sql';

/** At most `max` wrong guesses within `windowMs`. */
export type GuessAllowance = { max: number; windowMs: number };

export type GuessCheck = { ok: true } | { ok: false; retryAfterSeconds: number; scope: 'caller' | 'bridge' };

export type GuessLimit = {
	/** Whether `key` (a device, an address) may guess now: refused once it, or the bridge as a whole, used its allowance. */
	check(key: string): Promise<GuessCheck>;
	/** Counts one wrong guess by `key`. */
	fail(key: string): Promise<void>;
};

/**
 * A limit on wrong guesses of a secret (manager PIN, pairing code), counted in the bridge's database
 * (table `guess_failure`, issue 13): a restart does not forgive, and every bridge on one database
 * counts the same guesses. Two allowances over sliding windows: one per caller (`perCaller`, e.g. 5
 * per 15 minutes per device), and a larger one for the bridge as a whole (`overall`, e.g. 30 per 15
 * minutes), so guessing from many devices or addresses is held too, while one device cannot use up
 * the allowance of every other and lock every manager out.
 */
export function createGuessLimit(deps: { sql: Sql; now: () => Date; scope: string; perCaller: GuessAllowance; overall: GuessAllowance }): GuessLimit {
	const { sql, scope, perCaller, overall } = deps;
	const since = (allowance: GuessAllowance) => new Date(deps.now().getTime() - allowance.windowMs);

	/** Seconds until the oldest counted guess leaves the window, when there are `max` or more in it. */
	async function waitFor(allowance: GuessAllowance, key: string | null): Promise<number | null> {
		const rows = await sql.query<{ at: Date }>(
			`SELECT at FROM guess_failure WHERE scope = $1 AND ($2::text IS NULL OR key = $2) AND at > $3 ORDER BY at DESC LIMIT $4`,
			[scope, key, since(allowance), allowance.max]
		);
		if (rows.length < allowance.max) return null;
		// The newest `max` guesses: the guessing may start again once the oldest of them leaves the window.
		const oldest = rows[rows.length - 1]!.at.getTime();
		return Math.max(1, Math.ceil((oldest + allowance.windowMs - deps.now().getTime()) / 1000));
	}

	return {
		async check(key) {
			const caller = await waitFor(perCaller, key);
			if (caller !== null) return { ok: false, retryAfterSeconds: caller, scope: 'caller' };
			const bridge = await waitFor(overall, null);
			if (bridge !== null) return { ok: false, retryAfterSeconds: bridge, scope: 'bridge' };
			return { ok: true };
		},
		async fail(key) {
			const at = deps.now();
			await sql.query(`INSERT INTO guess_failure (scope, key, at) VALUES ($1, $2, $3)`, [scope, key, at]);
			const longest = Math.max(perCaller.windowMs, overall.windowMs);
			await sql.query(`DELETE FROM guess_failure WHERE scope = $1 AND at <= $2`, [scope, new Date(at.getTime() - longest)]);
		}
	};
}

/** How long to wait, in words: "14 minutes", "a minute". */
export function describeWait(seconds: number): string {
	if (seconds < 60) return 'a minute';
	const minutes = Math.ceil(seconds / 60);
	return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
