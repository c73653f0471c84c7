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
		expect(routeFor('emergency').patientAdvice).toMatch(/call 911/i);
		expect(routeFor('urgent').patientAdvice).toMatch(/nurse or doctor will call you within 30 minutes/i);
		expect(routeFor('routine').patientAdvice).toMatch(/one business day/i);
		expect(routeFor('admin').patientAdvice).toMatch(/two business days/i);
	});

	it('computes minute deadlines from the submission time', () => {
		const t = new Date(2026, 10, 27, 9, 0).getTime();
		expect(respondByFor('emergency', t)).toBe(t + 5 * MINUTE);
		expect(respondByFor('urgent', t)).toBe(t + 15 * MINUTE);
	});

	it('skips weekends for business-day deadlines', () => {
		const friday = new Date(2026, 10, 27, 16, 30);
		const monday = new Date(addBusinessDays(friday.getTime(), 1));
		expect(monday.getDay()).toBe(1);
		expect(monday.getHours()).toBe(16);
		expect(new Date(addBusinessDays(friday.getTime(), 2)).getDay()).toBe(2);
		const saturday = new Date(2026, 10, 28, 10, 0);
		expect(new Date(respondByFor('routine', saturday.getTime())).getDay()).toBe(1);
	});
});
