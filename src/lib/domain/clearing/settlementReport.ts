import type { Cents } from '../money/cents';
import { assertNever } from '../payment/PaymentStatus';

/** What a processor can say about a payment (DESIGN §6: `payment.settled | declined | returned`). */
export const SETTLEMENT_KINDS = ['settled', 'declined', 'returned'] as const;
export type SettlementKind = (typeof SETTLEMENT_KINDS)[number];

/** Where a report came from; each source feeds the same `applySettlement`. */
export type ReportOrigin =
	/** The processor's signed webhook (`POST /processor/events`), one event id. */
	| { source: 'webhook'; eventId: string }
	/** A row of a settlement file a person imported (`POST /settlements`). */
	| { source: 'csv'; line: number; importedBy: string }
	/** The demo practice's pretend processor. */
	| { source: 'demo'; afterSeconds: number };
export type SettlementSource = ReportOrigin['source'];

/**
 * One processor report about one payment, whatever carried it. `reference` is the card terminal's
 * reference or the ACH reference, as the processor wrote it. `amountCents` is the gross: what is
 * written to the PMS; the processor's fee is kept apart (pms-landscape §5: writing net breaks
 * matching). `occurredAt` is an ISO date or timestamp, as the source gave it.
 */
export type SettlementReport = ReportOrigin & {
	kind: SettlementKind;
	reference: string;
	amountCents: Cents;
	feeCents: Cents | null;
	occurredAt: string;
};

/** Who the audit trail names for a report (DESIGN §2: every transition has an actor). */
export function reportActor(origin: ReportOrigin): string {
	switch (origin.source) {
		case 'webhook':
			return 'processor';
		case 'csv':
			return `settlement import (${origin.importedBy})`;
		case 'demo':
			return 'demo processor';
		default:
			return assertNever(origin);
	}
}

/** Why, for the audit trail: "processor event evt_1 (payment.settled)", "settlement file, line 4". */
export function reportCause(report: SettlementReport): string {
	switch (report.source) {
		case 'webhook':
			return `processor event ${report.eventId}: payment ${report.kind}`;
		case 'csv':
			return `settlement file, line ${report.line}: payment ${report.kind}`;
		case 'demo':
			return `the demo processor ${report.kind === 'settled' ? 'settled' : report.kind} it after ${report.afterSeconds} s`;
		default:
			return assertNever(report);
	}
}

