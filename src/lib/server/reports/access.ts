/**
 * The access log: every time a staff member opens a report (page or API), who,
 * when, which report and from where. Rows chain by hash like the events, and
 * the signed checkpoints cover the head, so a removed row is found by
 * `audit:verify`. The patient sees who opened their report; nobody else does.
 */
import { createHash } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { accessLog, type AccessLogRow } from '../db/schema';
import type { SessionUser } from '../auth/session';
import type { AccessVia, ActorRole, Channel } from '../../vocabulary';
import { GENESIS_HASH } from './events';

type AccessContent = Omit<AccessLogRow, 'seq' | 'prevHash' | 'hash'>;

function accessHash(prevHash: string, row: AccessContent): string {
	const body = JSON.stringify([
		row.reportId,
		row.at,
		row.viewerId,
		row.viewerRole,
		row.viewerName,
		row.viewerChannel,
		row.viewerCredential,
		row.via
	]);
	return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Who read: a signed-in user, or an unattended job (`system`) with its own account row. */
export interface AccessViewer {
	id: string;
	role: ActorRole;
	name: string;
	staff: { channel: Channel; credential: string } | null;
}

/** Records that `viewer` (staff) opened the report. Patients opening their own are not logged. */
export function recordAccess(db: Db, viewer: SessionUser, reportId: string, via: AccessVia, now: number): void {
	recordAccesses(db, viewer, [reportId], via, now);
}

/** One access-log row per report, in one transaction: a FHIR page or a bulk export reads many at once. */
export function recordAccesses(
	db: Db,
	viewer: AccessViewer,
	reportIds: readonly string[],
	via: AccessVia,
	now: number
): void {
	if (viewer.role === 'patient' || reportIds.length === 0) return;
	db.transaction((tx) => {
		let prevHash =
			tx.select({ hash: accessLog.hash }).from(accessLog).orderBy(desc(accessLog.seq)).limit(1).get()?.hash ??
			GENESIS_HASH;
		for (const reportId of reportIds) {
			const row: AccessContent = {
				reportId,
				at: now,
				viewerId: viewer.id,
				viewerRole: viewer.role,
				viewerName: viewer.name,
				viewerChannel: viewer.staff?.channel ?? null,
				viewerCredential: viewer.staff?.credential ?? null,
				via
			};
			const hash = accessHash(prevHash, row);
			tx.insert(accessLog)
				.values({ ...row, prevHash, hash })
				.run();
			prevHash = hash;
		}
	});
}

/** Who opened this report, oldest first. */
export function accessesOf(db: Db, reportId: string): AccessLogRow[] {
	return db.select().from(accessLog).where(eq(accessLog.reportId, reportId)).orderBy(asc(accessLog.seq)).all();
}

/** Walks the access chain (rows in sequence order): the first row whose link does not verify. */
export function verifyAccessChain(all: readonly AccessLogRow[]): { ok: true } | { ok: false; brokenAt: number } {
	let prev = GENESIS_HASH;
	for (const row of all) {
		if (row.prevHash !== prev || row.hash !== accessHash(prev, row)) return { ok: false, brokenAt: row.seq };
		prev = row.hash;
	}
	return { ok: true };
}

/** Parses `?from=` on a staff report link: the queue and search pages say where they sent you. */
export function viaFrom(from: string | null): AccessVia {
	return from === 'queue' || from === 'search' ? from : 'link';
}
