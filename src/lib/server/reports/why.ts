/**
 * "Why this level", for the patient: the reason in plain words, from what they
 * told us (their own words, quoted from the rules' evidence) or from who changed
 * the level, never the advice again and never a rule id or internal word.
 */
import type { ReportRow } from '../db/schema';
import { screenItemLabel } from '../../emergency-screen';
import { m } from '../../paraglide/messages';
import { levelRank, type FiredRule, type TriageLevel } from '../../triage/types';
import type { ReportEvent } from './event-types';

/** Decisions that read the text but found no specific finding: a person reads it. */
const READ_BY_A_PERSON = new Set(['engine.not_understood', 'engine.unexplained_finding']);
const MAX_QUOTES = 4;

/** One piece of evidence as the patient would say it, or null when it is not theirs to read. */
function plainEvidence(e: string): string | null {
	if (e.startsWith('checklist: '))
		return m.why_evidenceTicked({ item: screenItemLabel(e.slice('checklist: '.length)) });
	const severity = e.match(/^severity: (\d+)\/10$/);
	if (severity) return m.why_evidenceSeverity({ n: severity[1]! });
	if (e === 'pregnant: yes') return m.why_evidencePregnant();
	if (e.startsWith('age: ')) return m.why_evidenceAge({ age: e.slice('age: '.length) });
	// Other facts from the form (sex) are not a reason anyone would give.
	if (/^[a-z]+: /.test(e)) return null;
	return `“${e}”`;
}

function fromRules(reasons: readonly FiredRule[], level: TriageLevel): string {
	const top = reasons.filter((x) => x.level === level);
	const quotes = [...new Set(top.flatMap((x) => x.evidence).map(plainEvidence))].filter((q): q is string => q !== null);
	const told = quotes.slice(0, MAX_QUOTES).join(', ');
	if (top.length > 0 && top.every((x) => READ_BY_A_PERSON.has(x.id)))
		return told ? m.why_byAPersonTold({ told }) : m.why_byAPerson();
	switch (level) {
		case 'emergency':
			return told ? m.why_emergency({ told }) : m.why_emergencyVague();
		case 'urgent':
			return told ? m.why_urgent({ told }) : m.why_urgentVague();
		case 'routine':
			return told ? m.why_routine({ told }) : m.why_routineVague();
		case 'admin':
			return told ? m.why_admin({ told }) : m.why_adminVague();
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
				return levelRank(e.data.to) > levelRank(e.data.from) ? m.why_raised() : m.why_lowered();
			case 'escalated':
				return m.why_escalated();
			case 'clinician_requested':
				return m.why_requested();
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
