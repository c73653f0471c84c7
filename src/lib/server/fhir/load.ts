/** Reading what the FHIR export maps: reports with their events, the people in them, the access log. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { accessLog, patientProfiles, reportEvents, reports, users, type AccessLogRow } from '../db/schema';
import { listStaff } from '../auth/staff';
import { parseEvent, type ReportEvent } from '../reports/event-types';
import type { PatientRecord, ReportRecord, StaffRecord } from './map';

/** Every report (one patient's, when given) with its history, oldest report first. */
export function loadRecords(db: Db, patientId: string | null): ReportRecord[] {
	const rows = db
		.select()
		.from(reports)
		.where(patientId ? eq(reports.patientId, patientId) : undefined)
		.orderBy(asc(reports.createdAt), asc(reports.id))
		.all();
	const events = new Map<string, ReportEvent[]>(rows.map((r) => [r.id, []]));
	const eventRows = db
		.select({ event: reportEvents })
		.from(reportEvents)
		.innerJoin(reports, eq(reports.id, reportEvents.reportId))
		.where(patientId ? eq(reports.patientId, patientId) : undefined)
		.orderBy(asc(reportEvents.seq))
		.all();
	for (const { event } of eventRows) events.get(event.reportId)?.push(parseEvent(event));
	return rows.map((report) => ({ report, events: events.get(report.id) ?? [] }));
}

/** The access log (about one patient's reports, when given), oldest first, with each report's patient. */
export function loadAccesses(db: Db, patientId: string | null): { row: AccessLogRow; patientId: string }[] {
	return db
		.select({ row: accessLog, patientId: reports.patientId })
		.from(accessLog)
		.innerJoin(reports, eq(reports.id, accessLog.reportId))
		.where(patientId ? eq(reports.patientId, patientId) : undefined)
		.orderBy(asc(accessLog.seq))
		.all();
}

export function loadPatients(db: Db, ids: readonly string[]): PatientRecord[] {
	if (ids.length === 0) return [];
	return db
		.select({
			id: users.id,
			name: users.name,
			dateOfBirth: patientProfiles.dateOfBirth,
			phone: patientProfiles.phone,
			sex: patientProfiles.sex
		})
		.from(users)
		.innerJoin(patientProfiles, eq(patientProfiles.userId, users.id))
		.where(inArray(users.id, [...ids]))
		.orderBy(asc(users.id))
		.all();
}

/** Staff as their profiles are now, by id (the record's events keep who they were then). */
export function loadStaff(db: Db, ids: ReadonlySet<string>): StaffRecord[] {
	return listStaff(db).flatMap((s) =>
		ids.has(s.id) && s.role !== 'patient'
			? [{ id: s.id, name: s.name, role: s.role, channel: s.channel, credential: s.credential, team: s.team }]
			: []
	);
}
