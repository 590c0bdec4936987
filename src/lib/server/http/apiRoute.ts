import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { issuesOf, type Issue } from '$lib/domain/api/errorBody';
import type { Device } from '../auth/authenticateDevice';
import type { Bridge } from '../bridge/startBridge';
import { readRawBody } from '../clearing/readRawBody';
import { requireAdmin } from '../admin/requireAdmin';
import { apiError } from './apiResponses';
import { readJsonBody } from './readJsonBody';
import { requireDevice } from './requireDevice';
import { requireManager, type ManagerCaller } from './requireManager';

/**
 * Who may call: nobody in particular (`public`: health, pairing, the signed processor webhook), a
 * paired device, a device holding a manager session, or the loopback admin channel (DESIGN §6, §8).
 */
export type RouteAuth = 'public' | 'device' | 'manager' | 'admin';
type CallerOf<A extends RouteAuth> = A extends 'device' ? Device : A extends 'manager' ? ManagerCaller : null;

/** A JSON body parsed by `schema`, or the raw bytes (signed webhooks, CSV files), at most `maxBytes`. */
export type BodySpec = { json: z.ZodType; maxBytes: number; invalid?: { code: string; message: string } } | { raw: string; maxBytes: number };
type BodyOf<B> = B extends { json: infer S extends z.ZodType } ? z.output<S> : B extends { raw: string } ? Buffer : undefined;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteOptions<A extends RouteAuth, P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends BodySpec | undefined> = {
	auth: A;
	/** The route's path parameters (`[id]`), parsed: a bad one answers 400 naming it. */
	params?: P;
	/** The query string, as an object of its last values per name, parsed: a bad one answers 400 naming it. */
	query?: Q;
	body?: B;
};

export type RouteContext<A extends RouteAuth, P, Q, B> = {
	event: RequestEvent;
	bridge: Bridge;
	caller: CallerOf<A>;
	params: OutputOf<P>;
	query: OutputOf<Q>;
	body: BodyOf<B>;
};

/**
 * The one door of every bridge endpoint (STYLE: one door per edge). It authenticates the caller,
 * parses the path parameters and the query string, reads a bounded body and parses it, answering
 * each failure with DESIGN §6's error body — so no endpoint can forget a rule — and only then calls
 * the handler with typed values. A handler that throws is a bug: the caller gets a 500 that names a
 * reference, the log gets the detail under it, and the request's input is never echoed.
 */
export function apiRoute<A extends RouteAuth, P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends BodySpec | undefined = undefined>(
	options: RouteOptions<A, P, Q, B>,
	handler: (context: RouteContext<A, P, Q, B>) => Promise<Response> | Response
): (event: RequestEvent) => Promise<Response> {
	return async (event) => {
		const bridge = event.locals.bridge;
		if (!bridge) return apiError(503, 'starting', 'The bridge is starting; try again in a few seconds.', undefined, { 'retry-after': '5' });
		try {
			const caller = await authenticate(options.auth, bridge, event);
			if (caller instanceof Response) return caller;
			const params = parseInput(options.params, event.params, 'path');
			if (params instanceof Response) return params;
			const query = parseInput(options.query, lastValues(event.url.searchParams), 'query');
			if (query instanceof Response) return query;
			const body = await readBody(options.body, event.request);
			if (body instanceof Response) return body;
			return await handler({ event, bridge, caller: caller as CallerOf<A>, params: params as OutputOf<P>, query: query as OutputOf<Q>, body: body as BodyOf<B> });
		} catch (error) {
			const reference = Math.random().toString(36).slice(2, 10);
			bridge.log('error', `${event.request.method} ${event.route.id ?? event.url.pathname} failed (reference ${reference}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			return apiError(500, 'internal', `Something went wrong on the bridge (reference ${reference}); nothing more was changed by this request. The bridge's log has the detail.`);
		}
	};
}

async function authenticate(auth: RouteAuth, bridge: Bridge, event: RequestEvent): Promise<Device | ManagerCaller | Response | null> {
	switch (auth) {
		case 'public':
			return null;
		case 'device':
			return requireDevice(bridge, event);
		case 'manager':
			return requireManager(bridge, event);
		case 'admin':
			return requireAdmin(bridge, event);
	}
}

function parseInput(schema: z.ZodType | undefined, input: unknown, where: 'path' | 'query'): unknown {
	if (!schema) return undefined;
	const parsed = schema.safeParse(input);
	if (parsed.success) return parsed.data;
	return invalid(issuesOf(parsed.error), where === 'path' ? 'The address is not valid' : 'The query string is not valid');
}

async function readBody(spec: BodySpec | undefined, request: Request): Promise<unknown> {
	if (!spec) return undefined;
	if ('raw' in spec) {
		const raw = await readRawBody(request, spec.maxBytes, spec.raw);
		return raw.ok ? raw.bytes : apiError(raw.status, raw.code, raw.message, undefined, raw.headers);
	}
	const body = await readJsonBody(request, spec.maxBytes);
	if (!body.ok) return apiError(body.status, body.code, body.message, undefined, body.headers);
	const parsed = spec.json.safeParse(body.value);
	if (parsed.success) return parsed.data;
	return invalid(issuesOf(parsed.error), spec.invalid?.message ?? 'The request is not valid', spec.invalid?.code);
}

/** 400 naming every bad field: "The request is not valid: name must not be empty". */
function invalid(issues: Issue[], lead: string, code = 'invalid'): Response {
	return apiError(400, code, `${lead}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
}

/** A query string as `{name: value}`, the last value winning when a name repeats. */
function lastValues(params: URLSearchParams): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of params) values[name] = value;
	return values;
}
