import { describe, expect, it } from 'vitest';
import { outcomeOf } from './outbox';

describe('outcomeOf: what an answer means for a report kept on the phone', () => {
	it('removes it only when the server acknowledges it', () => {
		expect(outcomeOf(201, { reference: 'CL-1234' })).toEqual({ kind: 'sent', reference: 'CL-1234' });
		expect(outcomeOf(200, { reference: 'CL-1234' })).toEqual({ kind: 'sent', reference: 'CL-1234' });
		expect(outcomeOf(201, null)).toEqual({ kind: 'sent', reference: null });
	});

	it('keeps it for its patient to log in on 401 and 403', () => {
		expect(outcomeOf(401, null).kind).toBe('login');
		expect(outcomeOf(403, { error: { message: 'Your account cannot do this.' } }).kind).toBe('login');
	});

	it('keeps a refusal the patient can fix with the server’s message', () => {
		const body = { error: { code: 'invalid', message: 'Phone number must have 10 digits.' } };
		for (const status of [400, 409, 413, 422])
			expect(outcomeOf(status, body)).toEqual({ kind: 'rejected', message: 'Phone number must have 10 digits.' });
		expect(outcomeOf(422, '<html>')).toEqual({ kind: 'rejected', message: 'The report could not be accepted.' });
	});

	it('tries again on anything else: no answer, a redirect, 408, 429, 5xx, unknown', () => {
		for (const status of [0, 302, 404, 408, 429, 500, 502, 503, 504])
			expect(outcomeOf(status, null), String(status)).toEqual({ kind: 'retry' });
	});
});
