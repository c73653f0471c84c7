/** What the author of new text is told when their words raised a report's level. */
import type { FiredRule, TriageLevel } from './triage/types';

export interface RaisedView {
	to: TriageLevel;
	reasons: { text: string; evidence: string[] }[];
}

/** Patients read the plain-language reason; staff read the clinical one. */
export function raisedView(
	raised: { to: TriageLevel; reasons: FiredRule[] } | null,
	audience: 'patient' | 'staff'
): RaisedView | null {
	if (!raised) return null;
	return {
		to: raised.to,
		reasons: raised.reasons.map((r) => ({
			text: audience === 'patient' ? r.patientText : r.clinicianText,
			evidence: r.evidence
		}))
	};
}
