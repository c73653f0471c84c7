import { describe, expect, it } from 'vitest';
import { triage } from './index';
import { parseVignetteLine, VignetteError } from './vignette';

const line = (extra: Record<string, unknown>) => JSON.stringify({ id: 'v1', text: 'she fell down today', ...extra });

describe('vignette lines with what the question step told', () => {
	it('reads answers, subject and age, risk factors, measurements and language, and the engine decides on them', () => {
		const v = parseVignetteLine(
			line({
				answers: { 'injury.passed_out': 'no', 'injury.cant_walk': 'yes' },
				subject: 'parent',
				subject_age_years: 84,
				risk_factors: ['blood_thinner'],
				measurements: { systolic: 150, diastolic: 90, temperature_c: 37.2 },
				lang: 'es'
			})
		);
		expect(v.input).toMatchObject({
			answers: { 'injury.passed_out': 'no', 'injury.cant_walk': 'yes' },
			subject: 'parent',
			subjectAgeYears: 84,
			riskFactors: ['blood_thinner'],
			measurements: { systolic: 150, diastolic: 90, temperatureC: 37.2 },
			lang: 'es'
		});
		// An 84-year-old who fell and cannot stand: the emergency the words alone do not show.
		expect(triage(parseVignetteLine(line({})).input).level).toBe('routine');
		expect(triage(v.input).level).toBe('emergency');
	});

	it.each([
		[{ answers: { 'injury.hit_head': 'maybe' } }, /injury\.hit_head must be "yes", "no" or "unsure"/],
		[{ answers: ['yes'] }, /"answers" must map/],
		[{ subject: 'dog' }, /"subject" must be one of/],
		[{ risk_factors: 'diabetes' }, /"risk_factors" must be an array/],
		[{ measurements: { spo2: '88' } }, /"spo2" must be a number/],
		[{ measurements: { weight: 80 } }, /unknown measurement "weight"/],
		[{ subject_age_years: 200 }, /"subject_age_years" must be a number from 0 to 130/]
	])('refuses %j with a clear message', (extra, message) => {
		expect(() => parseVignetteLine(line(extra))).toThrow(VignetteError);
		expect(() => parseVignetteLine(line(extra))).toThrow(message);
	});
});
