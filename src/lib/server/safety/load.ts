/** Reading a period's reports and their history for the safety figures. */
import { and, asc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { reportEvents, reports } from '../db/schema';
import { EVENT_PAYLOADS, parseEvent } from '../reports/event-types';
import { FOLLOW_UP_WINDOW_MS, safetyFigures, type SafetyFigures, type SafetyInput } from './figures';

export interface SafetyPeriod {
	/** Reports submitted from `from` (inclusive) to `to` (exclusive), epoch ms. */
	from: number;
	to: number;
	/** One clinic, or every clinic when null. */
	clinicId: string | null;
}

export function loadSafetyInput(db: Db, period: SafetyPeriod, now: number): SafetyInput {
	const inPeriod: SQL[] = [gte(reports.createdAt, period.from), lt(reports.createdAt, period.to)];
	if (period.clinicId) inPeriod.push(eq(reports.clinicId, period.clinicId));
	const where = and(...inPeriod);
	const periodReports = db.select().from(reports).where(where).orderBy(asc(reports.createdAt)).all();
	const events = db
		.select({ event: reportEvents })
		.from(reportEvents)
		.innerJoin(reports, eq(reports.id, reportEvents.reportId))
		.where(where)
		.orderBy(asc(reportEvents.seq))
		.all()
		.map((row) => parseEvent(row.event));
	const patients = new Set(periodReports.map((r) => r.patientId));
	// The same patients' reports as they were sent: the level of their first triage, not what it became.
	const laterReports = db
		.select({
			id: reports.id,
			reference: reports.reference,
			patientId: reports.patientId,
			createdAt: reports.createdAt,
			triaged: reportEvents.data
		})
		.from(reports)
		.innerJoin(reportEvents, and(eq(reportEvents.reportId, reports.id), eq(reportEvents.type, 'triaged')))
		.where(and(gte(reports.createdAt, period.from), lt(reports.createdAt, period.to + FOLLOW_UP_WINDOW_MS)))
		.orderBy(asc(reports.createdAt))
		.all()
		.filter((r) => patients.has(r.patientId))
		.map(({ triaged, ...r }) => ({ ...r, sentAs: EVENT_PAYLOADS.triaged.parse(triaged).level }));
	return { reports: periodReports, events, laterReports, now };
}

export function loadSafetyFigures(db: Db, period: SafetyPeriod, now: number): SafetyFigures {
	return safetyFigures(loadSafetyInput(db, period, now));
}
