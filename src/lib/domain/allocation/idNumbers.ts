import type { Id } from '../ledger/ledger';
import { wholeIdValue } from './wholeIdValue';

/** Whole-number ids below this are numbered through a table (16 KB); others, and `null`, through a map. */
const TABLE_SIZE = 4_096;

/**
 * Numbers ids (and `null`) from 0, in the order they are first met. Providers and clinics are
 * numbered once per ledger entry, so this is a lookup per entry: in a `Map` that cost more than
 * all of rule 7 on a large ledger, since each lookup hashes the id and probes the table. Open
 * Dental's provider and clinic numbers are small whole numbers (ProvNum, ClinicNum), which index a
 * typed array directly; any other id goes to the map.
 */
export class IdNumbers {
	#table: Int32Array | undefined;
	readonly #others = new Map<Id | null, number>();
	#size = 0;

	/** How many distinct ids have been numbered. */
	get size(): number {
		return this.#size;
	}

	numberOf(id: Id | null): number {
		if (id !== null) {
			const value = wholeIdValue(id);
			if (value < TABLE_SIZE) {
				const table = (this.#table ??= new Int32Array(TABLE_SIZE));
				const number = (table[value] as number) - 1;
				if (number !== -1) return number;
				table[value] = this.#size + 1;
				return this.#size++;
			}
		}
		let number = this.#others.get(id);
		if (number === undefined) {
			number = this.#size++;
			this.#others.set(id, number);
		}
		return number;
	}
}
