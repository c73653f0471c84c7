/**
 * Who may do what to a report. Pure, so the rules are tested as a table and
 * enforced on every path (form action and API alike). The safety invariants
 * of DESIGN.md live here: support staff never hold, close or lower urgent care.
 */
import type { TriageLevel } from '../../triage/types';
import { levelRank } from '../../triage/types';
import { isClinicalLevel, type Queue, type Role } from '../../vocabulary';

export interface ReportFacts {
	patientId: string;
	level: TriageLevel;
	queue: Queue;
	status: 'open' | 'claimed' | 'resolved';
	handlerId: string | null;
}

export interface Viewer {
	id: string;
	role: Role;
}

export { isClinicalLevel };

export function canView(viewer: Viewer, report: ReportFacts): boolean {
	switch (viewer.role) {
		case 'patient':
			return report.patientId === viewer.id;
		// Any staff member may open a report by id (a patient calling in asks about it); the
		// queues decide what each role works on, and the rules below what they may do.
		case 'clinician':
		case 'admin':
		case 'support':
			return true;
	}
}

/** Notes only add information (and are re-triaged), so any working staff member may add one. */
export function canAddNote(viewer: Viewer): boolean {
	return viewer.role === 'clinician' || viewer.role === 'support';
}

/** Staff who may work the report at all (notes, calls, escalation). */
export function canWork(viewer: Viewer, report: ReportFacts): boolean {
	switch (viewer.role) {
		case 'clinician':
			return true;
		case 'support':
			return !isClinicalLevel(report.level);
		case 'patient':
		case 'admin':
			return false;
	}
}

export function canClaim(viewer: Viewer, report: ReportFacts): boolean {
	return canWork(viewer, report);
}

export function canResolve(viewer: Viewer, report: ReportFacts): boolean {
	return canWork(viewer, report);
}

export function canEscalate(viewer: Viewer): boolean {
	return viewer.role === 'support' || viewer.role === 'clinician';
}

/** Only clinicians change a level; support staff escalate instead. */
export function canChangeLevel(viewer: Viewer): boolean {
	return viewer.role === 'clinician';
}

export const isLowering = (from: TriageLevel, to: TriageLevel) => levelRank(to) < levelRank(from);
