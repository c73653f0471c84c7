import { describe, expect, it } from 'vitest';
import type { TriageLevel } from '../../triage/types';
import {
	CONTACT_RESET,
	closingRefusal,
	contactEffect,
	credentialRefusal,
	loweringRefusal,
	rises,
	type PolicyState
} from './policy';

const state = (over: Partial<PolicyState> = {}): PolicyState => ({
	patientId: 'p',
	level: 'routine',
	status: 'open',
	handlerId: null,
	emergencyScreen: [],
	contactReached: false,
	failedAttempts: 0,
	emergencyAdviceLeft: false,
	loweredOver: null,
	...over
});
const REASON = 'Spoke with the patient: symptoms settled, no red flags, plan agreed';

describe('rises: new text against the current level (hole 1)', () => {
	const table: [string, Partial<PolicyState>, TriageLevel, TriageLevel, boolean][] = [
		['urgent text on a routine report', { level: 'routine' }, 'urgent', 'urgent', true],
		['routine text on a routine report', { level: 'routine' }, 'routine', 'routine', false],
		[
			'lowered urgent → routine, the same words again',
			{ level: 'routine', loweredOver: 'urgent' },
			'urgent',
			'admin',
			false
		],
		[
			'lowered urgent → routine, a new urgent symptom',
			{ level: 'routine', loweredOver: 'urgent' },
			'urgent',
			'urgent',
			true
		],
		[
			'lowered urgent → routine, now reads emergency',
			{ level: 'routine', loweredOver: 'urgent' },
			'emergency',
			'routine',
			true
		],
		['a clinician raised it above the text: text at that level', { level: 'emergency' }, 'emergency', 'urgent', false]
	];
	for (const [name, s, full, alone, expected] of table) {
		it(name, () => expect(rises(state(s), full, alone)).toBe(expected));
	}
});

describe('contact (hole 3)', () => {
	it('a wrong number is neither contact nor an attempt, and leaves no advice', () => {
		expect(contactEffect(state(), 'wrong_number', true)).toEqual({
			contactReached: false,
			failedAttempts: 0,
			emergencyAdviceLeft: false
		});
	});

	it('voicemails with advice count toward closing; reached counts at once', () => {
		let s = state({ level: 'urgent' });
		for (let i = 0; i < 2; i++) s = { ...s, ...contactEffect(s, 'voicemail', true) };
		expect(closingRefusal(s)).not.toBeNull();
		s = { ...s, ...contactEffect(s, 'no_answer', false) };
		expect(closingRefusal(s)).toBeNull();
		expect(closingRefusal({ ...s, ...CONTACT_RESET })).not.toBeNull();
		expect(closingRefusal(state({ level: 'emergency', ...contactEffect(state(), 'reached', false) }))).toBeNull();
	});

	it('routine and admin reports close without contact', () => {
		expect(closingRefusal(state({ level: 'routine' }))).toBeNull();
		expect(closingRefusal(state({ level: 'admin' }))).toBeNull();
	});
});

describe('credentials (hole 6)', () => {
	it('a non-clinical role never carries a clinical credential or a clinical team name', () => {
		for (const c of ['RN', 'LPN', 'NP', 'PA', 'MD', 'DO']) {
			expect(credentialRefusal('support', c, 'Call center support team')?.field).toBe('credential');
			expect(credentialRefusal('admin', c, 'Office administration')?.field).toBe('credential');
			expect(credentialRefusal('clinician', c, 'Telehealth nurse team')).toBeNull();
		}
		for (const team of ['Telehealth nurse team', 'Nursing line', 'Doctors on call', 'Clinical support', 'Enfermería'])
			expect(credentialRefusal('support', 'Support specialist (non-clinical)', team)?.field).toBe('team');
		expect(credentialRefusal('support', 'Support specialist (non-clinical)', 'Call center support team')).toBeNull();
		expect(credentialRefusal('clinician', 'Support specialist (non-clinical)', 'x')?.field).toBe('credential');
	});
});

describe('lowering (hole 6)', () => {
	it('needs a code and a real sentence; raising needs neither', () => {
		const s = state({ level: 'urgent' });
		expect(loweringRefusal(s, 'routine', undefined, REASON)).toMatch(/reason/);
		expect(loweringRefusal(s, 'routine', 'assessed_by_phone', 'x'.repeat(24))).toMatch(/four different words/);
		expect(loweringRefusal(s, 'routine', 'assessed_by_phone', 'fine fine fine fine fine fine')).not.toBeNull();
		expect(loweringRefusal(s, 'routine', 'assessed_by_phone', REASON)).toBeNull();
		expect(loweringRefusal(s, 'emergency', undefined, '')).toBeNull();
	});

	it('a ticked checklist is never admin, and is lowered only after the patient was reached', () => {
		const ticked = state({ level: 'emergency', emergencyScreen: ['chest_pain'] });
		expect(loweringRefusal(ticked, 'admin', 'assessed_by_phone', REASON)).toMatch(/administrative/);
		expect(loweringRefusal(ticked, 'routine', 'assessed_by_phone', REASON)).toMatch(/reached/);
		expect(loweringRefusal({ ...ticked, contactReached: true }, 'routine', 'assessed_by_phone', REASON)).toBeNull();
	});
});
