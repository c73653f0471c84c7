/**
 * The append-only event log. Every state change of a report is one row here,
 * written in the same transaction as the report's projection. Rows chain by
 * hash: changing or removing any row breaks every hash after it.
 */
import { createHash } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { reportEvents } from '../db/schema';
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

function eventHash(prevHash: string, e: Hashed): string {
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
	return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends one event and returns its sequence number (also its id on the live stream). */
export function appendEvent(tx: Tx, event: NewEvent): number {
	const prevHash =
		tx.select({ hash: reportEvents.hash }).from(reportEvents).orderBy(desc(reportEvents.seq)).limit(1).get()?.hash ??
		GENESIS_HASH;
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
			hash: eventHash(prevHash, event)
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

/** Walks the whole chain; returns the first sequence number whose hash does not verify. */
export function verifyChain(db: Db): { ok: true; events: number } | { ok: false; brokenAt: number } {
	let prevHash = GENESIS_HASH;
	let count = 0;
	for (const row of db.select().from(reportEvents).orderBy(asc(reportEvents.seq)).all()) {
		const expected = eventHash(prevHash, {
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
		});
		if (row.prevHash !== prevHash || row.hash !== expected) return { ok: false, brokenAt: row.seq };
		prevHash = row.hash;
		count += 1;
	}
	return { ok: true, events: count };
}
