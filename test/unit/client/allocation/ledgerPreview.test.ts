import { describe, expect, it } from 'vitest';
import { createHeldLedgerAllocator } from '$lib/client/allocation/heldLedgerAllocator';
import { createLedgerPreview } from '$lib/client/allocation/ledgerPreview';
import type { PreviewAnswer, PreviewRequest } from '$lib/client/allocation/previewRequest';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import type { AllocationInput } from '$lib/domain/allocation/allocationInput';
import type { Cents } from '$lib/domain/money/cents';
import { familyAllocationInput } from '../../domain/allocation/familyAllocationInput';

/** The worker boundary: each request is structured-cloned, as postMessage does, and recorded. */
function boundary(worker = createHeldLedgerAllocator()) {
	const sent: PreviewRequest[] = [];
	const state = { worker };
	const call = async (request: PreviewRequest): Promise<PreviewAnswer> => {
		sent.push(request);
		return structuredClone(state.worker(structuredClone(request)));
	};
	return { sent, call, restart: () => (state.worker = createHeldLedgerAllocator()) };
}

const withAmount = (input: AllocationInput, amount: number): AllocationInput => ({ ...input, payment: { ...input.payment, amount: amount as Cents } });

describe('the preview while typing (worker holds the ledger)', () => {
	const input = familyAllocationInput(400, 7);

	it('sends the ledger once while only the amount changes, and answers exactly as allocatePayment on the whole input', async () => {
		const { sent, call } = boundary();
		const preview = createLedgerPreview(call);
		for (const amount of [1, 12, 123, 1_234, 12_345, 123_456, 1_234_567]) {
			const typed = withAmount(input, amount);
			const result = await preview(typed);
			expect(result.ok).toBe(true);
			expect(result).toEqual(allocatePayment(structuredClone(typed)));
		}
		expect(sent).toHaveLength(7);
		expect(sent.filter((request) => request.ledger !== undefined)).toHaveLength(1);
		expect(sent[0]?.ledger).toBe(input.ledger);
	});

	it('sends a new ledger object when the ledger changes, and allocates against it, not the held one', async () => {
		const { sent, call } = boundary();
		const preview = createLedgerPreview(call);
		await preview(withAmount(input, 50_000));
		const other = familyAllocationInput(400, 8);
		const changed = { ...withAmount(input, 50_000), ledger: other.ledger };
		expect(await preview(changed)).toEqual(allocatePayment(structuredClone(changed)));
		expect(sent.map((request) => request.ledger !== undefined)).toEqual([true, true]);
		// Back to the first ledger object: the worker holds only the last one, so it is sent again.
		expect(await preview(withAmount(input, 60_000))).toEqual(allocatePayment(structuredClone(withAmount(input, 60_000))));
		expect(sent.map((request) => request.ledger !== undefined)).toEqual([true, true, true]);
	});

	it('resends the ledger when the worker no longer holds it (restarted), with the right answer', async () => {
		const { sent, call, restart } = boundary();
		const preview = createLedgerPreview(call);
		await preview(withAmount(input, 10_000));
		restart();
		expect(await preview(withAmount(input, 20_000))).toEqual(allocatePayment(structuredClone(withAmount(input, 20_000))));
		expect(sent.map((request) => request.ledger !== undefined)).toEqual([true, false, true]);
	});

	it('the worker never allocates against a ledger version it does not hold', () => {
		const worker = createHeldLedgerAllocator();
		const { ledger, ...rest } = input;
		expect(worker({ ...rest, ledgerVersion: 0 })).toEqual({ kind: 'ledger_needed', ledgerVersion: 0 });
		expect(worker({ ...rest, ledgerVersion: 3, ledger }).kind).toBe('allocated');
		expect(worker({ ...rest, ledgerVersion: 4 })).toEqual({ kind: 'ledger_needed', ledgerVersion: 4 });
		expect(worker({ ...rest, ledgerVersion: 3 })).toEqual({ kind: 'allocated', result: allocatePayment(input) });
	});

	it('the worker refuses a malformed request with a result naming the field, never a throw', () => {
		const worker = createHeldLedgerAllocator();
		for (const request of [null, 'x', {}, { ledgerVersion: -1 }, { ledgerVersion: 1.5 }, { ledgerVersion: '1' }]) {
			const answer = worker(request);
			expect(answer.kind).toBe('allocated');
			if (answer.kind !== 'allocated' || answer.result.ok) throw new Error('refused expected');
			expect(answer.result.error.code).toBe('invalid_input');
			expect(answer.result.error.message).toMatch(/preview request/);
		}
		expect(JSON.stringify(worker({ ledgerVersion: '1' }))).toMatch(/ledgerVersion/);
	});

	it('a bad ledger sent with a version is refused by the engine with its path, as allocatePayment refuses it', async () => {
		const { call } = boundary();
		const preview = createLedgerPreview(call);
		const broken = structuredClone(input);
		(broken.ledger.procedures[3] as { fee: number }).fee = -5;
		expect(await preview(broken)).toEqual(allocatePayment(structuredClone(broken)));
		expect((await preview(broken)).ok).toBe(false);
	});
});
