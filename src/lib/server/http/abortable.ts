/**
 * `work`, or its rejection with the signal's reason as soon as `signal` aborts — as fetch rejects on
 * an aborted signal, whatever the server is still doing. For the in-process fetches of the demo
 * servers (demoPmsFetch, demoNexhealthFetch), whose work may well finish later, as a slow server's would.
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return work;
	if (signal.aborted) return Promise.reject(signal.reason);
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, { once: true });
		work.then(
			(value) => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error);
			}
		);
	});
}
