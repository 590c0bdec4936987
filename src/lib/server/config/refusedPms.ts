/**
 * PMSes Paysplit refuses to start for, with why and what to do instead (issue 14). Fuse (Patterson
 * Dental's cloud PMS) offers no sanctioned way for other software to write its ledger: no public API,
 * no local database, and NexHealth's Synchronizer does not cover it
 * (shared/notes/nexhealth-dentrix-eaglesoft.md §4).
 */
const REFUSED: Record<string, string> = {
	fuse: 'Fuse (Patterson Dental\'s cloud PMS) offers no sanctioned way for other software to write its ledger, so Paysplit cannot write back to it; payments must be keyed into Fuse by hand. Paysplit writes back to Open Dental, Dentrix and Eaglesoft.'
};

/** The refusal for `PMS` or `DEMO_EMR` naming a refused system, or null. */
export function refusedPms(env: Record<string, string | undefined>): { variable: 'PMS' | 'DEMO_EMR'; message: string } | null {
	for (const variable of ['PMS', 'DEMO_EMR'] as const) {
		const message = REFUSED[(env[variable] ?? '').trim().toLowerCase()];
		if (message) return { variable, message };
	}
	return null;
}

/** Stops the bridge before it listens: the exit status 2 says "refused", unlike 1 ("could not start"). */
export class PmsRefusedError extends Error {
	override name = 'PmsRefusedError';
	readonly exitCode = 2;
}
