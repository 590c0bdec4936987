import type { Patient } from '$lib/domain/api/patientsFeed';
import type { AllocationSplit } from '$lib/domain/allocation/allocationSplit';
import type { ChargeOrder } from '$lib/domain/allocation/allocationInput';
import type { Ledger } from '$lib/domain/ledger/ledger';
import type { Cents } from '$lib/domain/money/cents';

/** The PMS's own allocation preferences (DESIGN §4), as the connector reads them. */
export type PmsPreferences = {
	prepaymentType: string;
	subtractInsuranceEstimates: boolean;
	adjustmentsOffsetEachOther: boolean;
	clinicsEnabled: boolean;
	order: ChargeOrder;
	/**
	 * The PMS pays the charges dated on the payment's own date before the rest (Eaglesoft's walkout
	 * rule: "today's walkout services first"); the engine gets them as pay-first picks
	 * (allocationOptionsFor). Absent: false.
	 */
	payDateChargesFirst?: boolean;
};

/** Everything Paysplit reads from a PMS to show balances and preview allocation. */
export type PracticeSnapshot = {
	patients: Patient[];
	families: { guarantorId: string; ledger: Ledger }[];
	providers: { id: string; abbr: string; name: string }[];
	clinics: { id: string; name: string }[];
	paymentTypes: { id: string; name: string }[];
	unearnedTypes: { id: string; name: string; hidden: boolean }[];
	preferences: PmsPreferences;
};

export type FamilySnapshot = { patients: Patient[]; ledger: Ledger };

export type PmsPaymentRequest = {
	/**
	 * Paysplit's payment id, the idempotency key end to end (DESIGN §3). Each connector decides how the
	 * PMS carries it, so that the payment can be found again after an unknown outcome (Open Dental:
	 * `Paysplit <id>` in the payment's note; NexHealth: the `transaction_id`).
	 */
	paymentId: string;
	patientId: string;
	amount: Cents;
	payDate: string;
	paymentTypeId: string;
	clinicId: string | null;
	checkNumber?: string;
	/** What staff read in the PMS about the payment: the method, who took it, their note. */
	description: string;
	mode: 'allocate' | 'post_only';
	preferPatient?: boolean;
	payFirst?: string[];
	/**
	 * Paysplit's allocation of the payment (the engine's splits, against the ledger as the PMS holds it
	 * now). A connector whose PMS splits payments itself ignores it (`capabilities.splitsBy: 'pms'`); one
	 * that writes explicit splits sends exactly these (`'paysplit'`).
	 */
	splits: AllocationSplit[];
};

/** A payment row as the PMS holds it. `pmsPaymentId` is the PMS's id, never Paysplit's. */
export type PmsPayment = {
	pmsPaymentId: string;
	patientId: string;
	amount: Cents;
	payDate: string;
	paymentTypeId: string;
	note: string;
	/**
	 * The row was deleted in the PMS (NexHealth: `deleted_at`, read with `include_deleted`): the payment
	 * was written, so it is never written again, but the row is no longer on the ledger. Absent: false.
	 */
	deleted?: boolean;
};

/**
 * What a write came to: the PMS's row(s) at once (`written`), or — for a PMS whose writes are
 * asynchronous (NexHealth answers 202) — accepted, the rows to be read on a later cycle (`submitted`).
 */
export type PmsWrite = { kind: 'written'; payments: PmsPayment[] } | { kind: 'submitted' };

export type PmsSplit = Omit<AllocationSplit, 'reason'>;

/**
 * Why a PMS call did not succeed, which decides what the pipeline may do next:
 * - `refused`: the PMS answered and said no (bad data): a person must look; do not retry blindly.
 * - `unreachable`: the request never reached the PMS (connection refused, DNS): safe to retry.
 * - `unknown`: the request may have been applied (timeout, dropped response, 5xx): read back first.
 * - `unauthorized`: the PMS refused our credentials: nothing works until they are fixed.
 */
export type PmsFailureKind = 'refused' | 'unreachable' | 'unknown' | 'unauthorized';
export type PmsFailure = { kind: PmsFailureKind; message: string; status?: number };
export type PmsResult<T> = { ok: true; value: T } | { ok: false; failure: PmsFailure };

