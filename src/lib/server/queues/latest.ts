import { eq, max } from 'drizzle-orm';
import type { Db } from '../db';
import { reportEvents } from '../db/schema';

/**
 * The newest event sequence number a page's data already includes: a live
 * stream opened from here misses nothing that happened between load and connect.
 * With a report id, only that report's events count (a patient's page should
 * not learn how busy the whole clinic is).
 */
export function latestSeq(db: Db, reportId?: string): number {
	const query = db.select({ seq: max(reportEvents.seq) }).from(reportEvents);
	const row = (reportId === undefined ? query : query.where(eq(reportEvents.reportId, reportId))).get();
	return row?.seq ?? 0;
}
