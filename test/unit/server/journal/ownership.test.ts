import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One owner per table (STYLE): the journal's tables — payments, their events, PMS write attempts and
 * the PMS rows a payment became — are read and written only by src/lib/server/journal/ (and created
 * by the migrations). Every other module asks it.
 */
const TABLES = ['payment', 'payment_event', 'posting_attempt', 'payment_pms_row'];
const SQL_ON_TABLE = new RegExp(`\\b(FROM|JOIN|UPDATE|INTO)\\s+(${TABLES.join('|')})\\b`, 'i');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sources(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

describe('the journal owns its tables', () => {
	it('no module outside server/journal (and the migrations) writes SQL on payment, payment_event, posting_attempt or payment_pms_row', () => {
		const offenders = sources('src')
			.filter((path) => !path.startsWith(join('src', 'lib', 'server', 'journal')) && !path.endsWith('bridgeMigrations.ts'))
			.flatMap((path) =>
				readFileSync(path, 'utf8')
					.split('\n')
					.map((line, index) => ({ path, line: index + 1, text: line.trim() }))
					.filter(({ text }) => SQL_ON_TABLE.test(text))
			)
			.map(({ path, line, text }) => `${path}:${line}: ${text}`);
		expect(offenders).toEqual([]);
	});
});