/**
 * What a connector can write, and how its writes behave. The pipeline and the Settings page follow
 * this declaration, never the PMS's name.
 */
export type PmsCapabilities = {
	/** Allocation modes the PMS can be asked to write. */
	writableModes: ('allocate' | 'post_only' | 'providers_only')[];
	/** Statuses a written payment can be given (Open Dental: ProcessStatus); empty where the PMS has none. */
	writebackStatuses: { id: string; name: string }[];
	/** Whether a note can be written into the patient's record (Open Dental: commlogs). */
	patientNotes: boolean;
	/** Whether a refund can be written back (none yet). */
	refunds: boolean;
	/**
	 * `sync`: a write answers with the PMS's row(s). `async`: the PMS accepts the write and shows it on a
	 * later read (NexHealth answers 202): the payment is `submitted` until its rows are read, and after an
	 * unknown outcome it is looked for, never sent again on a guess.
	 */
	writes: 'sync' | 'async';
	/**
	 * `one`: a payment becomes one PMS payment, split inside it (Open Dental's paysplits); more than one
	 * row with its reference is a double write. `many`: it may become several rows sharing the reference
	 * (NexHealth: a row per charge, and one for an unapplied remainder), which together are the payment.
	 */
	rowsPerPayment: 'one' | 'many';
	/**
	 * `pms`: the PMS splits the payment by its own preferences, Paysplit's allocation is kept beside it
	 * to compare (Open Dental). `paysplit`: the connector writes Paysplit's splits explicitly (NexHealth's
	 * `charge_splits`), so the preview is exactly what lands.
	 */
	splitsBy: 'pms' | 'paysplit';
};

/** Whether the PMS takes writes now (NexHealth: the Synchronizer's write side); why not, in words staff read. */
export type PmsWriteStatus = { writable: true } | { writable: false; reason: string };

/** What the bridge is connected to, for people: the connector and the system behind it ("Dentrix"). */
export type PmsIdentity = { connector: string; emr: string };

/** A note in the patient's record (Open Dental: a commlog). */
export type PmsPatientNote = { id: string; patientId: string; text: string; at: string };

/** One interface for every PMS (DESIGN §7). */
export interface PmsConnector {
	/** The connector: `opendental`, `nexhealth` (and `fake` in tests). */
	readonly name: string;
	readonly capabilities: PmsCapabilities;
	/** The connector and the EMR behind it (NexHealth: read from its sync status). */
	identify(): Promise<PmsResult<PmsIdentity>>;
	/** Whether the PMS takes writes now; payments wait in `cleared` while it does not. */
	writeStatus(): Promise<PmsResult<PmsWriteStatus>>;
	readPractice(): Promise<PmsResult<PracticeSnapshot>>;
	/** One family as the PMS holds it now (cheaper than the whole practice): for posting against it. Null when the guarantor is gone. */
	readFamily(guarantorId: string): Promise<PmsResult<FamilySnapshot | null>>;
	postPayment(request: PmsPaymentRequest): Promise<PmsResult<PmsWrite>>;
	/** The PMS rows a Paysplit payment became, found by the reference the connector gave it (DESIGN §3). */
	findPayments(payment: { paymentId: string; patientId: string }): Promise<PmsResult<PmsPayment[]>>;
	readSplits(pmsPaymentId: string): Promise<PmsResult<PmsSplit[]>>;
	/** Gives a written payment one of `capabilities.writebackStatuses` (idempotent). */
	setPaymentStatus(pmsPaymentId: string, statusId: string): Promise<PmsResult<void>>;
	/** Writes a note into the patient's record; `at` is the practice's local time "YYYY-MM-DD HH:mm:ss". Not idempotent: read back first after an unknown outcome. */
	writePatientNote(patientId: string, text: string, at: string): Promise<PmsResult<PmsPatientNote>>;
	/** The patient's notes whose text carries `reference`. */
	findPatientNotes(patientId: string, reference: string): Promise<PmsResult<PmsPatientNote[]>>;
}
