import type { Family, Patient, PatientsFeed } from '$lib/domain/api/patientsFeed';
import { familySchema, patientSchema } from '$lib/domain/api/patientsFeed';
import { familyBalance } from '$lib/domain/ledger/familyBalance';
import type { PmsConnector, PmsFailure } from '../connectors/PmsConnector';
import type { Sql, SqlTx } from '../store/Sql';
import type { Ledger } from '$lib/domain/ledger/ledger';
import { canonicalHash } from './canonicalHash';
import { practiceMetaSchema, type PracticeMeta } from './practiceMeta';

const CURSOR_DIGITS = 16;
const toCursor = (version: number) => String(version).padStart(CURSOR_DIGITS, '0');
/**
 * Refreshes and feed reads take this transaction-scoped lock, so a reader never sees a version
 * number whose row commits later (sequences are not transactional on a shared PostgreSQL server).
 */
const MIRROR_LOCK = `SELECT pg_advisory_xact_lock(7201)`;

export type MirrorDeps = { sql: Sql; connector: PmsConnector; now: () => Date; log: (message: string) => void };

/**
 * The bridge's copy of what the PMS holds: patients, family ledgers (with balances) and the practice's
 * reference data. Each refresh reads the PMS, and every patient or family whose content changed gets a
 * new version from one sequence; devices load incrementally by asking for versions after their cursor
 * (`GET /patients?since=`, DESIGN §6). Refreshes are single-flight.
 */
