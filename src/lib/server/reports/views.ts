/**
 * Purpose-made objects for pages and the API: never raw rows. What a patient
 * may see of their own report, what staff see, and who handled each step.
 */
import { toldSummary, type ToldItem } from '../triage/summary';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { clinics, patientProfiles, reports, users, type ReportRow } from '../db/schema';
import { routeFor } from '../queues/routing';
import type { EmergencyScreenId, TriageLevel } from '../../triage/types';
import {
	callbackWindowLabel,
	channelLabel,
	dispositionLabel,
	levelLabel,
	queueLabel,
	actorRoleLabel,
	statusLabel,
	type ActorRole,
	type CallbackWindow,
	type ContactOutcome,
	type Channel,
	type ContactPreference,
	type Disposition,
	type EventType,
	type Queue,
	type ReportStatus
} from '../../vocabulary';
import { accessesOf } from './access';
import type { ReportEvent } from './event-types';
import { eventsOf } from './events';
import { canView } from './permissions';
import { allowedActions } from './decide';
import { loadState } from './state';
import type { SessionUser } from '../auth/session';
import type { StaffAction } from '../../vocabulary';
import { ageInYears } from './submit';
import { m } from '../../paraglide/messages';
import { whyOf } from './why';
import { firstWords, staffWording } from './wording';
import { firstName } from '../../people';

export type Audience = 'patient' | 'staff';

export interface ActorView {
	role: ActorRole;
	name: string | null;
	channel: Channel | null;
	channelLabel: string | null;
	credential: string | null;
	team: string | null;
	clinical: boolean;
}

export interface TimelineEntry {
	at: string;
	type: EventType;
	summary: string;
	/** Free text of the step where this audience may read it (a note, a reason, an outcome). */
	detail: string | null;
	actor: ActorView;
}

export interface HandledBy {
	channel: Channel;
	channelLabel: string;
	role: ActorRole;
	credential: string | null;
	name: string | null;
	team: string | null;
	clinical: boolean;
}

export interface ReportSummary {
	id: string;
	reference: string;
	status: ReportStatus;
	level: TriageLevel;
	levelLabel: string;
	queue: Queue;
	createdAt: string;
	respondBy: string;
	/** Past its acknowledgement deadline with nobody on it. */
	overdue: boolean;
	escalationStep: number;
	/** The start of what the patient wrote. */
	firstWords: string;
	statusLabel: string;
}

export interface ReportView extends ReportSummary {
	queueLabel: string;
	advice: string;
	crisisLine: boolean;
	reasons: string[];
	explanation: string[];
	ruleSetVersion: string;
	description: string;
	emergencyScreen: EmergencyScreenId[];
	severity: number | null;
	durationHours: number | null;
	pregnant: boolean | null;
	callbackPhone: string;
	callbackWindow: CallbackWindow;
	callbackWindowLabel: string;
	callbackCancelled: boolean;
	contactPreference: ContactPreference;
	handledBy: HandledBy | null;
	timeline: TimelineEntry[];
	/** Contact since the report last became more urgent (what closing it depends on). */
	contact: { reached: boolean; failedAttempts: number; emergencyAdviceLeft: boolean };
	/** How it was closed, from the closing event. */
	outcome: { text: string; disposition: Disposition; dispositionLabel: string; at: string } | null;
	/** Why the report is at its level, in plain words for the patient. */
	why: string;
}

export interface StaffReportView extends ReportView {
	patient: { name: string; firstName: string; dateOfBirth: string | null; age: number | null; phone: string };
	/** The fired rules for a clinician to read at a glance: level and wording with the evidence, no ids. */
	rules: { level: TriageLevel; text: string }[];
	handlerId: string | null;
	/** What this viewer may do now: the page offers exactly these, and the server checks the same rules. */
	allowed: StaffAction[];
	/** The question step's answers, taps and readings, in a nurse's words (see triage/summary.ts). */
	told: ToldItem[];
}

