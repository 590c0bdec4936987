import { dueFamilies, nextDueInFamily, type DuePayment } from '../journal/dueWork';
import { lockJournal } from '../journal/lockJournal';
import { recordVerification } from '../journal/recordVerification';
import { mustTransition, transition } from '../journal/transition';
import { awaitSubmitted } from './awaitSubmitted';
import { createWriteWatch } from './createWriteWatch';
import type { PostingDeps } from './postingDeps';
import { setAsideForManualPosting } from './setAsideForManualPosting';
import { BRIDGE, createStepOutcomes, toPmsRows } from './stepOutcomes';
import { verifyPosting } from './verifyPosting';
import { waitsForItsDate } from './waitsForItsDate';
import { waitsForPms } from './waitsForPms';
import { writeToPms } from './writeToPms';

export type { PostingDeps } from './postingDeps';

/** How many families with due payments one step looks at for one whose lock is free. */
const FAMILIES_PER_LOOK = 50;
/** How soon to look again when every due family was locked by another worker. */
const BUSY_RETRY_MS = 50;
/** Families posted for at once, by default. */
const DEFAULT_LANES = 4;

/**
 * Drives journaled payments toward the PMS, one at a time per family and several families at once
 * (`lanes`), and resumes after a restart. Each step holds its family's lock (`Sql.tryWithLock`), so
 * that a family's payments post one at a time and no payment is worked on twice at once, also by two
 * bridge processes sharing one PostgreSQL database:
 * - accepted → cleared for cash and checks (they clear at once) or → awaiting_clearing for card and
 *   ACH (they wait for the processor);
 * - cleared waits while it is dated ahead (`waitsForItsDate`) or the PMS takes no writes
 *   (`waitsForPms`), goes to `recorded` when write-back is off, else → posting;
 * - posting → posted, or → submitted on a PMS whose writes are asynchronous, exactly once (DESIGN §3;
 *   `writeToPms`); submitted → posted once the PMS shows it (`awaitSubmitted`);
 * - posted → verified by reading it back (`verifyPosting`).
 * Transient failures retry with backoff and jitter; PMS refusals go to `needs_attention` with the
 * PMS's message. The journal (server/journal) holds every payment's state; the worker writes no SQL.
 */
