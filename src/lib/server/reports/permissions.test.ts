import { describe, expect, it } from 'vitest';
import type { TriageLevel } from '../../triage/types';
import type { Role } from '../../vocabulary';
import {
	canAddNote,
	canChangeLevel,
	canClaim,
	canEscalate,
	canResolve,
	canView,
	canWork,
	type ReportFacts
} from './permissions';

const report = (level: TriageLevel, patientId = 'p1'): ReportFacts => ({
	patientId,
	level,
	queue: level === 'urgent' || level === 'emergency' ? 'clinician' : 'support',
	status: 'open',
	handlerId: null
});
const as = (role: Role, id = 'u1') => ({ id, role });

describe('who may do what', () => {
	it.each([
		// role, level, claim, resolve, work (calls), change level
		['support', 'emergency', false, false, false, false],
		['support', 'urgent', false, false, false, false],
		['support', 'routine', true, true, true, false],
		['support', 'admin', true, true, true, false],
		['clinician', 'emergency', true, true, true, true],
		['clinician', 'routine', true, true, true, true],
		['admin', 'urgent', false, false, false, false],
		['patient', 'routine', false, false, false, false]
	] as const)('%s on %s: claim %s, resolve %s, work %s, level %s', (role, level, claim, resolve, work, changeLevel) => {
		const viewer = as(role);
		expect(canClaim(viewer, report(level))).toBe(claim);
		expect(canResolve(viewer, report(level))).toBe(resolve);
		expect(canWork(viewer, report(level))).toBe(work);
		expect(canChangeLevel(viewer)).toBe(changeLevel);
	});

	it('lets any working staff member escalate and add notes, never a patient', () => {
		expect(canEscalate(as('support'))).toBe(true);
		expect(canEscalate(as('clinician'))).toBe(true);
		expect(canEscalate(as('patient'))).toBe(false);
		expect(canAddNote(as('support'))).toBe(true);
		expect(canAddNote(as('patient'))).toBe(false);
		expect(canAddNote(as('admin'))).toBe(false);
	});

	it('shows a patient only their own reports', () => {
		expect(canView(as('patient', 'p1'), report('routine', 'p1'))).toBe(true);
		expect(canView(as('patient', 'p2'), report('routine', 'p1'))).toBe(false);
		expect(canView(as('support'), report('urgent'))).toBe(true);
	});
});