function actorView(e: ReportEvent): ActorView {
	return {
		role: e.actorRole,
		name: e.actorName,
		channel: e.actorChannel,
		channelLabel: e.actorChannel ? channelLabel(e.actorChannel) : null,
		credential: e.actorCredential,
		team: e.actorTeam,
		clinical: e.actorRole === 'clinician'
	};
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

function contactSummary(outcome: ContactOutcome): string {
	switch (outcome) {
		case 'reached':
			return m.timeline_reached();
		case 'voicemail':
			return m.timeline_voicemail();
		case 'wrong_number':
			return m.timeline_wrongNumber();
		case 'no_answer':
			return m.timeline_noAnswer();
	}
}

function summarise(e: ReportEvent): string {
	switch (e.type) {
		case 'submitted':
			return m.timeline_submitted({ reference: e.data.reference });
		case 'triaged':
			return m.timeline_triaged({
				level: levelLabel(e.data.level).toLowerCase(),
				queue: queueLabel(e.data.queue).toLowerCase()
			});
		case 'claimed':
			return m.timeline_claimed();
		case 'released':
			return m.timeline_released();
		case 'note_added':
			return e.data.closing ? m.timeline_closingRaised() : m.timeline_note();
		case 'patient_update':
			return m.timeline_patientUpdate();
		case 'contact_attempted':
			return contactSummary(e.data.outcome);
		case 'escalated':
			return m.timeline_escalated();
		case 'level_changed':
			return m.timeline_levelChanged({
				from: levelLabel(e.data.from).toLowerCase(),
				to: levelLabel(e.data.to).toLowerCase()
			});
		case 'deadline_missed':
			return e.data.step === 1 ? m.timeline_deadlineFirst() : m.timeline_deadlineLead();
		case 'callback_changed':
			return e.data.cancelled ? m.timeline_callbackCancelled() : m.timeline_callbackChanged();
		case 'clinician_requested':
			return m.timeline_clinicianRequested();
		case 'resolved':
			return m.timeline_resolved();
	}
}

/** Staff read every step's text; the patient reads their own words, reasons for changes and the outcome. */
function detail(e: ReportEvent, audience: Audience): string | null {
	switch (e.type) {
		case 'note_added':
			return audience === 'staff' ? text(e.data.text) : null;
		case 'contact_attempted':
			return audience === 'staff' ? text(e.data.note) : null;
		case 'patient_update':
			return text(e.data.text);
		case 'escalated':
		case 'level_changed':
		case 'released':
			return text(e.data.reason);
		case 'resolved':
			return text(e.data.outcome);
		case 'callback_changed':
			return e.data.cancelled
				? null
				: `${e.data.callbackPhone}, ${callbackWindowLabel(e.data.callbackWindow).toLowerCase()}`;
		case 'submitted':
		case 'triaged':
		case 'claimed':
		case 'deadline_missed':
		case 'clinician_requested':
			return null;
	}
}

function handledByFrom(events: ReportEvent[]): HandledBy | null {
	for (let i = events.length - 1; i >= 0; i -= 1) {
		const e = events[i]!;
		if (e.type === 'released') return null;
		if (e.type === 'claimed' && e.actorChannel) {
			return {
				channel: e.actorChannel,
				channelLabel: channelLabel(e.actorChannel),
				role: e.actorRole,
				credential: e.actorCredential,
				name: e.actorName,
				team: e.actorTeam,
				clinical: e.actorRole === 'clinician'
			};
		}
	}
	return null;
}

export function summaryOf(r: ReportRow, now: number): ReportSummary {
	return {
		id: r.id,
		reference: r.reference,
		status: r.status,
		statusLabel: statusLabel(r.status),
		firstWords: firstWords(r.description),
		level: r.level,
		levelLabel: levelLabel(r.level),
		queue: r.queue,
		createdAt: new Date(r.createdAt).toISOString(),
		respondBy: new Date(r.respondBy).toISOString(),
		overdue: r.status === 'open' && now > r.respondBy,
		escalationStep: r.escalationStep
	};
}

export function reportView(r: ReportRow, events: ReportEvent[], audience: Audience, now: number): ReportView {
	return {
		...summaryOf(r, now),
		queueLabel: queueLabel(r.queue),
		advice: routeFor(r.level).patientAdvice(),
		crisisLine: r.crisisLine,
		reasons: r.reasons.map((x) => x.id),
		explanation: [...new Set(r.reasons.map((x) => x.patientText))],
		ruleSetVersion: r.ruleSetVersion,
		description: r.description,
		emergencyScreen: r.emergencyScreen,
		severity: r.severity,
		durationHours: r.durationHours,
		pregnant: r.pregnant,
		callbackPhone: r.callbackPhone,
		callbackWindow: r.callbackWindow,
		callbackWindowLabel: callbackWindowLabel(r.callbackWindow),
		callbackCancelled: r.callbackCancelled,
		contactPreference: r.contactPreference,
		// The projection says whether anyone holds it now; the events say who, as they were then.
		handledBy: r.handlerId === null ? null : handledByFrom(events),
		timeline: events.map((e) => ({
			at: new Date(e.at).toISOString(),
			type: e.type,
			summary: summarise(e),
			detail: detail(e, audience),
			actor: actorView(e)
		})),
		contact: {
			reached: r.contactReached,
			failedAttempts: r.failedAttempts,
			emergencyAdviceLeft: r.emergencyAdviceLeft
		},
		outcome: outcomeOf(r, events),
		why: whyOf(r, events)
	};
}

function outcomeOf(r: ReportRow, events: readonly ReportEvent[]): ReportView['outcome'] {
	if (r.status !== 'resolved') return null;
	const closing = events.findLast((e) => e.type === 'resolved');
	if (closing?.type !== 'resolved') return null;
	return {
		text: closing.data.outcome,
		disposition: closing.data.disposition,
		dispositionLabel: dispositionLabel(closing.data.disposition),
		at: new Date(closing.at).toISOString()
	};
}

/** A patient's own report, or null: another patient's report is indistinguishable from a missing one. */
/** One time a staff member opened the patient's report, as the patient is shown it. */
export interface AccessView {
	/** The latest time they opened it. */
	at: string;
	/** How many times they opened it. */
	times: number;
	name: string;
	role: ActorRole;
	roleLabel: string;
	credential: string | null;
	channel: Channel | null;
	channelLabel: string | null;
}

export interface PatientReportView extends ReportView {
	/** Who at Clearline opened this report, newest first. */
	views: AccessView[];
	/** The patient's clinic: its name and the number to call. */
	clinic: { name: string; phone: string };
}

export function patientReport(db: Db, patientId: string, reportId: string, now: number): PatientReportView | null {
	const row = db
		.select()
		.from(reports)
		.where(and(eq(reports.id, reportId), eq(reports.patientId, patientId)))
		.get();
	if (!row) return null;
	// One line per person (as they were then), newest first, with how many times they opened it:
	// every opening stays in the access log; the patient reads who, not a list of page loads.
	const byPerson = new Map<string, AccessView>();
	for (const a of accessesOf(db, row.id).reverse()) {
		const key = JSON.stringify([a.viewerId, a.viewerName, a.viewerCredential, a.viewerChannel]);
		const seen = byPerson.get(key);
		if (seen) {
			seen.times += 1;
			continue;
		}
		byPerson.set(key, {
			at: new Date(a.at).toISOString(),
			times: 1,
			name: a.viewerName,
			role: a.viewerRole,
			roleLabel: actorRoleLabel(a.viewerRole),
			credential: a.viewerCredential,
			channel: a.viewerChannel,
			channelLabel: a.viewerChannel ? channelLabel(a.viewerChannel) : null
		});
	}
	const views = [...byPerson.values()];
	const clinic = db
		.select({ name: clinics.name, phone: clinics.phone })
		.from(clinics)
		.where(eq(clinics.id, row.clinicId))
		.get();
	// reports.clinic_id is a foreign key: a report without its clinic is a broken database, not a state.
	if (!clinic) throw new Error(`report ${row.reference} has no clinic`);
	return { ...reportView(row, eventsOf(db, row.id), 'patient', now), views, clinic };
}

export function patientReports(db: Db, patientId: string, now: number): ReportSummary[] {
	return db
		.select()
		.from(reports)
		.where(eq(reports.patientId, patientId))
		.orderBy(desc(reports.createdAt))
		.all()
		.map((r) => summaryOf(r, now));
}

/** A report as staff see it, or null when this staff member may not see it. */
export function staffReport(db: Db, viewer: SessionUser, reportId: string, now: number): StaffReportView | null {
	const state = loadState(db, reportId, now);
	const row = state?.report;
	if (!state || !row || !canView(viewer, row) || viewer.role === 'patient') return null;
	const patient = db
		.select({ name: users.name, phone: patientProfiles.phone, dateOfBirth: patientProfiles.dateOfBirth })
		.from(users)
		.innerJoin(patientProfiles, eq(patientProfiles.userId, users.id))
		.where(eq(users.id, row.patientId))
		.get();
	return {
		...reportView(row, eventsOf(db, row.id), 'staff', now),
		patient: {
			name: patient?.name ?? 'Unknown',
			firstName: firstName(patient?.name ?? 'Unknown'),
			dateOfBirth: patient?.dateOfBirth ?? null,
			age: patient ? Math.floor(ageInYears(patient.dateOfBirth, now)) : null,
			phone: patient?.phone ?? row.callbackPhone
		},
		rules: row.reasons.map((x) => ({ level: x.level, text: staffWording(x) })),
		handlerId: row.handlerId,
		allowed: allowedActions(state, viewer, now),
		told: toldSummary(row.told, row.reasons)
	};
}
