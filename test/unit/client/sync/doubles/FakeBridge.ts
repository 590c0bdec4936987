import type { PaymentResult } from '$lib/domain/api/paymentsBatch';
import { paymentContentKey } from '$lib/domain/payment/paymentContentKey';
import { paymentIntentSchema, type PaymentIntent } from '$lib/domain/payment/paymentIntent';
import type { BridgeStatus } from '$lib/domain/payment/PaymentStatus';

/**
 * What happens to one `POST /payments` request:
 * - `ok`: journaled and answered;
 * - `lose-request`: the network fails before the bridge sees it;
 * - `lose-response`: the bridge journals it, the answer never arrives;
 * - `duplicate`: delivered twice (a retrying proxy); the second answer arrives;
 * - `{ status }`: a whole-request error, nothing journaled;
 * - `{ acceptFirst }`: the bridge journals the first k payments, then fails with 503.
 */
export type Fate =
	| 'ok'
	| 'lose-request'
	| 'lose-response'
	| 'duplicate'
	| { status: 400 | 401 | 413 | 429 | 500 | 503 }
	| { acceptFirst: number };

type Journaled = { intent: PaymentIntent; contentKey: string; status: BridgeStatus; reason?: string };

export type HeldRequest = { tab: string; payments: unknown[]; settle: (fate: Fate) => void };

/**
 * The bridge, as far as devices can tell (DESIGN §3, §6): a journal keyed by payment id with
 * insert-or-compare (same content → `duplicate`, other content → `conflict`), per-item results in
 * order, whole-request errors, and the batch limit (413). It can hold requests so a test decides
 * when and how each one ends, and it counts every insert so "exactly once" can be checked.
 */
export class FakeBridge {
	journal = new Map<string, Journaled>();
	/** Every insert into the journal, in order: an id twice here is a double posting. */
	inserts: string[] = [];
	/** Every `POST /payments` that reached the bridge: which tab, how many payments. */
	requests: { tab: string; ids: string[] }[] = [];
	unknownPatients = new Set<string>(['unknown-patient']);
	reachable = true;
	/** Health answers but only after this never-resolving wait (to test the 2 s bound). */
	healthHangs = false;
	maxBatch = 100;
	/** Payments over the 1 MB limit even alone. */
	tooLarge: (payment: unknown) => boolean = () => false;
	/** Fates for the next requests, used in order; `ok` when empty. */
	script: Fate[] = [];
	/** When true, requests wait in `held` until `release`. */
	hold = false;
	held: HeldRequest[] = [];
	#heldWaiters: (() => void)[] = [];

