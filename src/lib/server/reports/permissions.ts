/**
 * Who may do what to a report. Pure, so the rules are tested as a table and
 * enforced on every path (form action and API alike). The safety invariants
 * of DESIGN.md live here: support staff never hold, close or lower urgent care.
 */
import type { TriageLevel } from '../../triage/types';
import { levelRank } from '../../triage/types';
import type { Queue, Role } from '../../vocabulary';

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

export const isClinicalLevel = (level: TriageLevel) => level === 'urgent' || level === 'emergency';

export function canView(viewer: Viewer, report: ReportFacts): boolean {
	switch (viewer.role) {
		case 'patient':
			return report.patientId === viewer.id;
		case 'clinician':
		case 'admin':
			return true;
		case 'support':
			return report.queue === 'support' || report.handlerId === viewer.id;
	}
}

/** Staff who may work the report at all (notes, calls, escalation). */
export function canWork(viewer: Viewer, report: ReportFacts): boolean {
	switch (viewer.role) {
		case 'clinician':
			return true;
		case 'support':
			return canView(viewer, report) && !isClinicalLevel(report.level);
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

export function canEscalate(viewer: Viewer, report: ReportFacts): boolean {
	return (viewer.role === 'support' && canView(viewer, report)) || viewer.role === 'clinician';
}

/** Only clinicians change a level; support staff escalate instead. */
export function canChangeLevel(viewer: Viewer): boolean {
	return viewer.role === 'clinician';
}

export const isLowering = (from: TriageLevel, to: TriageLevel) => levelRank(to) < levelRank(from);
