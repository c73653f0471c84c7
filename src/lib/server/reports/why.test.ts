import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../db/schema';
import type { FiredRule } from '../../triage/types';
import type { ReportEvent } from './event-types';
import { whyOf } from './why';

const rule = (id: string, level: FiredRule['level'], evidence: string[]): FiredRule => ({
	id,
	level,
	patientText: 'advice',
	clinicianText: 'x',
	evidence
});
const row = (level: FiredRule['level'], reasons: FiredRule[]) => ({ level, reasons }) as ReportRow;
const event = (type: string, data: unknown, actorRole = 'system') => ({ type, data, actorRole }) as ReportEvent;
const triaged = [event('triaged', {})];

describe('why this level, in plain words', () => {
	it('quotes what the patient said for the rules at the report’s level, never the advice or a rule id', () => {
		const why = whyOf(
			row('urgent', [
				rule('gi.bleed_with_pain', 'urgent', ['blood in stool', 'pain']),
				rule('routine.recognised_symptom', 'routine', ['cough'])
			]),
			triaged
		);
		expect(why).toBe('A nurse or doctor needs to call you because you told us “blood in stool”, “pain”.');
		expect(why).not.toMatch(/gi\.|advice|cough/);
	});

	it('says form answers as the patient gave them', () => {
		const why = whyOf(
			row('emergency', [rule('screen', 'emergency', ['checklist: chest_pain', 'age: 70 years', 'sex: female'])]),
			triaged
		);
		expect(why).toMatch(/^This could be an emergency because you told us you ticked “Chest pain/);
		expect(why).toContain('your age (70 years)');
		expect(why).not.toContain('sex');
	});

	it('says a person reads what the engine could not place', () => {
		expect(whyOf(row('urgent', [rule('engine.not_understood', 'urgent', ['zorbly'])]), triaged)).toMatch(
			/needs a person to understand it: “zorbly”/
		);
	});

	it('names who changed the level when a person did', () => {
		const r = row('urgent', [rule('x', 'routine', ['cough'])]);
		expect(whyOf(r, [...triaged, event('escalated', { from: 'routine', to: 'urgent' }, 'support')])).toMatch(
			/support team passed/
		);
		expect(whyOf(r, [...triaged, event('clinician_requested', { from: 'routine', to: 'urgent' }, 'patient')])).toMatch(
			/You asked/
		);
		expect(whyOf(r, [...triaged, event('level_changed', { from: 'routine', to: 'urgent' }, 'clinician')])).toMatch(
			/raised it/
		);
		expect(
			whyOf(row('routine', []), [...triaged, event('level_changed', { from: 'urgent', to: 'routine' }, 'clinician')])
		).toMatch(/lowered it/);
	});
});
