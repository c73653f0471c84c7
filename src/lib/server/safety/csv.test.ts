import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { dayIn, startOfDayIn } from './period';

describe('CSV', () => {
	it('quotes what needs quoting and defuses spreadsheet formulas', () => {
		const csv = toCsv({
			columns: ['a', 'b'],
			rows: [
				['say "hi", then go', -5],
				['=HYPERLINK("x")', null]
			]
		});
		expect(csv).toBe('a,b\r\n"say ""hi"", then go",-5\r\n"\'=HYPERLINK(""x"")",\r\n');
	});
});

describe('days in the clinic time zone', () => {
	it('start at local midnight, also across a daylight-saving change', () => {
		expect(new Date(startOfDayIn('2026-07-01', 'America/Chicago')).toISOString()).toBe('2026-07-01T05:00:00.000Z');
		expect(new Date(startOfDayIn('2026-12-01', 'America/Chicago')).toISOString()).toBe('2026-12-01T06:00:00.000Z');
		expect(new Date(startOfDayIn('2026-11-01', 'America/Chicago')).toISOString()).toBe('2026-11-01T05:00:00.000Z');
		expect(dayIn(Date.parse('2026-12-01T05:59:00Z'), 'America/Chicago')).toBe('2026-11-30');
	});
});
