import { afterEach, describe, expect, it } from 'vitest';
import type { BridgeApi } from '$lib/client/api/bridgeApi';
import { loadPractice } from '$lib/client/practice/loadPractice';
import type { PaysplitDb } from '$lib/client/db/PaysplitDb';
import type { Family, Patient, PatientsFeed } from '$lib/domain/api/patientsFeed';
import { freshDb } from '../db/testDb';

const ledger = (guarantorId: string, members: string[]) => ({ patients: members.map((id) => ({ id, guarantorId, primaryProviderId: '1' })), unearnedTypes: [], procedures: [], adjustments: [], splits: [] });
const patient = (id: string, guarantorId: string, lastName: string): Patient => ({ id, guarantorId, firstName: `P${id}`, lastName });
const family = (guarantorId: string, members: string[], balance: number): Family => ({ guarantorId, ledger: ledger(guarantorId, members), balance: balance as never });

/** A bridge that answers the feed from a script: the first call everything, then changes. */
function scriptedApi(answers: PatientsFeed[]): { api: BridgeApi; sinces: (string | undefined)[] } {
	const sinces: (string | undefined)[] = [];
	const api = {
		patients: async (since?: string) => {
			sinces.push(since);
			const next = answers.shift();
			return next ? { ok: true as const, value: next } : { ok: false as const, kind: 'offline' as const, message: 'no more' };
		}
	} as unknown as BridgeApi;
	return { api, sinces };
}

let db: PaysplitDb;
afterEach(async () => db?.close());

describe('loadPractice', () => {
	it('loads everything first, then only what changed since the cursor, keeping each member’s family balance current', async () => {
		db = freshDb().db;
		const { api, sinces } = scriptedApi([
			{ patients: [patient('1', '1', 'Ng'), patient('2', '1', 'Ng'), patient('3', '3', 'Ola')], families: [family('1', ['1', '2'], 5000), family('3', ['3'], 0)], removed: [], next: '0000000000000005', asOf: '2026-11-23T10:00:00.000Z' },
			// The Ng family's balance changed (a payment posted); no patient changed.
			{ patients: [], families: [family('1', ['1', '2'], 2000)], removed: [], next: '0000000000000006', asOf: '2026-11-23T10:05:00.000Z' },
			// Ola left the practice.
			{ patients: [], families: [], removed: ['3'], next: '0000000000000008', asOf: '2026-11-23T10:10:00.000Z' }
		]);
		const now = () => new Date('2026-11-23T10:00:00Z');
		expect(await loadPractice(db, api, now)).toMatchObject({ ok: true, patients: 3, families: 2 });
		expect((await db.patients.get('2'))?.familyBalance).toBe(5000);
		expect(await loadPractice(db, api, now)).toMatchObject({ ok: true, patients: 0, families: 1 });
		expect((await db.patients.get('2'))?.familyBalance).toBe(2000);
		expect((await db.patients.get('1'))?.searchName).toBe('ng p1');
		await loadPractice(db, api, now);
		expect(await db.patients.get('3')).toBeUndefined();
		expect(await db.families.get('3')).toBeUndefined();
		expect(await db.families.get('1')).toBeDefined();
		expect(sinces).toEqual([undefined, '0000000000000005', '0000000000000006']);
		expect(await db.meta.get('feed')).toMatchObject({ cursor: '0000000000000008', asOf: '2026-11-23T10:10:00.000Z' });
	});

	it('changes nothing when the bridge cannot be reached', async () => {
		db = freshDb().db;
		const { api } = scriptedApi([]);
		expect(await loadPractice(db, api, () => new Date())).toMatchObject({ ok: false, unauthorized: false });
		expect(await db.patients.count()).toBe(0);
		expect(await db.meta.get('feed')).toBeUndefined();
	});
});
