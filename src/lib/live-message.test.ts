import { describe, expect, it } from 'vitest';
import { isUrgentArrival, parseMessage } from './live-message';

describe('parseMessage', () => {
	it.each([
		[
			'{"type":"triaged","reportId":"r1","level":"urgent","queue":"clinician"}',
			{ type: 'triaged', reportId: 'r1', level: 'urgent' }
		],
		['{"type":"queue_changed","queue":"clinician"}', { type: 'queue_changed', reportId: null, level: null }],
		['{"type":"claimed","reportId":"r1","status":"claimed"}', { type: 'claimed', reportId: 'r1', level: null }],
		['{"type":"claimed","reportId":"r1","level":"severe"}', { type: 'claimed', reportId: 'r1', level: null }]
	])('reads %s', (data, expected) => {
		expect(parseMessage(data)).toEqual(expected);
	});

	it.each(['not json', 'null', '"triaged"', '{"type":"unknown"}', '{}'])('ignores %s', (data) => {
		expect(parseMessage(data)).toBeNull();
	});
});

describe('isUrgentArrival', () => {
	it.each([
		['triaged', 'urgent', true],
		['triaged', 'emergency', true],
		['escalated', 'urgent', true],
		['level_changed', 'emergency', true],
		['clinician_requested', 'urgent', true],
		['deadline_missed', 'urgent', true],
		['triaged', 'routine', false],
		['claimed', 'urgent', false],
		['note_added', 'emergency', false],
		['resolved', 'urgent', false]
	] as const)('%s at %s → %s', (type, level, expected) => {
		expect(isUrgentArrival({ type, level, reportId: 'r1' })).toBe(expected);
	});
});
