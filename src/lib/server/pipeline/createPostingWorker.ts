import { paysplitReference } from '$lib/domain/payment/paysplitReference';
import { startOfDayIn } from '$lib/domain/dates/startOfDayIn';
import { todayIn } from '$lib/domain/dates/todayIn';
import type { PmsConnector, PmsFailure } from '../connectors/PmsConnector';
import { dueFamilies, nextDueInFamily, scheduleNextStep, type DuePayment } from '../journal/dueWork';
import { lockJournal } from '../journal/lockJournal';
import { finishPostingAttempt, settlePostingAttempts, startPostingAttempt, unsettledPostingAttempts } from '../journal/postingAttempts';
import { recordPostingPlan } from '../journal/recordPostingPlan';
import { recordVerification } from '../journal/recordVerification';
import { mustTransition, transition } from '../journal/transition';
import type { Logger } from '../log/createLogger';
import type { PracticeMirror } from '../practice/createPracticeMirror';
import type { Sql } from '../store/Sql';
import { planPosting } from './planPosting';
import { verifyPosting } from './verifyPosting';
import { retryDelay } from './retryDelay';
import type { FollowUpRunner } from './createFollowUpRunner';
import { recordFollowUps } from './followUps';
import { setAsideForManualPosting } from './setAsideForManualPosting';

export type PostingDeps = {
	sql: Sql;
	connector: PmsConnector;
	mirror: PracticeMirror;
	now: () => Date;
	random: () => number;
	/** Events about one payment carry its id as the `paymentId` field. */
	log: Logger;
	/** How long the worker sleeps when there is nothing to do (it is also woken on new payments). */
	idleMs?: number;
	/**
	 * After a write with an unknown outcome (timeout, lost answer), how long to wait before reading
	 * the PMS back: a write still running in the PMS must have finished by then, or the read-back
	 * would miss it and the payment be written twice. Default 30 s; the bridge uses twice its PMS timeout.
	 */
	settleAfterUnknownMs?: number;
	/** The practice's time zone (patient notes are dated in it). Default UTC. */
	timeZone?: string;
	/** Writes each posted payment's status and patient note when no payment is due (issue 6). */
	followUps?: FollowUpRunner;
	/**
	 * How many families the worker posts for at once (default 4). Each family still posts one payment
	 * at a time; more lanes overlap the waits on the PMS, not the work on one family.
	 */
	lanes?: number;
};

const BRIDGE = 'bridge';
/** How many families with due payments one step looks at for one whose lock is free. */
const FAMILIES_PER_LOOK = 50;
/** How soon to look again when every due family was locked by another worker. */
const BUSY_RETRY_MS = 50;
/** Families posted for at once, by default. */
const DEFAULT_LANES = 4;

type Due = DuePayment;

/**
 * Drives journaled payments toward the PMS, one at a time per family and several families at once
 * (`lanes`), and resumes after a restart. Each step
 * holds its family's lock (`Sql.tryWithLock`), so that a family's payments post one at a time and no
 * payment is worked on twice at once, also by two bridge processes sharing one PostgreSQL database:
 * - accepted → cleared for cash and checks (they clear at once) or → awaiting_clearing for card and
 *   ACH (they wait for the processor);
 * - cleared → posting → posted, exactly once (DESIGN §3): a write-ahead attempt row is committed
 *   before each PMS call, and after an unknown outcome the PMS is read back by the payment's
 *   reference before anything is posted again.
 * Transient failures retry with backoff and jitter; PMS refusals go to `needs_attention` with the
 * PMS's message.
 */
