import type { LockInfo, LockRequestOptions, Locks } from '$lib/client/sync/platform';

type Request = {
	tab: string;
	callback: (lock: LockInfo | null) => Promise<unknown>;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
};

/**
 * Web Locks for several simulated tabs of one browser. Grants are synchronous, so a test sees the
 * new leader at once. `crash(tab)` does what the browser does when a tab dies: frees its locks
 * (the next waiter is granted) and drops its waiting requests; the crashed tab's promises never
 * settle, since no more of its code runs.
 */
export class FakeLockManager {
	#holders = new Map<string, Request>();
	#queues = new Map<string, Request[]>();

	forTab(tab: string): Locks {
		return {
			request: <T>(name: string, options: LockRequestOptions, callback: (lock: LockInfo | null) => Promise<T>) =>
				this.#request(tab, name, options, callback) as Promise<T>
		};
	}

	holder(name: string): string | null {
		return this.#holders.get(name)?.tab ?? null;
	}

	waiting(name: string): string[] {
		return (this.#queues.get(name) ?? []).map((r) => r.tab);
	}

	crash(tab: string): void {
		for (const [name, queue] of this.#queues) this.#queues.set(name, queue.filter((r) => r.tab !== tab));
		for (const [name, holder] of [...this.#holders]) {
			if (holder.tab === tab) this.#release(name, holder);
		}
	}

	#request(tab: string, name: string, options: LockRequestOptions, callback: (lock: LockInfo | null) => Promise<unknown>): Promise<unknown> {
		return new Promise((resolve, reject) => {
			if (options.signal?.aborted) return reject(abortError());
			const request: Request = { tab, callback, resolve, reject };
			if (!this.#holders.has(name)) return this.#grant(name, request);
			if (options.ifAvailable) return void callback(null).then(resolve, reject);
			this.#queues.set(name, [...(this.#queues.get(name) ?? []), request]);
			options.signal?.addEventListener('abort', () => {
				const queue = this.#queues.get(name) ?? [];
				if (!queue.includes(request)) return;
				this.#queues.set(name, queue.filter((r) => r !== request));
				reject(abortError());
			});
		});
	}

	#grant(name: string, request: Request): void {
		this.#holders.set(name, request);
		let done: Promise<unknown>;
		try {
			done = request.callback({ name });
		} catch (error) {
			done = Promise.reject(error);
		}
		done.then(
			(value) => {
				if (this.#holders.get(name) !== request) return;
				this.#release(name, request);
				request.resolve(value);
			},
			(error: unknown) => {
				if (this.#holders.get(name) !== request) return;
				this.#release(name, request);
				request.reject(error);
			}
		);
	}

	#release(name: string, request: Request): void {
		if (this.#holders.get(name) !== request) return;
		this.#holders.delete(name);
		const queue = this.#queues.get(name) ?? [];
		const next = queue.shift();
		this.#queues.set(name, queue);
		if (next) this.#grant(name, next);
	}
}

function abortError(): Error {
	const error = new Error('aborted');
	error.name = 'AbortError';
	return error;
}