export function createPostingWorker(input: PostingDeps) {
	const deps = { ...input, writeWatch: input.writeWatch ?? createWriteWatch(input.connector, input.now) };
	const { sql, connector } = deps;
	const outcomes = createStepOutcomes(deps);
	let running = false;
	/** Wakes the lanes that sleep. */
	const sleepers = new Set<() => void>();
	let loops: Promise<void>[] = [];

	/**
	 * Does one step of work: `worked` false when nothing was due, or all that was due belongs to
	 * families that another holder of their lock (another lane, or another bridge on the same
	 * database) works on — then `familiesBusy`, and the lane looks again soon rather than after idleMs.
	 */
	async function step(): Promise<{ worked: boolean; familiesBusy: boolean }> {
		let familiesBusy = false;
		for (const familyId of await dueFamilies(sql, deps.now(), FAMILIES_PER_LOOK)) {
			// One payment at a time per family, also across bridge processes sharing a PostgreSQL
			// database: the family's lock is held for the whole step, the PMS call included.
			const held = await sql.tryWithLock(`family:${familyId}`, async () => {
				const payment = await nextDueInFamily(sql, familyId, deps.now());
				if (!payment) return false;
				await runStep(payment);
				return true;
			});
			if (!held.locked) familiesBusy = true;
			else if (held.value) return { worked: true, familiesBusy };
		}
		if (familiesBusy || !deps.followUps) return { worked: false, familiesBusy };
		// Status and note follow-ups run when no payment waits, by one lane of one bridge at a time.
		const followUps = deps.followUps;
		const ran = await sql.tryWithLock('follow-ups', () => followUps.runOnce());
		return { worked: ran.locked && ran.value, familiesBusy: !ran.locked };
	}

	/** One step (see `step`); false when there was nothing this worker could do now. */
	async function runOnce(): Promise<boolean> {
		return (await step()).worked;
	}

	async function runStep(payment: DuePayment): Promise<void> {
		switch (payment.status) {
			case 'accepted': {
				const clearsAtOnce = payment.intent.method.kind === 'cash' || payment.intent.method.kind === 'check';
				// `transition`, not `mustTransition`: a processor report may have moved it meanwhile (clearing
				// takes an accepted card payment to awaiting_clearing itself so that no report is lost).
				await sql.transaction((tx) =>
					transition(tx, clearsAtOnce
						? { paymentId: payment.id, event: { kind: 'clears_at_once' }, at: deps.now(), cause: `${payment.intent.method.kind} clears at once`, actor: BRIDGE }
						: { paymentId: payment.id, event: { kind: 'awaits_settlement' }, at: deps.now(), cause: `${payment.intent.method.kind === 'card' ? 'card' : 'ACH'} payments wait until the processor reports them settled`, actor: BRIDGE })
				);
				return;
			}
			case 'cleared':
				if (await waitsForItsDate(deps, payment)) return;
				if (await setAsideForManualPosting(deps, payment)) return;
				if (await waitsForPms(deps, payment)) return;
				await sql.transaction((tx) => mustTransition(tx, { paymentId: payment.id, event: { kind: 'posting_started' }, at: deps.now(), cause: 'writing to the PMS', actor: BRIDGE }));
				return writeToPms(deps, outcomes, { ...payment, status: 'posting', attempts: 0 });
			case 'posting':
				return writeToPms(deps, outcomes, payment);
			case 'submitted':
				return awaitSubmitted(deps, outcomes, payment);
			case 'posted':
				return verify(payment);
			default:
				throw new Error(`payment ${payment.id}: the posting worker has no step for ${payment.status}`);
		}
	}

	async function verify(payment: DuePayment): Promise<void> {
		const outcome = await verifyPosting(connector, payment);
		switch (outcome.kind) {
			case 'retry':
				return outcomes.retryLater(payment, { kind: 'unreachable', message: outcome.message }, 'verifying');
			case 'problem':
				await sql.transaction((tx) => mustTransition(tx, { paymentId: payment.id, event: { kind: 'problem', reason: outcome.reason }, at: deps.now(), cause: 'read back from the PMS and found different', actor: BRIDGE }));
				deps.log('warn', `payment ${payment.id} failed verification`, { paymentId: payment.id });
				return;
			case 'verified':
				await sql.transaction(async (tx) => {
					await lockJournal(tx);
					await recordVerification(tx, payment.id, outcome);
					await mustTransition(tx, {
						paymentId: payment.id,
						event: { kind: 'verified' },
						at: deps.now(),
						cause: outcome.matchesAllocation ? 'read back from the PMS: present once, as written; split as Paysplit allocated it' : 'read back from the PMS: present once, as written; the PMS split it differently from Paysplit (kept for support)',
						actor: BRIDGE,
						set: { pmsRows: toPmsRows(outcome.rows) }
					});
				});
				return;
		}
	}

	async function runLoop(): Promise<void> {
		while (running) {
			let worked = false;
			let familiesBusy = false;
			try {
				({ worked, familiesBusy } = await step());
			} catch (error) {
				deps.log('error', `posting worker step failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			}
			// PGlite and the in-process demo PMS answer through microtasks, never the event loop: without
			// this yield a burst of postings would starve every HTTP request until the burst ended.
			await new Promise<void>((resolve) => setImmediate(resolve));
			if (!worked && running) {
				await new Promise<void>((resolve) => {
					const wake = () => {
						clearTimeout(timer);
						sleepers.delete(wake);
						resolve();
					};
					const timer = setTimeout(wake, familiesBusy ? Math.min(BUSY_RETRY_MS, deps.idleMs ?? 1_000) : (deps.idleMs ?? 1_000));
					sleepers.add(wake);
				});
			}
		}
	}

	return {
		runOnce,
		start() {
			if (running) return;
			running = true;
			const lanes = Math.max(1, Math.floor(deps.lanes ?? DEFAULT_LANES));
			loops = Array.from({ length: lanes }, () => runLoop());
		},
		async stop() {
			running = false;
			for (const wake of [...sleepers]) wake();
			await Promise.all(loops);
			loops = [];
		},
		/** Call when there may be new work, so the worker does not wait for its idle timer. */
		wake() {
			for (const wake of [...sleepers]) wake();
		}
	};
}

export type PostingWorker = ReturnType<typeof createPostingWorker>;
