import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { PaysplitDb } from '$lib/client/db/PaysplitDb';

/** A fresh, isolated IndexedDB per test (fakeIndexedDB#62), passed explicitly to Dexie (#75). */
export function freshDb(): { db: PaysplitDb; indexedDB: IDBFactory; reopen: () => PaysplitDb } {
	const indexedDB = new IDBFactory();
	return { db: new PaysplitDb({ indexedDB, IDBKeyRange }), indexedDB, reopen: () => new PaysplitDb({ indexedDB, IDBKeyRange }) };
}

export { IDBKeyRange };
