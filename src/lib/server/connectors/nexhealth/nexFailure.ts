import type { PmsFailure } from '../PmsConnector';

/**
 * How a NexHealth call failed, for the pipeline (PmsFailureKind). A read changes nothing, so a read
 * that failed is `unreachable` (try again); a write (POST /payments) that may have reached NexHealth
 * is `unknown` (look it up by its transaction_id before sending again), and `unreachable` only when
 * it surely never left (the connection was refused, the name did not resolve).
 */
export function thrownFailure(error: unknown, write: boolean): PmsFailure & { timedOut: boolean } {
	const name = error instanceof Error ? error.name : '';
	const message = error instanceof Error ? error.message : String(error);
	if (name === 'TimeoutError' || name === 'AbortError') {
		return { kind: write ? 'unknown' : 'unreachable', message: `NexHealth did not answer in time (${message})`, timedOut: true };
	}
	// fetch rejects with TypeError("fetch failed") and the socket error as its cause.
	const code = String((error instanceof Error && (error.cause as { code?: unknown } | undefined)?.code) || '');
	const neverSent = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code);
	return { kind: write && !neverSent ? 'unknown' : 'unreachable', message: `NexHealth could not be reached: ${message}${code ? ` (${code})` : ''}`, timedOut: false };
}

/** An HTTP answer that is not a success (401 and 429 are handled before this: re-authentication, waiting). */
export function statusFailure(status: number, nexMessage: string, write: boolean): PmsFailure {
	const said = nexMessage || `HTTP ${status}`;
	if (status === 401) return { kind: 'unauthorized', status, message: `NexHealth refused the credentials (NEXHEALTH_API_KEY): ${said}` };
	if (status === 403) return { kind: 'unauthorized', status, message: `NexHealth refused access (financial data must be switched on for the API key, and the location must be visible to it): ${said}` };
	if (status === 429) return { kind: 'unreachable', status, message: `NexHealth kept answering "too many requests": ${said}` };
	if (status >= 500) return { kind: write ? 'unknown' : 'unreachable', status, message: `NexHealth failed (${status}): ${said}` };
	return { kind: 'refused', status, message: said };
}
