import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import { allocationSplitSchema } from '$lib/domain/allocation/allocationSplit';
import { splitMultiset } from './splitMultiset';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const fixtureDir = path.join(repoRoot, 'test/fixtures/allocation');
const sharedDir = path.resolve(repoRoot, '../shared/fixtures/allocation');

type Vector = { name: string; note: string; input: unknown; expected: { splits: Parameters<typeof splitMultiset>[0] } };

const files = readdirSync(fixtureDir)
	.filter((file) => file.endsWith('.json'))
	.sort();

describe('allocation vectors (test/fixtures/allocation)', () => {
	it('has the 22 shared vectors and at least one of our own', () => {
		expect(files.filter((file) => /^\d\d-/.test(file))).toHaveLength(22);
		expect(files.some((file) => file.startsWith('x-'))).toBe(true);
	});

	it.each(files)('%s', (file) => {
		const vector = JSON.parse(readFileSync(path.join(fixtureDir, file), 'utf8')) as Vector;
		const result = allocatePayment(vector.input);
		if (!result.ok) throw new Error(`${file} (${vector.name}) was refused: ${result.error.message}`);
		expect(splitMultiset(result.splits), vector.name).toEqual(splitMultiset(vector.expected.splits));
		for (const split of result.splits) {
			expect(allocationSplitSchema.safeParse(split).success, JSON.stringify(split)).toBe(true);
			expect(split.reason.trim().length).toBeGreaterThan(10);
		}
	});
});

describe('shared vectors are copied here byte for byte', () => {
	const present = existsSync(sharedDir);
	it.skipIf(!present)(`every file in ${sharedDir} has an identical copy in test/fixtures/allocation`, () => {
		const shared = readdirSync(sharedDir).filter((file) => file.endsWith('.json'));
		expect(shared.length).toBeGreaterThan(0);
		for (const file of shared) {
			const copy = path.join(fixtureDir, file);
			expect(existsSync(copy), `${file} is missing from test/fixtures/allocation`).toBe(true);
			expect(readFileSync(copy).equals(readFileSync(path.join(sharedDir, file))), `${file} differs from the shared copy`).toBe(true);
		}
	});
	// A fresh clone has no ../shared: then at least the 22 shared vectors must be here.
	it.skipIf(present)(`without ${sharedDir}, the 22 shared vectors (01-…22-) are in test/fixtures/allocation`, () => {
		const numbered = readdirSync(fixtureDir).filter((file) => /^\d{2}-.*\.json$/.test(file));
		expect(numbered.length).toBeGreaterThanOrEqual(22);
	});
});
