/**
 * "Why this level", for the patient: the reason in plain words, from what they
 * told us (their own words, quoted from the rules' evidence) or from who changed
 * the level, never the advice again and never a rule id or internal word.
 */
import type { ReportRow } from '../db/schema';
import { screenLabel } from '../../emergency-screen';
import { levelRank, type FiredRule, type TriageLevel } from '../../triage/types';
import type { ReportEvent } from './event-types';

/** Decisions that read the text but found no specific finding: a person reads it. */
const READ_BY_A_PERSON = new Set(['engine.not_understood', 'engine.unexplained_finding']);
const MAX_QUOTES = 4;

/** One piece of evidence as the patient would say it, or null when it is not theirs to read. */
function plainEvidence(e: string): string | null {
	if (e.startsWith('checklist: ')) return `you ticked “${screenLabel(e.slice('checklist: '.length))}”`;
	const severity = e.match(/^severity: (\d+)\/10$/);
	if (severity) return `you rated it ${severity[1]} out of 10`;
	if (e === 'pregnant: yes') return 'you said you are pregnant';
	if (e.startsWith('age: ')) return `your age (${e.slice('age: '.length)})`;
	// Other facts from the form (sex) are not a reason anyone would give.
	if (/^[a-z]+: /.test(e)) return null;
	return `“${e}”`;
}

function fromRules(reasons: readonly FiredRule[], level: TriageLevel): string {
	const top = reasons.filter((x) => x.level === level);
	const quotes = [...new Set(top.flatMap((x) => x.evidence).map(plainEvidence))].filter((q): q is string => q !== null);
	const told = quotes.slice(0, MAX_QUOTES).join(', ');
	if (top.length > 0 && top.every((x) => READ_BY_A_PERSON.has(x.id)))
		return `A nurse or doctor will read what you wrote, because it needs a person to understand it${told ? `: ${told}` : ''}.`;
	switch (level) {
		case 'emergency':
			return `This could be an emergency because you told us ${told || 'about a serious symptom'}.`;
		case 'urgent':
			return `A nurse or doctor needs to call you because you told us ${told || 'about a symptom that needs a clinician'}.`;
		case 'routine':
			return told
				? `Your care team will read it because you told us ${told}.`
				: 'Your care team reads every report about your health.';
		case 'admin':
			return told ? `It is a request our support team handles: ${told}.` : 'It is a request our support team handles.';
	}
}

/** Why the report is at its level now: the newest event that set it decides which kind of reason. */
export function whyOf(r: ReportRow, events: readonly ReportEvent[]): string {
	for (let i = events.length - 1; i >= 0; i--) {
		const e = events[i]!;
		switch (e.type) {
			case 'triaged':
				return fromRules(r.reasons, r.level);
			case 'level_changed':
				if (e.actorRole === 'system') return fromRules(r.reasons, r.level);
				return levelRank(e.data.to) > levelRank(e.data.from)
					? 'A nurse or doctor raised it after reading your report.'
					: 'A nurse or doctor lowered it after reviewing your report with you.';
			case 'escalated':
				return 'Our support team passed your report to the nurses and doctors.';
			case 'clinician_requested':
				return 'You asked for a nurse or doctor, so your report went to them.';
			case 'submitted':
			case 'claimed':
			case 'released':
			case 'note_added':
			case 'patient_update':
			case 'contact_attempted':
			case 'deadline_missed':
			case 'callback_changed':
			case 'resolved':
				continue;
		}
	}
	return fromRules(r.reasons, r.level);
}
