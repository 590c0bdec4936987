import { createHash } from 'node:crypto';

/** A stable hash of a JSON value: keys sorted, so the same content always hashes the same. */
export function canonicalHash(value: unknown): string {
	return createHash('sha256').update(canonical(value)).digest('hex');
}

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		return `{${Object.keys(value)
			.sort()
			.filter((k) => (value as Record<string, unknown>)[k] !== undefined)
			.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value);
}
