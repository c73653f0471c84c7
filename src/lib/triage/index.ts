// TEMPORARY PLACEHOLDER written by the lead so the app builds; helper-1 replaces this whole file with the real engine.
import type { FiredRule, TriageDecision, TriageInput } from './types';
export * from './types';
export function triage(input: TriageInput): TriageDecision {
	const reasons: FiredRule[] = [];
	if (input.emergencyScreen.length > 0) reasons.push({ id: 'screen.any', level: 'emergency', patientText: 'You ticked an emergency item.', clinicianText: 'screen', evidence: [...input.emergencyScreen] });
	if (/blood|rib|chest/i.test(input.text)) reasons.push({ id: 'placeholder.red_flag', level: 'urgent', patientText: 'Red flag.', clinicianText: 'red flag', evidence: [] });
	if (/refill/i.test(input.text) && reasons.length === 0) reasons.push({ id: 'admin.request', level: 'admin', patientText: 'Admin.', clinicianText: 'admin', evidence: [] });
	if (reasons.length === 0) reasons.push({ id: 'default.routine', level: 'routine', patientText: 'Routine.', clinicianText: 'routine', evidence: [] });
	const level = reasons[0]!.level;
	return { level, reasons, ruleSetVersion: 'placeholder', crisisLine: input.emergencyScreen.includes('suicidal_thoughts') };
}
