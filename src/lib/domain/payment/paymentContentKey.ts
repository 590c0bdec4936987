import { normalizeText } from '../text/normalizeText';
import type { PaymentIntent } from './paymentIntent';

/**
 * The content of a payment that must match for a repeat to be a duplicate rather than a conflict
 * (DESIGN §3): every field of the intent except `takenAt` and `preview`, as parsed values. Keys are
 * sorted and absent options take their defaults, so two encodings of one payment give one key.
 *
 * Every text is compared in its normalised form (`text/normalizeText`: NFC, trimmed, "\n" line
 * breaks), as the text rule stores it: so a payment journaled before that rule (with a trailing space
 * or a decomposed accent) and sent again is still the same payment — a `duplicate`, not a `conflict`.
 */
export function paymentContentKey(intent: PaymentIntent): string {
	const content = {
		id: intent.id,
		patientId: intent.patientId,
		amount: intent.amount,
		method: intent.method,
		payDate: intent.payDate,
		takenBy: intent.takenBy ?? null,
		clinicId: intent.clinicId ?? null,
		note: intent.note ?? null,
		allocation: {
			preferPatient: intent.allocation?.preferPatient ?? false,
			payFirst: intent.allocation?.payFirst ?? []
		}
	};
	return canonicalJson(content);
}

function canonicalJson(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(normalizeText(value, { lines: true }));
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}
