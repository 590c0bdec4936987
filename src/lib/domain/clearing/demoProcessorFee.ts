import type { Cents } from '../money/cents';
import type { SettledMethod } from './clearingReasons';

/**
 * A plausible processor fee for the demo practice, so that its settlements show gross and fee apart
 * as real ones do: cards 2.9% + 30¢ (a common card-present/online list price), ACH 0.8% capped at
 * $5. Integer arithmetic, rounded half up to the cent.
 */
export function demoProcessorFee(method: SettledMethod, amount: Cents): Cents {
	if (method === 'card') return (Math.floor((amount * 29 + 500) / 1000) + 30) as Cents;
	return Math.min(Math.floor((amount * 8 + 500) / 1000), 500) as Cents;
}
