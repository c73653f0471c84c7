import { describe, expect, it } from 'vitest';
import { fieldErrors, reportSchema, signupSchema } from './schemas';

const validSignup = {
	email: 'Pat@Example.test ',
	password: 'twelve-chars',
	name: 'Pat',
	phone: '(555) 123-4567',
	dateOfBirth: '1950-02-28'
};

function errorsOf(schema: typeof signupSchema | typeof reportSchema, input: unknown) {
	const result = schema.safeParse(input);
	return result.success ? {} : fieldErrors(result.error);
}

describe('signupSchema', () => {
	it('accepts a valid sign-up and normalises the email', () => {
		const result = signupSchema.parse(validSignup);
		expect(result.email).toBe('pat@example.test');
	});

	it.each([
		['email', { email: 'not-an-email' }],
		['password', { password: 'short' }],
		['name', { name: '   ' }],
		['phone', { phone: '12' }],
		['phone', { phone: 'call me maybe' }],
		['dateOfBirth', { dateOfBirth: '1950-02-30' }],
		['dateOfBirth', { dateOfBirth: '02/30/1950' }],
		['dateOfBirth', { dateOfBirth: 'Feb 28 1950' }],
		['dateOfBirth', { dateOfBirth: '2999-01-01' }]
	])('rejects a bad %s with a message on that field', (field, patch) => {
		const errors = errorsOf(signupSchema, { ...validSignup, ...patch });
		expect(Object.keys(errors)).toEqual([field]);
		expect(errors[field]!.length).toBeGreaterThan(5);
	});

	it('takes the date of birth as the field shows it (mm/dd/yyyy) as well as the ISO form it sends', () => {
		expect(signupSchema.parse({ ...validSignup, dateOfBirth: '2/8/1950' }).dateOfBirth).toBe('1950-02-08');
		expect(signupSchema.parse({ ...validSignup, dateOfBirth: '1950-02-08' }).dateOfBirth).toBe('1950-02-08');
		expect(errorsOf(signupSchema, { ...validSignup, dateOfBirth: 'Feb 8' }).dateOfBirth).toMatch(/month\/day\/year/);
		expect(JSON.stringify(errorsOf(signupSchema, { ...validSignup, dateOfBirth: 'x' }))).not.toMatch(/YYYY/);
	});

	it('rejects wrong types without throwing', () => {
		expect(Object.keys(errorsOf(signupSchema, { ...validSignup, password: 12345678901234 }))).toEqual(['password']);
		expect(Object.keys(errorsOf(signupSchema, null))).toEqual(['_']);
	});
});

describe('reportSchema', () => {
	const base = { emergencyScreen: [], description: 'stomach pain and blood in stool' };

	it('accepts a minimal report and defaults the contact preference', () => {
		expect(reportSchema.parse(base).contactPreference).toBe('call');
	});

	it('allows an empty description only when an emergency item is ticked', () => {
		expect(errorsOf(reportSchema, { ...base, description: '' })).toHaveProperty('description');
		expect(errorsOf(reportSchema, { emergencyScreen: ['chest_pain'], description: '' })).toEqual({});
	});

	it('de-duplicates emergency ids and refuses unknown ones', () => {
		expect(reportSchema.parse({ ...base, emergencyScreen: ['seizure', 'seizure'] }).emergencyScreen).toEqual([
			'seizure'
		]);
		expect(errorsOf(reportSchema, { ...base, emergencyScreen: ['sore_toe'] })).toHaveProperty('emergencyScreen');
	});

	it.each([
		['severity', { severity: 11 }],
		['severity', { severity: 2.5 }],
		['severity', { severity: '7' }],
		['durationHours', { durationHours: -1 }],
		['pregnant', { pregnant: 'maybe' }],
		['contactPreference', { contactPreference: 'pigeon' }],
		['id', { id: 'not-a-uuid' }],
		['description', { description: 'x'.repeat(5001) }]
	])('rejects a bad %s', (field, patch) => {
		expect(errorsOf(reportSchema, { ...base, ...patch })).toHaveProperty(field);
	});
});
