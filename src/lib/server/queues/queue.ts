/**
 * The two work queues. Open reports only, most urgent first, then oldest
 * first. Support staff see the support queue and what they hold; clinicians
 * see both queues.
 */
import { toldSummary } from '../triage/summary';
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import { patientProfiles, reportEvents, reports, users } from '../db/schema';
import { problem, ok, type Result } from '../problem';
import { ageInYears } from '../reports/submit';
import { firstName } from '../../people';
import type { Viewer } from '../reports/permissions';
import type { TriageLevel } from '../../triage/types';
import { firstWords, staffWording } from '../reports/wording';
import { RAISE_EVENT_TYPES, carriesText, isLowering, riseBy } from '../reports/raises';
import {
	callbackWindowLabel,
	levelLabel,
	type CallbackWindow,
	type ContactPreference,
	type Queue,
	type ReportStatus
} from '../../vocabulary';

export interface QueueRow {
	id: string;
	reference: string;
	level: TriageLevel;
	levelLabel: string;
	status: ReportStatus;
	queue: Queue;
	createdAt: string;
	respondBy: string;
	overdue: boolean;
	escalationStep: number;
	patient: { firstName: string; age: number | null; dateOfBirth: string };
	/** The start of what the patient wrote, in their words. */
	firstWords: string;
	severity: number | null;
	/** Who or what last raised it above its first triage, and how ("Raised by a note from Alex Kim, support"). */
	raisedBy: string | null;
	reasons: { text: string }[];
	/** The question-step answers and readings the decision quotes ("Sudden onset: yes"). */
	deciding: string[];
	handler: { id: string; name: string } | null;
	callback: {
		phone: string;
		window: CallbackWindow;
		windowLabel: string;
		preference: ContactPreference;
		cancelled: boolean;
	};
}

const levelOrder = sql`case ${reports.level} when 'emergency' then 0 when 'urgent' then 1 when 'routine' then 2 else 3 end`;

export function canSeeQueue(viewer: Viewer, queue: Queue): boolean {
	switch (viewer.role) {
		case 'clinician':
		case 'admin':
			return true;
		case 'support':
			return queue === 'support';
		case 'patient':
			return false;
	}
}

export function queueRows(db: Db, viewer: Viewer, queue: Queue, now: number): Result<QueueRow[]> {
	if (!canSeeQueue(viewer, queue)) {
		return problem('forbidden', 'Urgent and emergency reports are for clinicians only.');
	}
	const handler = alias(users, 'handler');
	const inQueue = eq(reports.queue, queue);
	// Support also sees reports it holds, wherever they sit.
	const where = viewer.role === 'support' ? or(inQueue, eq(reports.handlerId, viewer.id)) : inQueue;
	const rows = db
		.select({
			report: reports,
			patientName: users.name,
			dateOfBirth: patientProfiles.dateOfBirth,
			handlerName: handler.name
		})
		.from(reports)
		.innerJoin(users, eq(users.id, reports.patientId))
		.innerJoin(patientProfiles, eq(patientProfiles.userId, reports.patientId))
		.leftJoin(handler, eq(handler.id, reports.handlerId))
		.where(and(ne(reports.status, 'resolved'), where))
		.orderBy(levelOrder, asc(reports.createdAt))
		.all();
	const raises = raisesOf(
		db,
		rows.map((x) => x.report.id)
	);
	return ok(
		rows.map(({ report: r, patientName, dateOfBirth, handlerName }) => ({
			id: r.id,
			reference: r.reference,
			level: r.level,
			levelLabel: levelLabel(r.level),
			status: r.status,
			queue: r.queue,
			createdAt: new Date(r.createdAt).toISOString(),
			respondBy: new Date(r.respondBy).toISOString(),
			overdue: r.status === 'open' && now > r.respondBy,
			escalationStep: r.escalationStep,
			patient: { firstName: firstName(patientName), age: Math.floor(ageInYears(dateOfBirth, now)), dateOfBirth },
			firstWords: firstWords(r.description),
			severity: r.severity,
			raisedBy: raises.get(r.id) ?? null,
			reasons: r.reasons.map((x) => ({ text: staffWording(x) })),
			deciding: toldSummary(r.told, r.reasons)
				.filter((x) => x.deciding)
				.map((x) => x.text),
			handler: r.handlerId && handlerName ? { id: r.handlerId, name: handlerName } : null,
			callback: {
				phone: r.callbackPhone,
				window: r.callbackWindow,
				windowLabel: callbackWindowLabel(r.callbackWindow),
				preference: r.contactPreference,
				cancelled: r.callbackCancelled
			}
		}))
	);
}

/** For each report, who last raised it and through what, from its events (one query for the whole queue). */
function raisesOf(db: Db, ids: readonly string[]): Map<string, string> {
	const out = new Map<string, string>();
	if (ids.length === 0) return out;
	const events = db
		.select({
			reportId: reportEvents.reportId,
			type: reportEvents.type,
			actorName: reportEvents.actorName,
			actorRole: reportEvents.actorRole,
			data: reportEvents.data
		})
		.from(reportEvents)
		.where(and(inArray(reportEvents.reportId, [...ids]), inArray(reportEvents.type, [...RAISE_EVENT_TYPES])))
		.orderBy(asc(reportEvents.seq))
		.all();
	const lastText = new Map<string, (typeof events)[number]>();
	for (const e of events) {
		if (carriesText(e)) lastText.set(e.reportId, e);
		else if (isLowering(e)) out.delete(e.reportId);
		else {
			const rise = riseBy(e, lastText.get(e.reportId));
			if (rise) out.set(e.reportId, rise);
		}
	}
	return out;
}
