export type KeyedMutex = {
	/** Runs `work` once no other holder of `key` in this process runs; holders of one key go first come, first served. */
	run<T>(key: string, work: () => Promise<T>): Promise<T>;
	/** Runs `work` only if nobody in this process holds `key` now. */
	tryRun<T>(key: string, work: () => Promise<T>): Promise<{ locked: true; value: T } | { locked: false }>;
};

/**
 * Exclusive locks by name, inside one process. Not reentrant: a holder that asks for its own key
 * again waits for itself forever.
 */
export function createKeyedMutex(): KeyedMutex {
	// The tail of each key's queue: the promise the next holder waits for. Absent: the key is free.
	const tails = new Map<string, Promise<void>>();

	function acquire(key: string): Promise<() => void> {
		const previous = tails.get(key) ?? Promise.resolve();
		let release!: () => void;
		const done = new Promise<void>((resolve) => (release = resolve));
		const tail = previous.then(() => done);
		tails.set(key, tail);
		return previous.then(() => () => {
			if (tails.get(key) === tail) tails.delete(key);
			release();
		});
	}

	return {
		async run(key, work) {
			const release = await acquire(key);
			try {
				return await work();
			} finally {
				release();
			}
		},
		async tryRun(key, work) {
			if (tails.has(key)) return { locked: false };
			const release = await acquire(key);
			try {
				return { locked: true, value: await work() };
			} finally {
				release();
			}
		}
	};
}