export function createPracticeMirror(deps: MirrorDeps) {
	const { sql } = deps;
	let inFlight: Promise<{ ok: true } | { ok: false; failure: PmsFailure }> | null = null;
	let lastReadAt = 0;

	async function refreshNow(): Promise<{ ok: true } | { ok: false; failure: PmsFailure }> {
		const snapshot = await deps.connector.readPractice();
		if (!snapshot.ok) {
			deps.log(`PMS read failed (${snapshot.failure.kind}): ${snapshot.failure.message}`);
			return snapshot;
		}
		const { patients, families, ...meta } = snapshot.value;
		const readAt = deps.now();
		await sql.transaction(async (tx) => {
			await tx.query(MIRROR_LOCK);
			const known = new Map((await tx.query<{ id: string; hash: string; removed: boolean }>(`SELECT id, hash, removed FROM mirror_patient`)).map((r) => [r.id, r]));
			for (const [index, patient] of patients.entries()) {
				await putPatient(tx, patient, known.get(patient.id));
				known.delete(patient.id);
				if (index % 500 === 499) await yieldToEventLoop();
			}
			for (const gone of known.values()) if (!gone.removed) await removePatient(tx, gone.id);
			const knownFamilies = new Map((await tx.query<{ guarantor_id: string; hash: string; removed: boolean }>(`SELECT guarantor_id, hash, removed FROM mirror_family`)).map((r) => [r.guarantor_id, r]));
			for (const [index, family] of families.entries()) {
				await putFamily(tx, family, meta.preferences.subtractInsuranceEstimates, knownFamilies.get(family.guarantorId));
				knownFamilies.delete(family.guarantorId);
				if (index % 200 === 199) await yieldToEventLoop();
			}
			for (const gone of knownFamilies.values()) if (!gone.removed) await removeFamily(tx, gone.guarantor_id);
			await tx.query(
				`INSERT INTO mirror_practice (id, data, read_at) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, read_at = EXCLUDED.read_at`,
				[JSON.stringify(meta), readAt]
			);
		});
		lastReadAt = readAt.getTime();
		return { ok: true };
	}

	/**
	 * Reads one family from the PMS and updates its copy: what the bridge does before and after
	 * writing a payment, without reading the whole practice.
	 */
	async function refreshFamily(guarantorId: string): Promise<{ ok: true } | { ok: false; failure: PmsFailure }> {
		const practice = await meta();
		if (!practice) return refresh();
		const read = await deps.connector.readFamily(guarantorId);
		if (!read.ok) return read;
		await sql.transaction(async (tx) => {
			await tx.query(MIRROR_LOCK);
			const known = new Map((await tx.query<{ id: string; hash: string; removed: boolean }>(`SELECT id, hash, removed FROM mirror_patient WHERE guarantor_id = $1`, [guarantorId])).map((r) => [r.id, r]));
			for (const patient of read.value?.patients ?? []) {
				const before = known.get(patient.id) ?? (await tx.query<{ id: string; hash: string; removed: boolean }>(`SELECT id, hash, removed FROM mirror_patient WHERE id = $1`, [patient.id]))[0];
				await putPatient(tx, patient, before);
				known.delete(patient.id);
			}
			for (const gone of known.values()) if (!gone.removed) await removePatient(tx, gone.id);
			const before = (await tx.query<{ guarantor_id: string; hash: string; removed: boolean }>(`SELECT guarantor_id, hash, removed FROM mirror_family WHERE guarantor_id = $1`, [guarantorId]))[0];
			if (read.value) await putFamily(tx, { guarantorId, ledger: read.value.ledger }, practice.meta.preferences.subtractInsuranceEstimates, before);
			else if (before && !before.removed) await removeFamily(tx, guarantorId);
		});
		return { ok: true };
	}

	async function putPatient(tx: SqlTx, patient: Patient, before: { hash: string; removed: boolean } | undefined): Promise<void> {
		const hash = canonicalHash(patient);
		if (before && before.hash === hash && !before.removed) return;
		await tx.query(
			`INSERT INTO mirror_patient (id, guarantor_id, data, hash, version, removed) VALUES ($1, $2, $3, $4, nextval('mirror_version'), false)
			 ON CONFLICT (id) DO UPDATE SET guarantor_id = EXCLUDED.guarantor_id, data = EXCLUDED.data, hash = EXCLUDED.hash, version = EXCLUDED.version, removed = false`,
			[patient.id, patient.guarantorId, JSON.stringify(patient), hash]
		);
	}

	const removePatient = (tx: SqlTx, id: string) => tx.query(`UPDATE mirror_patient SET removed = true, version = nextval('mirror_version') WHERE id = $1`, [id]);
	const removeFamily = (tx: SqlTx, guarantorId: string) => tx.query(`UPDATE mirror_family SET removed = true, version = nextval('mirror_version') WHERE guarantor_id = $1`, [guarantorId]);

	async function putFamily(tx: SqlTx, family: { guarantorId: string; ledger: Ledger }, subtractInsuranceEstimates: boolean, before: { hash: string; removed: boolean } | undefined): Promise<void> {
		const data: Family = { guarantorId: family.guarantorId, ledger: family.ledger, balance: familyBalance(family.ledger, subtractInsuranceEstimates) };
		const hash = canonicalHash(data);
		if (before && before.hash === hash && !before.removed) return;
		await tx.query(
			`INSERT INTO mirror_family (guarantor_id, data, hash, version, removed) VALUES ($1, $2, $3, nextval('mirror_version'), false)
			 ON CONFLICT (guarantor_id) DO UPDATE SET data = EXCLUDED.data, hash = EXCLUDED.hash, version = EXCLUDED.version, removed = false`,
			[family.guarantorId, JSON.stringify(data), hash]
		);
	}

	/** Reads the PMS now (joining a read already under way). */
	function refresh() {
		inFlight ??= refreshNow().finally(() => {
			inFlight = null;
		});
		return inFlight;
	}

	/** Reads the PMS if the copy is older than `maxAgeMs` (or was never read since start). */
	async function ensureFresh(maxAgeMs: number) {
		if (lastReadAt !== 0 && deps.now().getTime() - lastReadAt <= maxAgeMs) return { ok: true } as const;
		return refresh();
	}

	async function meta(): Promise<{ meta: PracticeMeta; readAt: Date } | null> {
		const row = (await sql.query<{ data: unknown; read_at: Date }>(`SELECT data, read_at FROM mirror_practice WHERE id = 1`))[0];
		if (!row) return null;
		return { meta: practiceMetaSchema.parse(row.data), readAt: row.read_at };
	}

	/**
	 * The change feed: everything when `since` is absent, else what changed after that cursor. The
	 * cursor is read in the same transaction as the rows, so a refresh running meanwhile is never
	 * half-seen: its changes have versions above `next`.
	 */
	async function feed(since: number | undefined): Promise<PatientsFeed | null> {
		return sql.transaction(async (tx) => {
			await tx.query(MIRROR_LOCK);
			const practice = (await tx.query<{ read_at: Date }>(`SELECT read_at FROM mirror_practice WHERE id = 1`))[0];
			if (!practice) return null;
			const after = since ?? 0;
			const top = (await tx.query<{ v: string | number | null }>(`SELECT GREATEST((SELECT max(version) FROM mirror_patient), (SELECT max(version) FROM mirror_family)) AS v`))[0];
			const next = Number(top?.v ?? 0);
			const patients = await tx.query<{ data: unknown }>(`SELECT data FROM mirror_patient WHERE version > $1 AND version <= $2 AND removed = false ORDER BY id`, [after, next]);
			const families = await tx.query<{ data: unknown }>(`SELECT data FROM mirror_family WHERE version > $1 AND version <= $2 AND removed = false ORDER BY guarantor_id`, [after, next]);
			const removed = since === undefined ? [] : await tx.query<{ id: string }>(`SELECT id FROM mirror_patient WHERE version > $1 AND version <= $2 AND removed = true ORDER BY id`, [after, next]);
			return {
				patients: patients.map((r) => patientSchema.parse(r.data)),
				families: families.map((r) => familySchema.parse(r.data)),
				removed: removed.map((r) => r.id),
				next: toCursor(next),
				asOf: practice.read_at.toISOString()
			};
		});
	}

	async function findPatient(id: string): Promise<Patient | null> {
		const row = (await sql.query<{ data: unknown }>(`SELECT data FROM mirror_patient WHERE id = $1 AND removed = false`, [id]))[0];
		return row ? patientSchema.parse(row.data) : null;
	}

	async function family(guarantorId: string): Promise<Family | null> {
		const row = (await sql.query<{ data: unknown }>(`SELECT data FROM mirror_family WHERE guarantor_id = $1 AND removed = false`, [guarantorId]))[0];
		return row ? familySchema.parse(row.data) : null;
	}

	return { refresh, refreshFamily, ensureFresh, meta, feed, findPatient, family };
}

export type PracticeMirror = ReturnType<typeof createPracticeMirror>;

/** PGlite answers through microtasks; long loops over it must let HTTP requests in now and then. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads a `since` cursor; null when it is not one this bridge made. */
export function parseCursor(text: string): number | null {
	return /^\d{1,16}$/.test(text) ? Number(text) : null;
}
