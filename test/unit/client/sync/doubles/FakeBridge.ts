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
 *   (a request carrying a payment in `failsOn` fails whatever its fate, but for a lost request);
 * - `{ acceptFirst }`: the bridge journals the first k payments, then fails with 503.
 */
export type Fate =
	| 'ok'
	| 'lose-request'
	| 'lose-response'
	| 'duplicate'
	| { status: 400 | 401 | 413 | 429 | 500 | 502 | 503 | 504 }
	| { acceptFirst: number };

type Journaled = { intent: PaymentIntent; contentKey: string; status: BridgeStatus; reason?: string };

/** One row of the bridge's `payment_event` table: what `GET /changes` lists, by `seq`. */
export type FeedEvent = { seq: number; id: string; status: string; reason?: string };

/**
 * What happens to one `GET /changes` request: `ok` answers from the feed; `lose-request` fails in
 * the network; `{ status }` is a whole-request error; `{ body }` answers 200 with that body.
 */
export type ChangesFate = 'ok' | 'lose-request' | { status: 400 | 401 | 500 | 503 } | { body: unknown };

export type HeldRequest = { tab: string; payments: unknown[]; settle: (fate: Fate) => void };

/**
 * The bridge, as far as devices can tell (DESIGN §3, §6): a journal keyed by payment id with
 * insert-or-compare (same content → `duplicate`, other content → `conflict`), per-item results in
 * order, whole-request errors, the batch limit (413), and the change feed (`GET /changes`, with
 * its cursors and its 400 for a cursor it never gave out). It can hold requests so a test decides
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
	/**
	 * Payments the bridge trips on, by id, with the status it then answers (a bug that one payment
	 * sets off: 500). As the real one, which commits payment by payment, it journals the payments
	 * before the first of them in the request, then fails the whole request.
	 */
	failsOn = new Map<string, 500 | 502 | 503 | 504>();
	/** Fates for the next requests, used in order; `ok` when empty. */
	script: Fate[] = [];
	/** When true, requests wait in `held` until `release`. */
	hold = false;
	held: HeldRequest[] = [];
	#heldWaiters: (() => void)[] = [];
	/** The change feed: every status each payment took, in order (seq from 1, as the journal's bigserial). */
	events: FeedEvent[] = [];
	/** Every `GET /changes` that reached the bridge, with its query. */
	changesRequests: { since: string | null; limit: string | null }[] = [];
	/** Fates for the next `GET /changes`, used in order; `ok` when empty. */
	changesScript: ChangesFate[] = [];
	#seq = 0;

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
			if (url.pathname === '/api/v1/changes' && method === 'GET') {
				this.changesRequests.push({ since: url.searchParams.get('since'), limit: url.searchParams.get('limit') });
				return deliver(this.#changes(url.searchParams, this.changesScript.shift() ?? 'ok'));
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

	/** The pipeline moves a payment on: its status, its reason (none if not given), and an event in the feed. */
	setStatus(id: string, status: BridgeStatus, reason?: string): void {
		const found = this.journal.get(id);
		if (!found) throw new Error(`no payment ${id} in the journal`);
		const { reason: _old, ...rest } = found;
		this.journal.set(id, { ...rest, status, ...(reason ? { reason } : {}) });
		this.appendEvent(id, status, reason);
	}

	/** Puts a payment in the journal directly (e.g. another device's, for a conflict). */
	seed(intent: PaymentIntent, status: BridgeStatus = 'accepted'): void {
		this.journal.set(intent.id, { intent, contentKey: paymentContentKey(intent), status });
		this.appendEvent(intent.id, status);
	}

	/** The bridge's database is replaced by an empty one: no payments, no events, sequences from 1 again. */
	replaceDatabase(): void {
		this.journal.clear();
		this.events = [];
		this.#seq = 0;
	}

	/** Adds a row to the change feed only (e.g. a status a newer bridge has and this device does not know). */
	appendEvent(id: string, status: string, reason?: string): void {
		this.#seq += 1;
		this.events.push({ seq: this.#seq, id, status, ...(reason ? { reason } : {}) });
	}

	/** `GET /changes?since=&limit=` as the bridge answers it (src/routes/api/v1/changes, readChanges). */
	async #changes(query: URLSearchParams, fate: ChangesFate): Promise<Response> {
		if (fate === 'lose-request') throw new TypeError('Failed to fetch');
		if (typeof fate === 'object' && 'status' in fate) return errorJson(fate.status, codeFor(fate.status), `Refused with ${fate.status}.`);
		if (typeof fate === 'object') return json(200, fate.body);
		const sinceText = query.get('since');
		const since = sinceText === null ? 0 : /^\d{1,16}$/.test(sinceText) ? Number(sinceText) : null;
		const unknown = () => errorJson(400, 'invalid', `since "${sinceText}" is not a cursor this bridge gave out.`, [{ path: 'since', message: 'must be the `next` value of an earlier answer' }]);
		if (since === null) return unknown();
		const limitText = query.get('limit');
		const limit = limitText === null ? 500 : Number(limitText);
		if (!Number.isInteger(limit) || limit < 1 || limit > 500) return errorJson(400, 'invalid', `limit "${limitText}" must be a whole number from 1 to 500.`, [{ path: 'limit', message: 'must be 1 … 500' }]);
		const rows = this.events.filter((e) => e.seq > since).slice(0, limit);
		if (rows.length === 0 && since > this.#seq) return unknown();
		return json(200, {
			changes: rows.map((e) => ({ cursor: cursorOf(e.seq), id: e.id, status: e.status, at: new Date(e.seq * 1000).toISOString(), ...(e.reason ? { reason: e.reason } : {}) })),
			next: cursorOf(rows.at(-1)?.seq ?? since)
		});
	}

	async #respond(payments: unknown[], fate: Fate): Promise<Response> {
		if (fate === 'lose-request') throw new TypeError('Failed to fetch');
		if (typeof fate === 'object' && 'status' in fate) return errorJson(fate.status, codeFor(fate.status), `Refused with ${fate.status}.`);
		if (payments.length > this.maxBatch || payments.some((p) => this.tooLarge(p))) {
			return errorJson(413, 'too_many_payments', `At most ${this.maxBatch} payments per request.`);
		}
		const tripsAt = payments.findIndex((p) => this.failsOn.has(idOf(p)));
		if (tripsAt >= 0) {
			this.#journal(payments.slice(0, tripsAt));
			const status = this.failsOn.get(idOf(payments[tripsAt]))!;
			return errorJson(status, codeFor(status), `Failed on payment ${idOf(payments[tripsAt])}.`);
		}
		if (typeof fate === 'object') {
			this.#journal(payments.slice(0, fate.acceptFirst));
			return errorJson(503, 'pms_unreachable', 'The PMS stopped answering.');
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
			this.appendEvent(intent.id, 'accepted');
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

function errorJson(status: number, code: string, message: string, issues?: { path: string; message: string }[]): Response {
	return json(status, { error: { code, message, ...(issues ? { issues } : {}) } });
}

/** The bridge's cursor: the event's sequence, zero-padded to 16 digits so cursors order as strings. */
function cursorOf(seq: number): string {
	return String(seq).padStart(16, '0');
}

function codeFor(status: number): string {
	return { 400: 'invalid_envelope', 401: 'unauthorized', 413: 'too_many_payments', 429: 'rate_limited', 500: 'internal', 502: 'bad_gateway', 503: 'pms_unreachable', 504: 'gateway_timeout' }[status] ?? 'error';
}

function never<T>(): Promise<T> {
	return new Promise<T>(() => {});
}
