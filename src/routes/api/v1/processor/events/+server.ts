import { issuesOf } from '$lib/domain/api/errorBody';
import { processorEventSchema } from '$lib/domain/clearing/processorEvent';
import { SIGNATURE_HEADER } from '$lib/domain/clearing/processorSignature';
import { clearingDepsOf } from '$lib/server/clearing/clearingDeps';
import { receiveProcessorEvent } from '$lib/server/clearing/receiveProcessorEvent';
import { verifyProcessorSignature } from '$lib/server/clearing/verifyProcessorSignature';
import { apiError, apiJson } from '$lib/server/http/apiResponses';
import { apiRoute } from '$lib/server/http/apiRoute';

/** One event is a few hundred bytes; anything near this is not an event. */
const MAX_EVENT_BYTES = 64 * 1024;

/**
 * `POST /processor/events` (DESIGN §6): the card processor's signed webhook. No device token: it
 * authenticates by the HMAC in `Paysplit-Signature`, over the raw body.
 */
export const POST = apiRoute({ auth: 'public', body: { raw: 'a processor event', maxBytes: MAX_EVENT_BYTES } }, async ({ event, bridge, body }) => {
	const secret = bridge.config.PROCESSOR_WEBHOOK_SECRET;
	if (!secret) {
		return apiError(503, 'webhook_not_configured', 'Processor events are not set up on this bridge: set PROCESSOR_WEBHOOK_SECRET (at least 16 characters, the secret shared with the processor) and restart it.');
	}
	const signed = verifyProcessorSignature(secret, event.request.headers.get(SIGNATURE_HEADER), body, bridge.now());
	if (!signed.ok) return apiError(401, 'bad_signature', signed.error);
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
	} catch (error) {
		return apiError(400, 'invalid_json', `The body is not valid JSON in UTF-8: ${error instanceof Error ? error.message : String(error)}`);
	}
	const parsed = processorEventSchema.safeParse(json);
	if (!parsed.success) {
		const issues = issuesOf(parsed.error);
		return apiError(400, 'invalid_event', `The event is not {id, type, reference, amount, occurredAt, fee?}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
	}
	return apiJson(await receiveProcessorEvent(clearingDepsOf(bridge), parsed.data));
});
