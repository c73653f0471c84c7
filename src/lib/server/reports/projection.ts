/**
 * A report's state is the fold of its events: `apply` is the only code that
 * changes it. The commands write the row it returns, and `audit:verify` folds
 * the stored events again and compares, so a row edited behind the events'
 * back is found. Pure: no database, no clock (time comes from the events).
 */
import type { ReportRow } from '../db/schema';
import { deadlineFrom, routeFor } from '../queues/routing';
import { LAST_STEP, nextRungAfter } from '../queues/ladder';
import { levelRank, maxLevel, type TriageLevel } from '../../triage/types';
import type { EventPayload, Reading } from './event-types';
import { CONTACT_RESET, contactEffect } from './policy';

/** What `apply` reads of an event: stored events (ReportEvent) and new ones (see `applicable`) both fit. */
export type Applicable = EventPayload & { reportId: string; at: number; actorId: string | null };

/** A new event (with its actor snapshot) as `apply` reads it. */
export const applicable = <E extends EventPayload & { reportId: string; at: number; actor: { id: string | null } }>(
	e: E
): Applicable => ({ ...e, actorId: e.actor.id }) as Applicable;

export class ProjectionError extends Error {
	override name = 'ProjectionError';
}

/** A report's state after `event`: `state` is null only before its `submitted` event. */
export function apply(state: ReportRow | null, event: Applicable): ReportRow {
	if (event.type === 'submitted') {
		if (state !== null) throw new ProjectionError(`report ${event.reportId} was submitted twice`);
		return submittedState(event);
	}
	if (state === null) throw new ProjectionError(`report ${event.reportId}: ${event.type} before it was submitted`);
	const at = event.at;
	const s: ReportRow = { ...state, updatedAt: at };
	switch (event.type) {
		case 'triaged': {
			// The first decision: the deadline runs from submission, and the ladder starts on its first rung.
			const d = event.data;
			const respondBy = deadlineFrom(at, routeFor(d.level).acknowledgeWithin);
			return {
				...s,
				level: d.level,
				autoLevel: d.autoLevel,
				queue: d.queue,
				reasons: d.reasons ?? [],
				ruleSetVersion: d.ruleSetVersion,
				crisisLine: d.crisisLine ?? false,
				respondBy,
				acknowledgedAt: null,
				escalationStep: 0,
				nextEscalationAt: respondBy
			};
		}
		case 'claimed':
			return {
				...s,
				status: 'claimed',
				handlerId: event.actorId,
				acknowledgedAt: s.acknowledgedAt ?? at,
				nextEscalationAt: null
			};
		case 'released':
			// Back in the queue, it needs acknowledging again: the ladder starts over.
			return { ...s, status: 'open', handlerId: null, ...freshDeadline(s.level, at) };
		case 'note_added':
		case 'patient_update':
			return read(s, event.data.text, event.data.reading);
		case 'contact_attempted': {
			const d = event.data;
			const wrongNumber = d.outcome === 'wrong_number';
			const contacted: ReportRow = {
				...s,
				...contactEffect(s, d.outcome, d.emergencyAdviceLeft),
				// Calling the patient acknowledges the report; dialling a wrong number reached nobody.
				acknowledgedAt: wrongNumber ? s.acknowledgedAt : (s.acknowledgedAt ?? at)
				// The ladder is left as it is: it stops when someone claims the report. A call by someone
				// who did not claim it leaves nobody responsible, and the report must not go quiet.
			};
			return d.note ? read(contacted, d.note, d.reading) : contacted;
		}
		case 'level_changed': {
			const d = event.data;
			if (levelRank(d.to) < levelRank(s.level)) {
				// A clinician's lowering covers the text they read: what triage had read so far.
				const deadline = s.status === 'open' ? freshDeadline(d.to, at) : {};
				return { ...s, level: d.to, queue: routeFor(d.to).queue, loweredOver: s.autoLevel, ...deadline };
			}
			const risen = routeTo(s, d.to, at);
			return d.reasons && d.ruleSetVersion ? { ...risen, reasons: d.reasons, ruleSetVersion: d.ruleSetVersion } : risen;
		}
		case 'escalated':
		case 'clinician_requested':
			return routeTo(s, event.data.to, at);
		case 'deadline_missed': {
			const step = event.data.step;
			return { ...s, escalationStep: step, nextEscalationAt: step < LAST_STEP ? at + nextRungAfter(s.level) : null };
		}
		case 'callback_changed': {
			// Failed calls count toward closing only to the number the patient gave: a new number
			// has not been tried, and advice left on the old one may never be heard.
			const newNumber = event.data.callbackPhone !== s.callbackPhone;
			return {
				...s,
				...(newNumber ? { failedAttempts: 0, emergencyAdviceLeft: false } : {}),
				callbackPhone: event.data.callbackPhone,
				callbackWindow: event.data.callbackWindow,
				callbackCancelled: event.data.cancelled
			};
		}
		case 'resolved': {
			const read_ = read(s, event.data.outcome, event.data.reading);
			return { ...read_, status: 'resolved', resolvedAt: at, nextEscalationAt: null };
		}
	}
}

