import { describe, expect, it } from 'vitest';
import { createLocalLocks } from '$lib/client/sync/createLocalLocks';

describe('in-page locks (fallback where Web Locks is missing)', () => {
	it('grants one holder at a time, in request order; ifAvailable gets null while held; abort gives up a wait', async () => {
		const locks = createLocalLocks();
		const order: string[] = [];
		let releaseFirst = () => {};
		const first = locks.request('l', {}, async () => {
			order.push('first');
			await new Promise<void>((resolve) => (releaseFirst = resolve));
		});
		const controller = new AbortController();
		const aborted = locks.request('l', { signal: controller.signal }, async () => order.push('aborted'));
		const second = locks.request('l', {}, async () => order.push('second'));
		expect(await locks.request('l', { ifAvailable: true }, async (lock) => lock)).toBeNull();
		controller.abort();
		await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
		await new Promise((resolve) => setImmediate(resolve));
		expect(order).toEqual(['first']);
		releaseFirst();
		await first;
		await second;
		expect(order).toEqual(['first', 'second']);
	});
});