export function createPostingWorker(deps: PostingDeps) {
	const { sql, connector } = deps;
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

	async function runStep(payment: Due): Promise<void> {
		const status = payment.status;
		if (status === 'accepted') {
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
		if (status === 'posted') {
			await verify(payment);
			return;
		}
		if (status === 'cleared') {
			if (await waitsForItsDate(payment)) return;
			if (await setAsideForManualPosting(deps, payment)) return;
			await sql.transaction((tx) => mustTransition(tx, { paymentId: payment.id, event: { kind: 'posting_started' }, at: deps.now(), cause: 'writing to the PMS', actor: BRIDGE }));
		}
		await post(payment);
	}

	/**
	 * A payment dated after the practice's today (a check dated tomorrow, a device whose clock runs
	 * ahead) is not written yet: the PMS refuses future dates, and it must never go to Needs attention
	 * for being early. It stays `cleared` with the reason, until the date begins in the practice's zone.
	 */
	async function waitsForItsDate(payment: Due): Promise<boolean> {
		const timeZone = deps.timeZone ?? 'UTC';
		const now = deps.now();
		if (payment.intent.payDate <= todayIn(timeZone, now)) return false;
		const dateBegins = startOfDayIn(payment.intent.payDate, timeZone);
		await sql.transaction(async (tx) => {
			// Journaled once, when it starts to wait (a restart, or a wake-up before the date, only re-reads it).
			if (!payment.reason?.startsWith('waits for its date')) {
				await mustTransition(tx, { paymentId: payment.id, event: { kind: 'waits_for_date', payDate: payment.intent.payDate }, at: now, cause: `dated ${payment.intent.payDate}, after the practice's today`, actor: BRIDGE });
			}
			await scheduleNextStep(tx, payment.id, dateBegins);
		});
		deps.log('info', `payment ${payment.id} waits for its date ${payment.intent.payDate} (until ${dateBegins.toISOString()})`);
		return true;
	}

	async function post(payment: Due): Promise<void> {
		const unsettled = await unsettledPostingAttempts(sql, payment.id);
		if (unsettled.length > 0) {
			// A write may have reached the PMS (crash, timeout, lost response): look before writing again.
			const found = await connector.findPayments({ paymentId: payment.id, patientId: payment.intent.patientId });
			if (!found.ok) return retryLater(payment, found.failure, 'reading back');
			await settlePostingAttempts(sql, payment.id, 'read_back', deps.now(), `read back: ${found.value.length} found`);
			if (found.value.length === 1 && found.value[0]) {
				const pmsId = found.value[0].pmsPaymentId;
				await sql.transaction((tx) => mustTransition(tx, { paymentId: payment.id, event: { kind: 'posted' }, at: deps.now(), cause: `found in the PMS as payment ${pmsId} after an unknown outcome`, actor: BRIDGE, set: { pmsPaymentId: pmsId } }));
				deps.mirror.refreshFamily(payment.familyId).catch(() => undefined);
				return;
			}
			if (found.value.length > 1) {
				const ids = found.value.map((p) => p.pmsPaymentId).join(', ');
				await sql.transaction((tx) =>
					mustTransition(tx, { paymentId: payment.id, event: { kind: 'problem', reason: `The PMS holds ${found.value.length} payments with reference "${paysplitReference(payment.id)}" (${ids}). Offset the extra ones in the PMS (do not delete), then mark this payment posted.` }, at: deps.now(), cause: 'more than one PMS payment carries this reference', actor: BRIDGE })
				);
				return;
			}
		}
		const plan = await planPosting(deps, payment.intent, payment.familyId);
		if (!plan.ok) {
			if (plan.kind === 'retry') return retryLater(payment, { kind: 'unreachable', message: plan.message }, 'planning');
			await sql.transaction((tx) => mustTransition(tx, { paymentId: payment.id, event: { kind: 'problem', reason: plan.reason }, at: deps.now(), cause: plan.cause, actor: BRIDGE }));
			return;
		}
		// The write-ahead record: committed before the PMS hears of the payment.
		const attempt = await sql.transaction(async (tx) => {
			await recordPostingPlan(tx, payment.id, { allocation: plan.allocation, settingsVersion: plan.settingsVersion, paymentTypeId: plan.request.paymentTypeId });
			await recordFollowUps(tx, payment.id, plan.followUps);
			return startPostingAttempt(tx, payment.id, deps.now());
		});
		const result = await connector.postPayment(plan.request);
		const written = result.ok && result.value.kind === 'written' ? result.value.payments[0] : undefined;
		if (written) {
			await sql.transaction(async (tx) => {
				await finishPostingAttempt(tx, attempt, 'posted', deps.now(), { pmsPaymentId: written.pmsPaymentId });
				await mustTransition(tx, { paymentId: payment.id, event: { kind: 'posted' }, at: deps.now(), cause: `written to the PMS as payment ${written.pmsPaymentId}`, actor: BRIDGE, set: { pmsPaymentId: written.pmsPaymentId } });
			});
			deps.log('info', `payment ${payment.id} posted to the PMS as ${written.pmsPaymentId}`, { paymentId: payment.id, pmsPaymentId: written.pmsPaymentId });
			deps.mirror.refreshFamily(payment.familyId).catch(() => undefined);
			return;
		}
		// Accepted without its rows (an asynchronous PMS): as an unknown outcome, it is read back by its
		// reference before anything is sent again.
		const failure: PmsFailure = result.ok ? { kind: 'unknown', message: 'the PMS accepted the payment; it shows it on a later read' } : result.failure;
		const outcome = failure.kind === 'unknown' ? 'unknown' : failure.kind === 'refused' ? 'refused' : 'not_sent';
		await finishPostingAttempt(sql, attempt, outcome, deps.now(), { detail: failure.message });
		if (failure.kind === 'refused') {
			await sql.transaction((tx) => mustTransition(tx, { paymentId: payment.id, event: { kind: 'problem', reason: `The PMS refused this payment: ${failure.message}` }, at: deps.now(), cause: 'the PMS refused the payment', actor: BRIDGE }));
			deps.log('warn', `payment ${payment.id} refused by the PMS: ${failure.message}`, { paymentId: payment.id });
			return;
		}
		await retryLater(payment, failure, 'posting');
	}

	async function verify(payment: Due): Promise<void> {
		const outcome = await verifyPosting(connector, payment);
		switch (outcome.kind) {
			case 'retry':
				return retryLater(payment, { kind: 'unreachable', message: outcome.message }, 'verifying');
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
						actor: BRIDGE
					});
				});
				return;
		}
	}

	async function retryLater(payment: Pick<Due, 'id' | 'attempts'>, failure: PmsFailure, doing: string): Promise<void> {
		const attempts = payment.attempts + 1;
		const backoff = retryDelay(attempts, deps.random());
		const delay = failure.kind === 'unknown' ? Math.max(backoff, deps.settleAfterUnknownMs ?? 30_000) : backoff;
		await scheduleNextStep(sql, payment.id, new Date(deps.now().getTime() + delay), attempts);
		deps.log('warn', `payment ${payment.id}: ${doing} failed (${failure.kind}: ${failure.message}); retry ${attempts} in ${Math.round(delay / 1000)} s`, {
			paymentId: payment.id,
			failure: failure.kind,
			attempt: attempts,
			retryInMs: delay
		});
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
