import type { LockInfo, LockRequestOptions, Locks } from './platform';

type Waiter = { grant: () => void };

/**
 * Exclusive locks within this page only, for browsers without Web Locks (Safari before 15.4, and
 * any page served over plain HTTP: Web Locks needs a secure context, DESIGN §8). Each tab then leads
 * by itself; the payment id keeps the bridge's journal exactly-once even if two tabs send.
 */
export function createLocalLocks(): Locks {
	const held = new Set<string>();
	const queues = new Map<string, Waiter[]>();

	function release(name: string): void {
		const next = queues.get(name)?.shift();
		if (next) next.grant();
		else held.delete(name);
	}

	return {
		request<T>(name: string, options: LockRequestOptions, callback: (lock: LockInfo | null) => Promise<T>): Promise<T> {
			if (options.signal?.aborted) return Promise.reject(abortError());
			if (held.has(name) && options.ifAvailable) return callback(null);
			return new Promise<T>((resolve, reject) => {
				const run = () => {
					options.signal?.removeEventListener('abort', onAbort);
					Promise.resolve()
						.then(() => callback({ name }))
						.then(resolve, reject)
						.finally(() => release(name));
				};
				const waiter: Waiter = { grant: run };
				const onAbort = () => {
					const queue = queues.get(name) ?? [];
					const index = queue.indexOf(waiter);
					if (index < 0) return;
					queue.splice(index, 1);
					reject(abortError());
				};
				if (!held.has(name)) {
					held.add(name);
					run();
					return;
				}
				options.signal?.addEventListener('abort', onAbort);
				queues.set(name, [...(queues.get(name) ?? []), waiter]);
			});
		}
	};
}

function abortError(): Error {
	const error = new Error('The lock request was aborted.');
	error.name = 'AbortError';
	return error;
}
