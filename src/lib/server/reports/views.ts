/**
 * Purpose-made objects for pages and the API: never raw rows. What a patient
 * may see of their own report, and who handled each step.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { reports, type ReportEventRow, type ReportRow } from '../db/schema';
import { routeFor } from '../queues/routing';
import type { TriageLevel } from '../../triage/types';
import {
	channelLabel,
	levelLabel,
	queueLabel,
	type ActorRole,
	type Channel,
	type ContactPreference,
	type EventType,
	type Queue,
	type ReportStatus
} from '../../vocabulary';
import { eventsOf } from './events';

export interface ActorView {
	role: ActorRole;
	name: string | null;
	channel: Channel | null;
	channelLabel: string | null;
	credential: string | null;
	clinical: boolean;
}

export interface TimelineEntry {
	at: string;
	type: EventType;
	summary: string;
	actor: ActorView;
}

export interface HandledBy {
	channel: Channel;
	channelLabel: string;
	role: ActorRole;
	credential: string | null;
	name: string | null;
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
}

export interface ReportView extends ReportSummary {
	queueLabel: string;
	advice: string;
	crisisLine: boolean;
	reasons: string[];
	explanation: string[];
	ruleSetVersion: string;
	description: string;
	emergencyScreen: string[];
	severity: number | null;
	durationHours: number | null;
	pregnant: boolean | null;
	callbackPhone: string;
	contactPreference: ContactPreference;
	handledBy: HandledBy | null;
	timeline: TimelineEntry[];
}

function actorView(e: ReportEventRow): ActorView {
	return {
		role: e.actorRole,
		name: e.actorName,
		channel: e.actorChannel,
		channelLabel: e.actorChannel ? channelLabel(e.actorChannel) : null,
		credential: e.actorCredential,
		clinical: e.actorRole === 'clinician'
	};
}

function summarise(e: ReportEventRow): string {
	const d = e.data;
	switch (e.type) {
		case 'submitted':
			return `Report received. Reference ${String(d.reference)}.`;
		case 'triaged':
			return `Automated triage rated it ${levelLabel(d.level as TriageLevel).toLowerCase()} and sent it to the ${queueLabel(d.queue as Queue).toLowerCase()}.`;
		case 'claimed':
			return 'Picked up your report.';
		case 'released':
			return 'Handed your report back to the queue.';
		case 'note_added':
			return 'Added a note to your record.';
		case 'patient_update':
			return 'You added an update.';
		case 'contact_attempted':
			return d.outcome === 'reached' ? 'Spoke with you.' : 'Tried to call you and could not reach you.';
		case 'escalated':
			return 'Sent your report to the clinicians (nurses and doctors).';
		case 'level_changed':
			return `Changed the urgency to ${levelLabel(d.to as TriageLevel).toLowerCase()}.`;
		case 'deadline_missed':
			return 'Nobody has reached you yet. We have alerted more staff.';
		case 'callback_changed':
			return 'Updated how to call you back.';
		case 'resolved':
			return 'Closed your report.';
	}
}

function handledByFrom(events: ReportEventRow[]): HandledBy | null {
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
				clinical: e.actorRole === 'clinician'
			};
		}
	}
	return null;
}

export function summaryOf(r: ReportRow): ReportSummary {
	return {
		id: r.id,
		reference: r.reference,
		status: r.status,
		level: r.level,
		levelLabel: levelLabel(r.level),
		queue: r.queue,
		createdAt: new Date(r.createdAt).toISOString(),
		respondBy: new Date(r.respondBy).toISOString()
	};
}

export function reportView(r: ReportRow, events: ReportEventRow[]): ReportView {
	return {
		...summaryOf(r),
		queueLabel: queueLabel(r.queue),
		advice: routeFor(r.level).patientAdvice,
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
		contactPreference: r.contactPreference,
		handledBy: handledByFrom(events),
		timeline: events.map((e) => ({ at: new Date(e.at).toISOString(), type: e.type, summary: summarise(e), actor: actorView(e) }))
	};
}

/** A patient's own report, or null: another patient's report is indistinguishable from a missing one. */
export function patientReport(db: Db, patientId: string, reportId: string): ReportView | null {
	const row = db
		.select()
		.from(reports)
		.where(and(eq(reports.id, reportId), eq(reports.patientId, patientId)))
		.get();
	return row ? reportView(row, eventsOf(db, row.id)) : null;
}

export function patientReports(db: Db, patientId: string): ReportSummary[] {
	return db
		.select()
		.from(reports)
		.where(eq(reports.patientId, patientId))
		.orderBy(desc(reports.createdAt))
		.all()
		.map(summaryOf);
}
