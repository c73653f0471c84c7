/** Triage reasons as staff read them on pages: the rule's wording with its evidence, no ids or codes. */
import { screenLabel } from '../../emergency-screen';
import { EMERGENCY_SCREEN_IDS, type FiredRule } from '../../triage/types';

/** "checklist: chest_pain" as the engine quotes a ticked box (ids only: "the emergency checklist: …" stays). */
const SCREEN_EVIDENCE = new RegExp(`checklist: (${EMERGENCY_SCREEN_IDS.join('|')})\\b`, 'g');

/** A rule's clinician wording with form answers as people say them ("checklist: chest_pain" → the box's label). */
export function staffWording(rule: Pick<FiredRule, 'clinicianText'>): string {
	return rule.clinicianText
		.replace(SCREEN_EVIDENCE, (_m, id: string) => `ticked “${screenLabel(id)}”`)
		.replace(/severity: (\d+)\/10/g, 'severity $1/10')
		.replace(/pregnant: yes/g, 'pregnant')
		.replace(/age: /g, 'age ');
}

/** The start of what the patient wrote, cut at a word. */
export function firstWords(text: string, max = 90): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 15)).trimEnd()}…`;
}
