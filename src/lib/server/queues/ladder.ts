/**
 * The escalation ladder's timings (DESIGN.md invariant 6), pure: the deadline
 * monitor decides with them and the projection applies them.
 */
import type { TriageLevel } from '../../triage/types';

const MINUTE = 60_000;

/** 0 = on time, 1 = on-duty clinicians re-alerted, 2 = clinical lead alerted. */
export const LAST_STEP = 2;

/** How long after re-alerting clinicians the clinical lead is alerted. */
export function nextRungAfter(level: TriageLevel): number {
	switch (level) {
		case 'emergency':
			return 5 * MINUTE;
		case 'urgent':
			return 10 * MINUTE;
		case 'routine':
		case 'admin':
			return 4 * 60 * MINUTE;
	}
}

export function whoIsAlerted(step: number): 'on_duty_clinicians' | 'clinical_lead' {
	return step <= 1 ? 'on_duty_clinicians' : 'clinical_lead';
}
