/**
 * The two work queues. Open reports only, most urgent first, then oldest
 * first. Support staff see the support queue and what they hold; clinicians
 * see both queues.
 */
import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import { patientProfiles, reports, users } from '../db/schema';
import { problem, ok, type Result } from '../problem';
import { ageInYears } from '../reports/submit';
import { firstName } from '../reports/views';
import type { Viewer } from '../reports/permissions';
import type { FiredRule, TriageLevel } from '../../triage/types';
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
	patient: { firstName: string; age: number | null };
	reasons: { id: string; clinicianText: string }[];
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
			patient: { firstName: firstName(patientName), age: Math.floor(ageInYears(dateOfBirth, now)) },
			reasons: (r.reasons as FiredRule[]).map((x) => ({ id: x.id, clinicianText: x.clinicianText })),
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
