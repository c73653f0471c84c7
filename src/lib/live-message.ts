/** Messages of the live event stream (`/api/v1/events`) as the browser reads them; pure, so tested without one. */
import { TRIAGE_LEVELS, type TriageLevel } from './triage/types';
import { EVENT_TYPES, isClinicalLevel, type EventType } from './vocabulary';

export interface LiveMessage {
	type: EventType | 'queue_changed';
	reportId: string | null;
	level: TriageLevel | null;
}

/** Event types that put an urgent report in front of clinicians who have not seen it yet. */
const ARRIVALS: ReadonlySet<string> = new Set<EventType>([
	'triaged',
	'escalated',
	'level_changed',
	'clinician_requested',
	'deadline_missed'
]);

const isLevel = (value: unknown): value is TriageLevel =>
	typeof value === 'string' && (TRIAGE_LEVELS as readonly string[]).includes(value);
const isType = (value: unknown): value is LiveMessage['type'] =>
	value === 'queue_changed' || (typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value));

export function parseMessage(data: string): LiveMessage | null {
	let parsed: unknown;
	try {
		parsed = JSON.parse(data);
	} catch {
		return null;
	}
	if (typeof parsed !== 'object' || parsed === null || !('type' in parsed) || !isType(parsed.type)) return null;
	return {
		type: parsed.type,
		reportId: 'reportId' in parsed && typeof parsed.reportId === 'string' ? parsed.reportId : null,
		level: 'level' in parsed && isLevel(parsed.level) ? parsed.level : null
	};
}

export function isUrgentArrival(message: LiveMessage): boolean {
	return message.level !== null && isClinicalLevel(message.level) && ARRIVALS.has(message.type);
}
