import { guarantorBalance } from '../guarantorBalance';
import { checkScope, formatContext, type NexContext } from './nexContext';
import { formatPatient, price, type PatientRow } from './nexFormat';
import { pageRows, parseSort, sqlParams } from './nexPaging';
import { boolParam, choicesParam, cursorParam, dateTimeParam, idParam, parseNexQuery, perPageParam, textParam } from './nexQuery';
import { nexError, nexOk } from './nexResponse';
import { includes } from './readLedgerList';
import { readOne } from './readOne';

type BalanceRow = { id: number; location_id: number; guarantor_id: number; foreign_id: string; updated_at: Date; total_cents: number };

/** The balances of these families, in API_V20240412_Entities_Ledger_GuarantorBalance's shape. */
async function formatBalances(ctx: NexContext, rows: BalanceRow[]) {
	const ids = rows.map((r) => r.guarantor_id);
	const charges = await ctx.sql.query<{ id: number; guarantor_id: number; charged_at: string; fee_cents: number }>(`SELECT id, guarantor_id, charged_at, fee_cents FROM nexhealth.charge WHERE guarantor_id = ANY($1::integer[]) AND deleted_at IS NULL`, [ids]);
	const open = await ctx.sql.query<{ guarantor_id: number; estimated_cents: number; write_off_cents: number }>(
		`SELECT c.guarantor_id, p.estimated_cents, p.write_off_cents FROM nexhealth.claim_payout p JOIN nexhealth.charge c ON c.id = p.charge_id WHERE c.guarantor_id = ANY($1::integer[]) AND c.deleted_at IS NULL AND p.status = 'sent'`,
		[ids]
	);
	const entries = await ctx.sql.query<{ guarantor_id: number; date: string; amount_cents: number; charge_id: number | null }>(
		`SELECT guarantor_id, adjusted_at AS date, amount_cents, charge_id FROM nexhealth.adjustment WHERE guarantor_id = ANY($1::integer[]) AND deleted_at IS NULL
		 UNION ALL SELECT guarantor_id, paid_at AS date, amount_cents, charge_id FROM nexhealth.payment WHERE guarantor_id = ANY($1::integer[]) AND deleted_at IS NULL`,
		[ids]
	);
	return rows.map((row) => {
		const mine = <T extends { guarantor_id: number }>(list: T[]) => list.filter((item) => item.guarantor_id === row.guarantor_id);
		const balance = guarantorBalance({
			today: ctx.clock.today(),
			charges: mine(charges).map((c) => ({ id: c.id, date: c.charged_at, fee: Number(c.fee_cents) })),
			openClaims: mine(open).map((c) => ({ estimated: Number(c.estimated_cents), writeOff: Number(c.write_off_cents) })),
			entries: mine(entries).map((e) => ({ date: e.date, amount: Number(e.amount_cents), chargeId: e.charge_id }))
		});
		return {
			id: row.id,
			foreign_id: row.foreign_id,
			guarantor_id: row.guarantor_id,
			location_id: row.location_id,
			updated_at: row.updated_at.toISOString(),
			write_off_estimate: price(balance.writeOffEstimate),
			total_balance: price(balance.total),
			insurance_estimate: price(balance.insuranceEstimate),
			guarantor_portion: price(balance.guarantorPortion),
			total_balance_under_30: price(balance.aging[0]),
			total_balance_31_60: price(balance.aging[1]),
			total_balance_61_90: price(balance.aging[2]),
			total_balance_over_90: price(balance.aging[3])
		};
	});
}

/**
 * GET /guarantor_balances (getGuarantorBalances): by guarantor_id or updated_since (one is required),
 * families owing nothing only with `show_zero_balances=true`. A balance's id is its guarantor's id.
 */
export async function readGuarantorBalances(ctx: NexContext, url: URL): Promise<Response> {
	const parsed = parseNexQuery(url, { subdomain: textParam(), location_id: idParam, sort: textParam(100), guarantor_id: idParam, updated_since: dateTimeParam, show_zero_balances: boolParam, start_cursor: cursorParam, end_cursor: cursorParam, per_page: perPageParam });
	if (parsed instanceof Response) return parsed;
	const { query } = parsed;
	const scope = checkScope(ctx, query, { subdomain: true, location: true });
	if (scope) return scope;
	if (query.guarantor_id === undefined && query.updated_since === undefined) return nexError(400, 'guarantor_id, updated_since are missing, at least one parameter must be provided');
	const sort = parseSort(query.sort, ['updated_at', '-updated_at']);
	if (sort instanceof Response) return sort;
	const sql = sqlParams();
	const where = [`location_id = ${sql.p(query.location_id)}`];
	if (query.guarantor_id !== undefined) where.push(`guarantor_id = ${sql.p(query.guarantor_id)}`);
	if (query.updated_since) where.push(`updated_at >= ${sql.p(query.updated_since)}`);
	if (!query.show_zero_balances) where.push('total_cents <> 0');
	const page = await pageRows(ctx.sql, { resource: 'guarantor_balances', table: 'nexhealth.guarantor_balance', where, sql, sort, perPage: query.per_page, startCursor: query.start_cursor, endCursor: query.end_cursor });
	if (page instanceof Response) return page;
	return nexOk(await formatBalances(ctx, page.rows as BalanceRow[]), { count: page.count, pageInfo: page.pageInfo, remarks: parsed.remarks });
}

/** GET /guarantor_balances/{id} (getGuarantorBalancesId): the document gives it no `subdomain`; one sent is checked. */
export function readGuarantorBalance(ctx: NexContext, url: URL, id: number): Promise<Response> {
	return readOne(ctx, url, id, {
		table: 'nexhealth.guarantor_balance',
		label: 'GuarantorBalance',
		subdomain: 'optional',
		extra: { 'include[]': choicesParam(['guarantor']) },
		format: async (row, query) => {
			const [balance] = await formatBalances(ctx, [row as BalanceRow]);
			if (!includes(query).has('guarantor')) return balance;
			const guarantor = (await ctx.sql.query<PatientRow>(`SELECT * FROM nexhealth.patient WHERE id = $1`, [(row as BalanceRow).guarantor_id]))[0];
			return { ...balance, ...(guarantor ? { guarantor: formatPatient(formatContext(ctx), guarantor) } : {}) };
		}
	});
}
