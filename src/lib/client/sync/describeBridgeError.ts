/** A whole-request failure as the bridge answered it (`ApiResult`'s `http` case). */
export type BridgeError = { status: number; code: string; message: string };

/**
 * The bridge's answer in a few words, for staff and support: "error 500" when the body was not the
 * bridge's error envelope (the app then has only the status: a crash answered by the framework),
 * else "error 502, bad_gateway: …" with the bridge's own code and message.
 */
export function describeBridgeError(error: BridgeError): string {
	return error.code === 'http_error' ? `error ${error.status}` : `error ${error.status}, ${error.code}: ${error.message}`;
}
