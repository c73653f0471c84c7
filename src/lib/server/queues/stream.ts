/**
 * Server-sent events for queue pages and a patient's own reports. Each
 * message's id is the event's sequence number in the log, so a reconnecting
 * client (Last-Event-ID) is sent exactly what it missed, from the database.
 */
import { asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { reportEvents, reports } from '../db/schema';
import type { Viewer } from '../reports/permissions';
import type { LiveBus, LiveEvent } from './live';

const REPLAY_LIMIT = 1000;
const HEARTBEAT_MS = 25_000;

/**
 * What this viewer is told of an event, or null for nothing. Messages carry no
 * health details: the page fetches what it may see after a nudge.
 */
export function messageFor(viewer: Viewer, e: LiveEvent): Record<string, unknown> | null {
	switch (viewer.role) {
		case 'patient':
			return e.patientId === viewer.id ? { type: e.type, reportId: e.reportId, status: e.status } : null;
		case 'clinician':
		case 'admin':
			return { type: e.type, reportId: e.reportId, queue: e.queue, level: e.level, status: e.status };
		case 'support':
			// Support learns that the clinician queue changed (a report left theirs), not what is in it.
			return e.queue === 'support' || e.handlerId === viewer.id
				? { type: e.type, reportId: e.reportId, queue: e.queue, level: e.level, status: e.status }
				: { type: 'queue_changed', queue: 'clinician' };
	}
}

function missedSince(db: Db, lastSeq: number): LiveEvent[] {
	return db
		.select({
			seq: reportEvents.seq,
			type: reportEvents.type,
			at: reportEvents.at,
			reportId: reportEvents.reportId,
			patientId: reports.patientId,
			handlerId: reports.handlerId,
			queue: reports.queue,
			level: reports.level,
			status: reports.status
		})
		.from(reportEvents)
		.innerJoin(reports, eq(reports.id, reportEvents.reportId))
		.where(gt(reportEvents.seq, lastSeq))
		.orderBy(asc(reportEvents.seq))
		.limit(REPLAY_LIMIT)
		.all();
}

export function parseLastEventId(value: string | null): number | null {
	if (value === null || !/^\d{1,15}$/.test(value)) return null;
	return Number(value);
}

export function eventStream(
	db: Db,
	bus: LiveBus,
	viewer: Viewer,
	lastSeq: number | null,
	signal: AbortSignal
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let stop = () => {};
	return new ReadableStream<Uint8Array>({
		start(controller) {
			let sentUpTo = lastSeq ?? 0;
			const send = (e: LiveEvent) => {
				if (e.seq <= sentUpTo) return;
				sentUpTo = e.seq;
				const message = messageFor(viewer, e);
				if (message)
					controller.enqueue(encoder.encode(`id: ${e.seq}\nevent: report\ndata: ${JSON.stringify(message)}\n\n`));
				// Filtered events still advance the id so a reconnect does not replay them.
				else controller.enqueue(encoder.encode(`id: ${e.seq}\n\n`));
			};
			// Subscribe before replaying: anything committed meanwhile is queued, then de-duplicated by seq.
			const pending: LiveEvent[] = [];
			let replaying = true;
			const unsubscribe = bus.subscribe((e) => (replaying ? pending.push(e) : send(e)));
			controller.enqueue(encoder.encode('retry: 2000\n: connected\n\n'));
			if (lastSeq !== null) for (const e of missedSince(db, lastSeq)) send(e);
			replaying = false;
			for (const e of pending) send(e);

			const heartbeat = setInterval(() => controller.enqueue(encoder.encode(': keep-alive\n\n')), HEARTBEAT_MS);
			stop = () => {
				clearInterval(heartbeat);
				unsubscribe();
			};
			signal.addEventListener('abort', () => {
				stop();
				try {
					controller.close();
				} catch {
					// already closed by the client
				}
			});
		},
		cancel() {
			stop();
		}
	});
}
