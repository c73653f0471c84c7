import { describe, expect, it } from 'vitest';
import type { TriageLevel } from '../../triage/types';
import type { Role } from '../../vocabulary';
import { canView, type ReportFacts } from './permissions';

const report = (level: TriageLevel, patientId = 'p1'): ReportFacts => ({
	patientId,
	level,
	queue: level === 'urgent' || level === 'emergency' ? 'clinician' : 'support',
	status: 'open',
	handlerId: null
});
const as = (role: Role, id = 'u1') => ({ id, role });

describe('who may see a report', () => {
	it('shows a patient only their own reports', () => {
		expect(canView(as('patient', 'p1'), report('routine', 'p1'))).toBe(true);
		expect(canView(as('patient', 'p2'), report('routine', 'p1'))).toBe(false);
		expect(canView(as('support'), report('urgent'))).toBe(true);
	});
});
