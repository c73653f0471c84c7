import { describe, expect, it } from 'vitest';
import { formatSpan, formatTime, timeAgo } from './format';

const MIN = 60_000;

describe('formatSpan', () => {
	it.each([
		[0, '0 min'],
		[59_000, '0 min'],
		[12 * MIN, '12 min'],
		[-8 * MIN, '8 min'],
		[60 * MIN, '1 h'],
		[125 * MIN, '2 h 5 min'],
		[24 * 60 * MIN, '1 day'],
		[3 * 24 * 60 * MIN + 5 * MIN, '3 days']
	])('%i ms → %s', (ms, text) => {
		expect(formatSpan(ms)).toBe(text);
	});
});

describe('timeAgo', () => {
	const now = Date.parse('2026-01-01T12:00:00Z');
	it.each([
		['2026-01-01T11:59:30Z', 'just now'],
		['2026-01-01T11:48:00Z', '12 min ago'],
		['2026-01-01T09:30:00Z', '2 h 30 min ago']
	])('%s → %s', (iso, text) => {
		expect(timeAgo(iso, now)).toBe(text);
	});
});

describe('formatTime', () => {
	it('shows the time in the given clinic zone, with the zone named', () => {
		const iso = '2026-11-27T23:30:00Z';
		expect(formatTime(iso, 'America/New_York')).toBe('Fri, Nov 27, 6:30 PM EST');
		expect(formatTime(iso, 'UTC')).toBe('Fri, Nov 27, 11:30 PM UTC');
	});
});
