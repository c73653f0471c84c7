/**
 * Who may see a report at all. What each person may *do* to it is decided in
 * one place, `decide` (decide.ts); a report someone may not see does not
 * exist for them.
 */
import type { TriageLevel } from '../../triage/types';
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
