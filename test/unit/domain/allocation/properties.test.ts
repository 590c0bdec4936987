import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import type { AllocationInput } from '$lib/domain/allocation/allocationInput';
import { allocationSplitSchema, type AllocationSplit } from '$lib/domain/allocation/allocationSplit';
import type { LedgerSplit } from '$lib/domain/ledger/ledger';
import type { Cents } from '$lib/domain/money/cents';
import { arbitraryAllocationInput } from './arbitraryAllocationInput';
import { owedUpperBound, patientPortionForTest } from './owedUpperBound';
import { splitMultiset } from './splitMultiset';

const RUNS = { numRuns: 1000 };

function splitsOf(input: AllocationInput): AllocationSplit[] {
	const result = allocatePayment(input);
	if (!result.ok) throw new Error(`a valid input was refused: ${result.error.message}`);
	return result.splits;
}

const total = (splits: readonly { amount: number }[]) => splits.reduce((sum, split) => sum + split.amount, 0);
const chargeKey = (split: AllocationSplit) =>
	split.procedureId !== undefined ? `procedure:${split.procedureId}` : split.adjustmentId !== undefined ? `adjustment:${split.adjustmentId}` : undefined;

/** What the splits give each charge, and what they keep unearned (under the key `unearned`). */
function totalsByCharge(splits: readonly AllocationSplit[]): Map<string, number> {
	const totals = new Map<string, number>();
	for (const split of splits) {
		const key = chargeKey(split) ?? 'unearned';
		totals.set(key, (totals.get(key) ?? 0) + split.amount);
	}
	return totals;
}

/** The input with the payment's splits posted to the ledger, as the PMS would after saving it. */
function withPosted(input: AllocationInput, splits: readonly AllocationSplit[]): AllocationInput {
	const posted: LedgerSplit[] = splits.map((split, index) => ({
		id: `posted-${index}`,
		paymentId: 'posted-payment',
		patientId: split.patientId,
		providerId: split.providerId,
		clinicId: split.clinicId,
		date: input.payment.payDate,
		amount: split.amount,
		procedureId: split.procedureId ?? null,
		adjustmentId: split.adjustmentId ?? null,
		unearnedType: split.unearnedType ?? null
	}));
	return { ...input, ledger: { ...input.ledger, splits: [...input.ledger.splits, ...posted] } };
}

const withAmount = (input: AllocationInput, amount: number): AllocationInput => ({ ...input, payment: { ...input.payment, amount: amount as Cents } });

