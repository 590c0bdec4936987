import { bench, describe } from 'vitest';
import { parseMoney } from '$lib/domain/money/parseMoney';
import { formatMoney } from '$lib/domain/money/formatMoney';

describe('money', () => {
	bench('parseMoney("$1,234.56")', () => {
		parseMoney('$1,234.56');
	});
	bench('formatMoney(123456)', () => {
		formatMoney(123456);
	});
});
