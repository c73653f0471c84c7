/**
 * Who raised a report and through what, read from its events: shown on queue
 * cards ("Raised by a note from Alex Kim (support)") and counted on the safety
 * dashboard as a failure to escalate (the first decision was too low).
 */
import { levelRank, type TriageLevel } from '../../triage/types';
import type { ReportEventRow } from '../db/schema';

export type RaiseEvent = Pick<ReportEventRow, 'type' | 'actorRole' | 'actorName' | 'data'>;

/** The event types this reads: the ones that carry text, and the ones that change the level. */
export const RAISE_EVENT_TYPES = [
	'note_added',
	'patient_update',
	'contact_attempted',
	'level_changed',
	'escalated',
	'clinician_requested'
] as const satisfies readonly ReportEventRow['type'][];

const TEXT_SOURCE: Partial<Record<ReportEventRow['type'], string>> = {
	note_added: 'a note',
	patient_update: "the patient's update",
	contact_attempted: 'call notes'
};

export const carriesText = (e: RaiseEvent): boolean => TEXT_SOURCE[e.type] !== undefined;

const levels = (e: RaiseEvent) => e.data as { from: TriageLevel; to: TriageLevel };

export const isLowering = (e: RaiseEvent): boolean =>
	e.type === 'level_changed' && levelRank(levels(e).to) < levelRank(levels(e).from);

/**
 * How `e` raised the report, or null when it did not. `lastText` is the latest text-carrying event
 * before it: a re-triage by the system is credited to whoever wrote that text.
 */
export function riseBy(e: RaiseEvent, lastText: RaiseEvent | undefined): string | null {
	const by = e.actorRole === 'patient' ? 'the patient' : `${e.actorName ?? 'staff'} (${e.actorRole})`;
	if (e.type === 'escalated') return `Escalated by ${by}`;
	if (e.type === 'clinician_requested') return 'The patient asked for a nurse';
	if (e.type !== 'level_changed' || levelRank(levels(e).to) <= levelRank(levels(e).from)) return null;
	if (e.actorRole !== 'system') return `Raised by ${by}`;
	if (!lastText) return 'Raised on re-triage';
	const author =
		lastText.actorRole !== 'patient' ? ` from ${lastText.actorName ?? 'staff'} (${lastText.actorRole})` : '';
	return `Raised by ${TEXT_SOURCE[lastText.type]}${author}`;
}
