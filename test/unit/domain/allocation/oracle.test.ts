import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import { allocationInputSchema, type AllocationInput } from '$lib/domain/allocation/allocationInput';
import { arbitraryAllocationInput } from './arbitraryAllocationInput';
import { familyAllocationInput } from './familyAllocationInput';
import { referenceAllocate } from './referenceAllocate';
import { splitMultiset } from './splitMultiset';

const fixtureDir = fileURLToPath(new URL('../../../fixtures/allocation/', import.meta.url));
const files = readdirSync(fixtureDir)
	.filter((file) => file.endsWith('.json'))
	.sort();

function engineSplits(input: AllocationInput) {
	const result = allocatePayment(input);
	if (!result.ok) throw new Error(`a valid input was refused: ${result.error.message}`);
	return result.splits;
}

describe('the naive reference (referenceAllocate) is a faithful transcription of allocation.md', () => {
	it.each(files)('reproduces vector %s', (file) => {
		const vector = JSON.parse(readFileSync(path.join(fixtureDir, file), 'utf8')) as { input: unknown; expected: { splits: Parameters<typeof splitMultiset>[0] } };
		const input = allocationInputSchema.parse(vector.input);
		expect(splitMultiset(referenceAllocate(input))).toEqual(splitMultiset(vector.expected.splits));
	});
});

describe('the engine agrees with the naive reference', () => {
	it('on 3,000 generated families in every mode (fast-check), as split multisets', () => {
		fc.assert(
			fc.property(arbitraryAllocationInput(), (input) => {
				expect(splitMultiset(engineSplits(input))).toEqual(splitMultiset(referenceAllocate(input)));
			}),
			{ numRuns: 3000 }
		);
	});

	it('on 60 large seeded families (300 to 2,000 entries) with every combination of options', () => {
		const orders = ['oldest_first', 'adjustments_first'] as const;
		for (let seed = 1; seed <= 60; seed++) {
			const base = familyAllocationInput(300 + ((seed * 277) % 1700), seed);
			const input: AllocationInput = {
				...base,
				mode: seed % 5 === 0 ? 'providers_only' : 'allocate',
				payment: { ...base.payment, amount: base.payment.amount * ((seed % 7) + 1) as typeof base.payment.amount, patientId: `100${1 + (seed % 8)}` },
				options: {
					...base.options,
					order: orders[seed % 2] ?? 'oldest_first',
					preferPatient: seed % 3 !== 0,
					payFirst: seed % 4 === 0 ? [] : base.options.payFirst,
					subtractInsuranceEstimates: seed % 6 !== 1,
					adjustmentsOffsetEachOther: seed % 4 !== 2,
					clinicsEnabled: seed % 9 !== 4
				}
			};
			expect(splitMultiset(engineSplits(input)), `seed ${seed}`).toEqual(splitMultiset(referenceAllocate(input)));
		}
	});
});
