import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '$lib/server/store/openPglite';
import type { Sql } from '$lib/server/store/Sql';
import { migrate } from '$lib/server/store/migrate';
import { bridgeMigrations } from '$lib/server/store/bridgeMigrations';
import { createDemoPms, DEMO_KEYS, type DemoPms } from '$lib/server/demo-pms/createDemoPms';
import { demoPmsFetch, EMBEDDED_DEMO_PMS_URL } from '$lib/server/demo-pms/demoPmsFetch';
import { createOpenDentalConnector } from '$lib/server/connectors/opendental/createOpenDentalConnector';
import { createPracticeMirror, type PracticeMirror } from '$lib/server/practice/createPracticeMirror';

let demoSql: Sql;
let sql: Sql;
let demo: DemoPms;
let mirror: PracticeMirror;
const auth = { authorization: `ODFHIR ${DEMO_KEYS.developerKey}/${DEMO_KEYS.customerKey}`, 'content-type': 'application/json' };

beforeAll(async () => {
	[demoSql, sql] = await Promise.all([openPglite(undefined), openPglite(undefined)]);
	demo = await createDemoPms(demoSql, { today: () => '2026-11-23', now: () => new Date() });
	await migrate(sql, bridgeMigrations);
	const connector = createOpenDentalConnector({ baseUrl: EMBEDDED_DEMO_PMS_URL, ...DEMO_KEYS, fetch: demoPmsFetch(demo.api) });
	mirror = createPracticeMirror({ sql, connector, now: () => new Date(), log: () => undefined });
	expect((await mirror.refresh()).ok).toBe(true);
});
afterAll(async () => {
	await Promise.all([sql.close(), demoSql.close()]);
});

describe('the bridge’s copy of the PMS, as a change feed', () => {
	it('a second read of an unchanged PMS changes nothing: the feed after the cursor is empty', async () => {
		const first = (await mirror.feed(undefined))!;
		await mirror.refresh();
		const after = (await mirror.feed(Number(first.next)))!;
		expect(after).toMatchObject({ patients: [], families: [], removed: [] });
		expect(after.next).toBe(first.next);
	});

	it('a payment written in the PMS shows as that one family changed, whether one family or the whole practice is re-read', async () => {
		const start = (await mirror.feed(undefined))!;
		const family = start.families.find((f) => f.ledger.patients.length > 1)!;
		const response = await demo.api(new Request('http://d/api/v1/payments', { method: 'POST', headers: auth, body: JSON.stringify({ PayAmt: 20, PatNum: Number(family.guarantorId) }) }), '/payments');
		expect(response.status).toBe(201);
		await mirror.refreshFamily(family.guarantorId);
		const changed = (await mirror.feed(Number(start.next)))!;
		expect(changed.families.map((f) => f.guarantorId)).toEqual([family.guarantorId]);
		expect(changed.families[0]!.balance).toBe(family.balance - 2000);
		expect(changed.patients).toEqual([]);
		// Reading the whole practice afterwards finds nothing new.
		await mirror.refresh();
		expect((await mirror.feed(Number(changed.next)))!.families).toEqual([]);
	});
});