/** Folds a report's whole history; null for an empty one. */
export function fold(events: readonly Applicable[]): ReportRow | null {
	let state: ReportRow | null = null;
	for (const e of events) state = apply(state, e);
	return state;
}

function submittedState(event: Extract<Applicable, { type: 'submitted' }>): ReportRow {
	const d = event.data;
	if (
		d.description === undefined ||
		d.emergencyScreen === undefined ||
		d.contactPreference === undefined ||
		d.callbackPhone === undefined ||
		d.clinicId === undefined ||
		event.actorId === null
	) {
		throw new ProjectionError(`report ${d.reference}: its submitted event does not hold the whole report`);
	}
	// Until its triage is applied (in the same transaction) a report is treated as the most urgent.
	const respondBy = deadlineFrom(event.at, routeFor('emergency').acknowledgeWithin);
	return {
		id: event.reportId,
		reference: d.reference,
		patientId: event.actorId,
		clinicId: d.clinicId,
		status: 'open',
		level: 'emergency',
		autoLevel: 'emergency',
		queue: 'clinician',
		reasons: [],
		ruleSetVersion: '',
		crisisLine: false,
		emergencyScreen: d.emergencyScreen,
		description: d.description,
		triageText: d.description,
		severity: d.severity ?? null,
		durationHours: d.durationHours ?? null,
		pregnant: d.pregnant ?? null,
		told: d.told ?? null,
		callbackPhone: d.callbackPhone,
		contactPreference: d.contactPreference,
		callbackWindow: 'asap',
		callbackCancelled: false,
		contactReached: false,
		failedAttempts: 0,
		emergencyAdviceLeft: false,
		loweredOver: null,
		followsReportId: d.followsReportId ?? null,
		handlerId: null,
		createdAt: event.at,
		updatedAt: event.at,
		respondBy,
		acknowledgedAt: null,
		escalationStep: 0,
		nextEscalationAt: respondBy,
		resolvedAt: null
	};
}

/** New text joins what triage has read; its reading can only raise the automated level. */
function read(s: ReportRow, text: string, reading: Reading | undefined): ReportRow {
	return {
		...s,
		triageText: `${s.triageText}\n${text}`,
		autoLevel: reading ? maxLevel(s.autoLevel, reading.level) : s.autoLevel,
		crisisLine: s.crisisLine || (reading?.crisisLine ?? false)
	};
}

/** A fresh acknowledgement deadline for the level, with the escalation ladder reset to its first rung. */
function freshDeadline(
	level: TriageLevel,
	at: number
): Pick<ReportRow, 'respondBy' | 'acknowledgedAt' | 'escalationStep' | 'nextEscalationAt'> {
	const respondBy = deadlineFrom(at, routeFor(level).acknowledgeWithin);
	return { respondBy, acknowledgedAt: null, escalationStep: 0, nextEscalationAt: respondBy };
}

/**
 * Moves a report up to `level` and that level's queue. Only contact after the last rise counts
 * toward closing (DESIGN 8), so the count starts again. Still waiting, the deadline can only
 * come closer, and a ladder already climbing keeps climbing.
 */
function routeTo(s: ReportRow, level: TriageLevel, at: number): ReportRow {
	const reset = levelRank(level) > levelRank(s.level) ? CONTACT_RESET : {};
	const moved: ReportRow = { ...s, level, queue: routeFor(level).queue, ...reset };
	if (s.status !== 'open') return moved;
	const candidate = deadlineFrom(at, routeFor(level).acknowledgeWithin);
	const respondBy = Math.min(s.respondBy, candidate);
	const nextEscalationAt = s.escalationStep === 0 ? respondBy : Math.min(s.nextEscalationAt ?? candidate, candidate);
	return { ...moved, respondBy, nextEscalationAt };
}
