import { describe, expect, it } from 'vitest';
import { persistenceMessage } from '$lib/client/db/Persistence';
import { requestPersistence } from '$lib/client/db/requestPersistence';

describe('persistent storage is requested (DESIGN §5) and a refusal is said in the UI', () => {
	it('granted when already persisted, without asking again', async () => {
		let asked = false;
		expect(await requestPersistence({ persisted: async () => true, persist: async () => ((asked = true), true) })).toBe('granted');
		expect(asked).toBe(false);
	});
	it('granted or denied as the browser answers persist()', async () => {
		expect(await requestPersistence({ persisted: async () => false, persist: async () => true })).toBe('granted');
		expect(await requestPersistence({ persisted: async () => false, persist: async () => false })).toBe('denied');
	});
	it('denied when the browser throws; unsupported without the API', async () => {
		expect(await requestPersistence({ persist: () => Promise.reject(new Error('no')) })).toBe('denied');
		expect(await requestPersistence(undefined)).toBe('unsupported');
		expect(await requestPersistence({})).toBe('unsupported');
	});
	it('staff are told when storage is not persistent, and not bothered when it is', () => {
		expect(persistenceMessage('granted')).toBeNull();
		expect(persistenceMessage('denied')).toMatch(/could be lost/);
		expect(persistenceMessage('unsupported')).toMatch(/could be lost/);
	});
});