	/** A `fetch` for one tab. Once `isDead()`, answers never arrive: a dead tab runs no code. */
	fetchFor(tab: string, isDead: () => boolean = () => false): typeof fetch {
		return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
			const url = new URL(String(input), 'http://bridge.test');
			const method = init?.method ?? 'GET';
			const deliver = (response: Promise<Response>): Promise<Response> =>
				response.then(
					(value) => (isDead() ? never() : value),
					(error: unknown) => (isDead() ? never() : Promise.reject(error))
				);
			if (!this.reachable) return deliver(Promise.reject(new TypeError('Failed to fetch')));
			if (url.pathname === '/api/v1/health') {
				if (this.healthHangs) return never();
				return deliver(Promise.resolve(json(200, { status: 'ok', service: 'paysplit-bridge', version: 'test', time: new Date(0).toISOString(), pms: { name: 'demo' }, practice: { timeZone: 'UTC' } })));
			}
			if (url.pathname === '/api/v1/payments' && method === 'POST') {
				const body = JSON.parse(String(init?.body)) as { payments: unknown[] };
				this.requests.push({ tab, ids: body.payments.map(idOf) });
				if (this.hold) {
					return deliver(
						new Promise<Response>((resolve, reject) => {
							this.held.push({ tab, payments: body.payments, settle: (fate) => this.#respond(body.payments, fate).then(resolve, reject) });
							for (const wake of this.#heldWaiters.splice(0)) wake();
						})
					);
				}
				return deliver(this.#respond(body.payments, this.script.shift() ?? 'ok'));
			}
			const match = /^\/api\/v1\/payments\/([^/]+)$/.exec(url.pathname);
			if (match && method === 'GET') {
				const found = this.journal.get(decodeURIComponent(match[1] ?? ''));
				if (!found) return deliver(Promise.resolve(errorJson(404, 'not_found', 'No such payment.')));
				return deliver(Promise.resolve(json(200, { payment: found.intent, status: found.status, ...(found.reason ? { reason: found.reason } : {}), history: [] })));
			}
			return deliver(Promise.resolve(errorJson(404, 'not_found', `No route ${method} ${url.pathname}`)));
		};
	}

	/** Ends the `index`-th held request with `fate` (the bridge acts even if the tab is dead). */
	release(index: number, fate: Fate = 'ok'): void {
		const [request] = this.held.splice(index, 1);
		request?.settle(fate);
	}

	releaseAll(fate: Fate = 'ok'): void {
		while (this.held.length > 0) this.release(0, fate);
	}

	isHolding(tab: string): boolean {
		return this.held.some((r) => r.tab === tab);
	}

	/** Resolves when the next request is held. */
	nextHeld(): Promise<void> {
		return new Promise((resolve) => this.#heldWaiters.push(resolve));
	}

	setStatus(id: string, status: BridgeStatus, reason?: string): void {
		const found = this.journal.get(id);
		if (!found) throw new Error(`no payment ${id} in the journal`);
		this.journal.set(id, { ...found, status, ...(reason ? { reason } : {}) });
	}

	/** Puts a payment in the journal directly (e.g. another device's, for a conflict). */
	seed(intent: PaymentIntent, status: BridgeStatus = 'accepted'): void {
		this.journal.set(intent.id, { intent, contentKey: paymentContentKey(intent), status });
	}

	async #respond(payments: unknown[], fate: Fate): Promise<Response> {
		if (fate === 'lose-request') throw new TypeError('Failed to fetch');
		if (typeof fate === 'object' && 'status' in fate) return errorJson(fate.status, codeFor(fate.status), `Refused with ${fate.status}.`);
		if (payments.length > this.maxBatch || payments.some((p) => this.tooLarge(p))) {
			return errorJson(413, 'too_many_payments', `At most ${this.maxBatch} payments per request.`);
		}
		if (typeof fate === 'object') {
			this.#journal(payments.slice(0, fate.acceptFirst));
			return errorJson(503, 'pms_unavailable', 'The PMS stopped answering.');
		}
		let results = this.#journal(payments);
		if (fate === 'lose-response') throw new TypeError('The network connection was lost.');
		if (fate === 'duplicate') results = this.#journal(payments);
		return json(200, { results });
	}

	#journal(payments: unknown[]): PaymentResult[] {
		return payments.map((item): PaymentResult => {
			const parsed = paymentIntentSchema.safeParse(item);
			if (!parsed.success) return { id: idOf(item), outcome: 'rejected', error: { code: 'invalid', message: 'Invalid payment.', issues: [] } };
			const intent = parsed.data;
			const existing = this.journal.get(intent.id);
			if (existing) {
				if (existing.contentKey === paymentContentKey(intent)) return { id: intent.id, outcome: 'duplicate', status: existing.status };
				return { id: intent.id, outcome: 'conflict', error: { code: 'conflict', message: `Payment ${intent.id} was already received with different details.` } };
			}
			if (this.unknownPatients.has(intent.patientId)) {
				return { id: intent.id, outcome: 'rejected', error: { code: 'unknown_patient', message: `Patient ${intent.patientId} is not in the practice management system.`, issues: [{ path: 'patientId', message: 'unknown' }] } };
			}
			this.journal.set(intent.id, { intent, contentKey: paymentContentKey(intent), status: 'accepted' });
			this.inserts.push(intent.id);
			return { id: intent.id, outcome: 'accepted', status: 'accepted' };
		});
	}
}

function idOf(item: unknown): string {
	const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
	return typeof id === 'string' ? id : '?';
}

function json(status: number, body: unknown): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function errorJson(status: number, code: string, message: string): Response {
	return json(status, { error: { code, message } });
}

function codeFor(status: number): string {
	return { 400: 'invalid_envelope', 401: 'unauthorized', 413: 'too_many_payments', 429: 'rate_limited', 500: 'internal', 503: 'pms_unavailable' }[status] ?? 'error';
}

function never<T>(): Promise<T> {
	return new Promise<T>(() => {});
}