function permutation<T>(items: readonly T[]): fc.Arbitrary<T[]> {
	return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

describe('allocatePayment properties (fast-check, 1000 generated families each)', () => {
	it('conserves money: the splits add up to the payment, in every mode', () => {
		fc.assert(
			fc.property(arbitraryAllocationInput(), (input) => {
				expect(total(splitsOf(input))).toBe(input.payment.amount);
			}),
			RUNS
		);
	});

	it('never makes a split of 0 or a negative split, and every split is a valid AllocationSplit with a reason', () => {
		fc.assert(
			fc.property(arbitraryAllocationInput(), (input) => {
				for (const split of splitsOf(input)) {
					expect(split.amount).toBeGreaterThan(0);
					expect(Number.isSafeInteger(split.amount)).toBe(true);
					expect(allocationSplitSchema.safeParse(split).success).toBe(true);
					expect(split.reason.length).toBeGreaterThan(20);
				}
			}),
			RUNS
		);
	});

	it('links each split to a completed charge with that charge\'s owner, or keeps it unearned for the payer', () => {
		fc.assert(
			fc.property(arbitraryAllocationInput('allocate'), (input) => {
				const clinic = (id: string | null) => (input.options.clinicsEnabled ? id : null);
				const splits = splitsOf(input);
				expect(splits.filter((split) => split.unearnedType !== undefined).length).toBeLessThanOrEqual(1);
				for (const split of splits) {
					const links = [split.procedureId, split.adjustmentId, split.unearnedType].filter((link) => link !== undefined);
					expect(links).toHaveLength(1);
					const charge =
						split.procedureId !== undefined
							? input.ledger.procedures.find((procedure) => procedure.id === split.procedureId)
							: split.adjustmentId !== undefined
								? input.ledger.adjustments.find((adjustment) => adjustment.id === split.adjustmentId)
								: undefined;
					if (split.unearnedType !== undefined) {
						expect(split).toMatchObject({
							patientId: input.payment.patientId,
							providerId: null,
							clinicId: clinic(input.payment.clinicId),
							unearnedType: input.options.prepaymentType
						});
						continue;
					}
					expect(charge).toBeDefined();
					if (!charge) continue;
					if ('status' in charge) expect(charge.status).toBe('complete');
					expect(split.patientId).toBe(charge.patientId);
					expect(split.providerId).toBe(charge.providerId);
					expect(split.clinicId).toBe(clinic(charge.clinicId));
				}
			}),
			RUNS
		);
	});

	it('never gives a charge more than it can still owe (an independent upper bound), nor a procedure more than its portion plus folded adjustments', () => {
		fc.assert(
			fc.property(arbitraryAllocationInput('allocate'), (input) => {
				const bound = owedUpperBound(input);
				const splits = splitsOf(input);
				for (const [key, paid] of totalsByCharge(splits)) {
					if (key === 'unearned') continue;
					expect(paid, key).toBeLessThanOrEqual(bound.get(key) ?? 0);
				}
				const clinic = (id: string | null) => (input.options.clinicsEnabled ? id : null);
				for (const split of splits) {
					const procedure = input.ledger.procedures.find((candidate) => candidate.id === split.procedureId);
					if (!procedure) continue;
					const sameOwner = (entry: { patientId: string; providerId: string | null; clinicId: string | null }) =>
						entry.patientId === procedure.patientId && entry.providerId === procedure.providerId && clinic(entry.clinicId) === clinic(procedure.clinicId);
					const folded = input.ledger.adjustments
						.filter((adjustment) => adjustment.procedureId === procedure.id && sameOwner(adjustment))
						.reduce((sum, adjustment) => sum + adjustment.amount, 0);
					// A refund (negative split) linked to the procedure reopens what it owes (rule 4 takes it whole).
					const refunded = input.ledger.splits
						.filter((old) => old.procedureId === procedure.id && old.amount < 0 && sameOwner(old))
						.reduce((sum, old) => sum - old.amount, 0);
					expect(split.amount).toBeLessThanOrEqual(patientPortionForTest(procedure, input.options.subtractInsuranceEstimates) + folded + refunded);
				}
			}),
			RUNS
		);
	});

	it('with no old credit and no discounts, pays min(payment, everything owed) to charges and keeps only the rest', () => {
		const plain = arbitraryAllocationInput('allocate').map((input) => ({
			...input,
			ledger: { ...input.ledger, splits: [], adjustments: input.ledger.adjustments.filter((adjustment) => adjustment.amount >= 0) }
		}));
		fc.assert(
			fc.property(plain, (input) => {
				const bound = owedUpperBound(input);
				const owed = input.ledger.procedures.every(
					(procedure) => procedure.status !== 'complete' || patientPortionForTest(procedure, input.options.subtractInsuranceEstimates) >= 0
				)
					? [...bound.values()].reduce((sum, value) => sum + value, 0)
					: undefined;
				fc.pre(owed !== undefined);
				const splits = splitsOf(input);
				const toCharges = total(splits.filter((split) => split.unearnedType === undefined));
				expect(toCharges).toBe(Math.min(input.payment.amount, owed ?? 0));
			}),
			RUNS
		);
	});

	it('does not depend on the order of the input lists', () => {
		const shuffledPair = arbitraryAllocationInput().chain((input) =>
			fc
				.record({
					patients: permutation(input.ledger.patients),
					unearnedTypes: permutation(input.ledger.unearnedTypes),
					procedures: fc.tuple(...input.ledger.procedures.map((procedure) => permutation(procedure.claims).map((claims) => ({ ...procedure, claims })))).chain(permutation),
					adjustments: permutation(input.ledger.adjustments),
					splits: permutation(input.ledger.splits),
					payFirst: permutation(input.options.payFirst)
				})
				.map(({ payFirst, ...ledger }) => [input, { ...input, options: { ...input.options, payFirst }, ledger }] as const)
		);
		fc.assert(
			fc.property(shuffledPair, ([input, shuffled]) => {
				const withReasons = (splits: AllocationSplit[]) => splitMultiset(splits).map((split, index) => ({ ...split, n: index }));
				const a = splitsOf(input);
				const b = splitsOf(shuffled);
				expect(withReasons(b)).toEqual(withReasons(a));
				expect([...b.map((split) => split.reason)].sort()).toEqual([...a.map((split) => split.reason)].sort());
			}),
			RUNS
		);
	});

	it('puts the whole payment in one prepayment split when the ledger has no charges and no splits, in every mode', () => {
		const empty = arbitraryAllocationInput().map((input) => ({ ...input, ledger: { ...input.ledger, procedures: [], adjustments: [], splits: [] }, options: { ...input.options, payFirst: [] } }));
		fc.assert(
			fc.property(empty, (input) => {
				expect(splitMultiset(splitsOf(input))).toEqual([
					{
						patientId: input.payment.patientId,
						providerId: null,
						clinicId: input.options.clinicsEnabled ? input.payment.clinicId : null,
						amount: input.payment.amount,
						procedureId: null,
						adjustmentId: null,
						unearnedType: input.options.prepaymentType
					}
				]);
			}),
			RUNS
		);
	});

	it('after a payment is posted, a second payment never pays a charge again: it equals paying both at once (no pay-first picks)', () => {
		const twoPayments = fc.tuple(
			arbitraryAllocationInput('allocate').map((input) => ({ ...input, options: { ...input.options, payFirst: [] } })),
			fc.integer({ min: 1, max: 40000 })
		);
		fc.assert(
			fc.property(twoPayments, ([input, second]) => {
				const first = splitsOf(input);
				const then = splitsOf(withAmount(withPosted(input, first), second));
				const atOnce = splitsOf(withAmount(input, input.payment.amount + second));
				const combined = totalsByCharge([...first, ...then]);
				expect(Object.fromEntries([...combined].sort())).toEqual(Object.fromEntries([...totalsByCharge(atOnce)].sort()));
			}),
			RUNS
		);
	});

	it('after a payment that left a prepayment is posted, a second payment is all prepayment (every charge was paid), pay-first picks included', () => {
		const twoPayments = fc.tuple(arbitraryAllocationInput('allocate'), fc.integer({ min: 1, max: 40000 }));
		fc.assert(
			fc.property(twoPayments, ([input, second]) => {
				const first = splitsOf(input);
				fc.pre(first.some((split) => split.unearnedType !== undefined));
				const then = splitsOf(withAmount(withPosted(input, first), second));
				expect(then.filter((split) => split.unearnedType === undefined)).toEqual([]);
			}),
			RUNS
		);
	});

	it('after a payment is posted, a second one stays within the independent bound on the updated ledger, pay-first picks included', () => {
		const twoPayments = fc.tuple(arbitraryAllocationInput('allocate'), fc.integer({ min: 1, max: 40000 }));
		fc.assert(
			fc.property(twoPayments, ([input, second]) => {
				const posted = withAmount(withPosted(input, splitsOf(input)), second);
				const bound = owedUpperBound(posted);
				for (const [key, paid] of totalsByCharge(splitsOf(posted))) {
					if (key !== 'unearned') expect(paid, key).toBeLessThanOrEqual(bound.get(key) ?? 0);
				}
			}),
			RUNS
		);
	});

	it('providers_only gives each (patient, provider, clinic, unearned type) what allocate gives it, with no charge links', () => {
		fc.assert(
			fc.property(arbitraryAllocationInput('providers_only'), (input) => {
				const merged = splitsOf(input);
				const allocated = splitsOf({ ...input, mode: 'allocate' });
				const group = (splits: AllocationSplit[]) => {
					const sums = new Map<string, number>();
					for (const split of splits) {
						const key = JSON.stringify([split.patientId, split.providerId, split.clinicId, split.unearnedType ?? null]);
						sums.set(key, (sums.get(key) ?? 0) + split.amount);
					}
					return Object.fromEntries([...sums].sort());
				};
				expect(group(merged)).toEqual(group(allocated));
				expect(new Set(merged.map((split) => JSON.stringify([split.patientId, split.providerId, split.clinicId, split.unearnedType ?? null]))).size).toBe(merged.length);
				for (const split of merged) {
					expect(split.procedureId).toBeUndefined();
					expect(split.adjustmentId).toBeUndefined();
				}
			}),
			RUNS
		);
	});

	it('post_only makes one unearned split for the whole amount, whatever is owed', () => {
		fc.assert(
			fc.property(arbitraryAllocationInput('post_only'), (input) => {
				const splits = splitsOf(input);
				expect(splits).toHaveLength(1);
				expect(splits[0]).toMatchObject({
					patientId: input.payment.patientId,
					providerId: null,
					clinicId: input.options.clinicsEnabled ? input.payment.clinicId : null,
					amount: input.payment.amount,
					unearnedType: input.options.prepaymentType
				});
				expect(splits[0]?.procedureId).toBeUndefined();
			}),
			RUNS
		);
	});
});
