import type { z } from 'zod';

/**
 * Parses rows read from IndexedDB: storage is untrusted too (an older version, a bug, a hand edit).
 * Rows that fail are returned apart, never silently dropped.
 */
export function readRows<T>(schema: z.ZodType<T>, rows: readonly unknown[]): { good: T[]; bad: { row: unknown; problem: string }[] } {
	const good: T[] = [];
	const bad: { row: unknown; problem: string }[] = [];
	for (const row of rows) {
		const parsed = schema.safeParse(row);
		if (parsed.success) good.push(parsed.data);
		else bad.push({ row, problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
	}
	return { good, bad };
}
