import { describe, expect, it } from 'vitest';
import { answersCallFor, langOf, reportFromForm } from './report-form';

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
}

describe('reportFromForm: the form as the API report, the same on the server and on the phone', () => {
	it('reads every step', () => {
		const report = reportFromForm(
			form([
				['id', '0b7c6a52-3f0e-4d1a-9d0b-6b1f2a3c4d5e'],
				['emergencyScreen', 'chest_pain'],
				['description', 'tight chest'],
				['more', '  since lunch  '],
				['severity', '7'],
				['duration', '2'],
				['durationUnit', 'days'],
				['callbackPhone', '555-210-9876'],
				['contactPreference', 'text'],
				['subject', 'parent'],
				['subjectAge', '84'],
				['answer.chest_sudden', 'yes'],
				['complaints', 'chest'],
				['riskFactors', 'diabetes'],
				['temperature', '101.3'],
				['spo2', '91']
			])
		);
		expect(report).toMatchObject({
			id: '0b7c6a52-3f0e-4d1a-9d0b-6b1f2a3c4d5e',
			emergencyScreen: ['chest_pain'],
			description: 'tight chest\nsince lunch',
			severity: 7,
			durationHours: 48,
			callbackPhone: '555-210-9876',
			contactPreference: 'text',
			subject: 'parent',
			subjectAgeYears: 84,
			answers: { chest_sudden: 'yes' },
			complaints: ['chest'],
			riskFactors: ['diabetes'],
			measurements: { temperatureC: 38.5, spo2: 91, glucoseMgDl: null }
		});
	});

	it('leaves out what was not given, and an age given for oneself', () => {
		const report = reportFromForm(
			form([
				['description', 'rash'],
				['subjectAge', '40'],
				['severity', '']
			])
		);
		expect(report).toMatchObject({
			id: undefined,
			severity: null,
			durationHours: null,
			subject: 'self',
			subjectAgeYears: null
		});
		expect(report.contactPreference).toBe('call');
	});

	it('keeps an unreadable number unreadable for the server to refuse, never a guess', () => {
		expect(
			reportFromForm(
				form([
					['duration', '2'],
					['durationUnit', 'fortnights']
				])
			).durationHours
		).toBeNaN();
		expect(reportFromForm(form([['severity', 'lots']])).severity).toBeNaN();
	});
});

describe('langOf', () => {
	it('prefers what was asked for, then the browser, then English', () => {
		expect(langOf('es')).toBe('es');
		expect(langOf(null, 'es-US,es;q=0.9')).toBe('es');
		expect(langOf('fr', 'en-US')).toBe('en');
	});
});

describe('answersCallFor', () => {
	const q = (id: string, flags: { emergency?: boolean; crisis?: boolean; redFlag?: boolean }) => ({
		id,
		text: id,
		complaint: 'x',
		emergency: flags.emergency ?? false,
		crisis: flags.crisis ?? false,
		redFlag: flags.redFlag ?? false
	});
	const questions = [q('a', { emergency: true, redFlag: true }), q('b', { emergency: true, crisis: true })];

	it('a "yes", or "not sure" on a red flag, calls for 911; the crisis line only where the question says', () => {
		const answers: Record<string, string> = { a: 'unsure' };
		expect(answersCallFor(questions, (id) => answers[id], 'emergency')).toBe(true);
		expect(answersCallFor(questions, (id) => answers[id], 'crisis')).toBe(false);
		answers.b = 'yes';
		expect(answersCallFor(questions, (id) => answers[id], 'crisis')).toBe(true);
		expect(answersCallFor(questions, () => 'no', 'emergency')).toBe(false);
		expect(answersCallFor(questions, (id) => (id === 'b' ? 'unsure' : undefined), 'emergency')).toBe(false);
		expect(answersCallFor(undefined, () => 'yes', 'emergency')).toBe(false);
	});
});
