/**
 * The append-only event log. Every state change of a report is one row here,
 * written in the same transaction as the report's projection. Rows chain by
 * hash: changing or removing any row breaks every hash after it.
 */
import { createHash } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { reportEvents, type ReportEventRow } from '../db/schema';
import type { ActorRole, Channel } from '../../vocabulary';
import { parseEvent, type EventPayload, type ReportEvent } from './event-types';

export const GENESIS_HASH = '0'.repeat(64);

/** Who acted, as they were at that moment (a later profile change does not rewrite history). */
export interface Actor {
	id: string | null;
	role: ActorRole;
	name: string | null;
	channel: Channel | null;
	credential: string | null;
	team: string | null;
}

export const TRIAGE_SYSTEM_ACTOR: Actor = {
	id: null,
	role: 'system',
	name: 'Clearline automated triage',
	channel: null,
	credential: null,
	team: null
};

/** The deadline monitor: escalation steps are its events, not anybody's. */
export const DEADLINE_SYSTEM_ACTOR: Actor = {
	id: null,
	role: 'system',
	name: 'Clearline deadline monitor',
	channel: null,
	credential: null,
	team: null
};

/** Account administration: a disabled account's reports are released by it, not by anybody. */
export const ACCOUNTS_SYSTEM_ACTOR: Actor = {
	id: null,
	role: 'system',
	name: 'Clearline account administration',
	channel: null,
	credential: null,
	team: null
};

/** An event to append: its report, time and actor, and a payload typed by its event type. */
export type NewEvent = { reportId: string; at: number; actor: Actor } & EventPayload;

/** What a hash covers: an event's report, type, time, actor snapshot and payload, as stored. */
interface Hashed {
	reportId: string;
	type: string;
	at: number;
	actor: Actor;
	data: unknown;
}

/**
 * An event's hash covers the previous event's hash (the global chain), the previous hash of the
 * same report (its own chain, so one report's history verifies on its own) and its content.
 * Events from before the report chain was kept (`reportPrev` null) hash as they were written.
 */
function eventHash(prevHash: string, e: Hashed, reportPrev: string | null): string {
	const body = JSON.stringify([
		e.reportId,
		e.type,
		e.at,
		e.actor.id,
		e.actor.role,
		e.actor.name,
		e.actor.channel,
		e.actor.credential,
		e.actor.team,
		e.data
	]);
	const h = createHash('sha256').update(prevHash).update('\n');
	if (reportPrev !== null) h.update(reportPrev).update('\n');
	return h.update(body).digest('hex');
}

/** Appends one event and returns its sequence number (also its id on the live stream). */
export function appendEvent(tx: Tx, event: NewEvent): number {
	const prevHash =
		tx.select({ hash: reportEvents.hash }).from(reportEvents).orderBy(desc(reportEvents.seq)).limit(1).get()?.hash ??
		GENESIS_HASH;
	const reportPrevHash =
		tx
			.select({ hash: reportEvents.hash })
			.from(reportEvents)
			.where(eq(reportEvents.reportId, event.reportId))
			.orderBy(desc(reportEvents.seq))
			.limit(1)
			.get()?.hash ?? GENESIS_HASH;
	return tx
		.insert(reportEvents)
		.values({
			reportId: event.reportId,
			type: event.type,
			at: event.at,
			actorId: event.actor.id,
			actorRole: event.actor.role,
			actorName: event.actor.name,
			actorChannel: event.actor.channel,
			actorCredential: event.actor.credential,
			actorTeam: event.actor.team,
			data: event.data,
			prevHash,
			reportPrevHash,
			hash: eventHash(prevHash, event, reportPrevHash)
		})
		.returning({ seq: reportEvents.seq })
		.get().seq;
}

/** A report's history, oldest first, with typed payloads. */
export function eventsOf(db: Db, reportId: string): ReportEvent[] {
	return db
		.select()
		.from(reportEvents)
		.where(eq(reportEvents.reportId, reportId))
		.orderBy(asc(reportEvents.seq))
		.all()
		.map(parseEvent);
}

function rowHash(row: ReportEventRow): string {
	return eventHash(
		row.prevHash,
		{
			reportId: row.reportId,
			type: row.type,
			at: row.at,
			actor: {
				id: row.actorId,
				role: row.actorRole,
				name: row.actorName,
				channel: row.actorChannel,
				credential: row.actorCredential,
				team: row.actorTeam
			},
			data: row.data
		},
		row.reportPrevHash
	);
}

/**
 * One report's history, checked on its own (without reading anyone else's events): every event's
 * hash recomputes from what it stores, and each links to the report's previous event.
 */
export function verifyReportHistory(rows: readonly ReportEventRow[]): { ok: true } | { ok: false; brokenAt: number } {
	let reportPrev = GENESIS_HASH;
	for (const row of rows) {
		if (row.reportPrevHash === null) {
			reportPrev = row.hash; // written before reports had their own chain: the global chain covers it
			continue;
		}
		if (row.reportPrevHash !== reportPrev || row.hash !== rowHash(row)) return { ok: false, brokenAt: row.seq };
		reportPrev = row.hash;
	}
	return { ok: true };
}

/** Walks the whole chain and each report's own; returns the first sequence number whose hash does not verify. */
export function verifyChain(db: Db): { ok: true; events: number } | { ok: false; brokenAt: number } {
	return verifyEventRows(db.select().from(reportEvents).orderBy(asc(reportEvents.seq)).all());
}

/** The same walk over rows already read (in sequence order), so the audit reads the log once. */
export function verifyEventRows(
	rows: readonly ReportEventRow[]
): { ok: true; events: number } | { ok: false; brokenAt: number } {
	let prevHash = GENESIS_HASH;
	const lastOfReport = new Map<string, string>();
	let count = 0;
	for (const row of rows) {
		const reportPrev = lastOfReport.get(row.reportId) ?? GENESIS_HASH;
		if (row.reportPrevHash !== null && row.reportPrevHash !== reportPrev) return { ok: false, brokenAt: row.seq };
		if (row.prevHash !== prevHash || row.hash !== rowHash(row)) return { ok: false, brokenAt: row.seq };
		prevHash = row.hash;
		lastOfReport.set(row.reportId, row.hash);
		count += 1;
	}
	return { ok: true, events: count };
}
