import { assertNever } from '$lib/domain/payment/PaymentStatus';

/**
 * Whether the browser promised to keep this origin's storage under pressure
 * (`navigator.storage.persist()`, DESIGN §5). Until it does, IndexedDB is "best-effort" and can be
 * evicted whole (mdn/content#25019), queued payments included.
 */
export type Persistence = 'granted' | 'denied' | 'unsupported';

/** What staff are told; `null` when there is nothing to say. */
export function persistenceMessage(persistence: Persistence): string | null {
	switch (persistence) {
		case 'granted':
			return null;
		case 'denied':
			return 'This browser did not promise to keep Paysplit’s saved data. Payments waiting to be sent could be lost if the device runs low on space: sync often, and install Paysplit to the home screen.';
		case 'unsupported':
			return 'This browser cannot promise to keep Paysplit’s saved data. Payments waiting to be sent could be lost if the device runs low on space: sync often.';
		default:
			return assertNever(persistence);
	}
}
