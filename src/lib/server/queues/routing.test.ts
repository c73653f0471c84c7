import { describe, expect, it } from 'vitest';
import { addBusinessDays, respondByFor, routeFor } from './routing';

const MINUTE = 60_000;

describe('routing table (DESIGN.md)', () => {
	it.each([
		['emergency', 'clinician', { minutes: 5 }],
		['urgent', 'clinician', { minutes: 15 }],
		['routine', 'support', { businessDays: 1 }],
		['admin', 'support', { businessDays: 2 }]
	] as const)('%s goes to the %s queue, acknowledged within %o', (level, queue, within) => {
		expect(routeFor(level).queue).toBe(queue);
		expect(routeFor(level).acknowledgeWithin).toEqual(within);
	});

	it('tells the patient what happens next in plain words', () => {
		expect(routeFor('emergency').patientAdvice()).toMatch(/call 911/i);
		expect(routeFor('urgent').patientAdvice()).toMatch(/nurse or doctor will call you within 30 minutes/i);
		expect(routeFor('routine').patientAdvice()).toMatch(/one business day/i);
		expect(routeFor('admin').patientAdvice()).toMatch(/two business days/i);
	});

	it('computes minute deadlines from the submission time', () => {
		const t = new Date(2026, 10, 27, 9, 0).getTime();
		expect(respondByFor('emergency', t)).toBe(t + 5 * MINUTE);
		expect(respondByFor('urgent', t)).toBe(t + 15 * MINUTE);
	});

	it('skips weekends for business-day deadlines, in the clinic’s zone whatever the machine’s', () => {
		const friday = Date.UTC(2026, 10, 27, 21, 30); // Friday 4:30 pm in New York
		const ny = 'America/New_York';
		const monday = addBusinessDays(friday, 1, ny);
		expect(monday).toBe(Date.UTC(2026, 10, 30, 21, 30));
		expect(addBusinessDays(friday, 2, ny)).toBe(Date.UTC(2026, 11, 1, 21, 30));
		// Saturday 02:00 UTC is still Friday evening in Los Angeles: one business day later is Monday
		// evening there (Tuesday 02:00 UTC), while a clinic on UTC counts from Monday 02:00.
		const lateFriday = Date.UTC(2026, 10, 28, 2, 0);
		expect(addBusinessDays(lateFriday, 1, 'America/Los_Angeles')).toBe(Date.UTC(2026, 11, 1, 2, 0));
		expect(addBusinessDays(lateFriday, 1, 'UTC')).toBe(Date.UTC(2026, 10, 30, 2, 0));
		expect(addBusinessDays(Date.UTC(2026, 10, 28, 12, 0), 1, 'UTC')).toBe(Date.UTC(2026, 10, 30, 12, 0));
	});
});
