import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { reports, type ReportRow } from '../db/schema';
import type { LiveBus } from '../queues/live';
import type { Result } from '../problem';
import { appendEvent, type NewEvent } from './events';

/** What every report command needs: the database, the time of the command, and where to announce changes. */
export interface Ctx {
	db: Db;
	now: number;
	/** Where committed events are announced (the live bus, or a group commit's buffer until its commit). */
	bus: Pick<LiveBus, 'publish'>;
}

/**
 * Runs a command in one transaction. Events it records are written with the
 * projection change or not at all; they are announced only after the commit.
 */
export function transact<T>(ctx: Ctx, command: (tx: Tx, record: (event: NewEvent) => void) => Result<T>): Result<T> {
	const recorded: { seq: number; event: NewEvent }[] = [];
	try {
		const result = ctx.db.transaction((tx) => {
			const outcome = command(tx, (event) => recorded.push({ seq: appendEvent(tx, event), event }));
			// A refused command writes nothing, even if it recorded events before refusing.
			if (!outcome.ok) throw new Refused(outcome);
			return outcome;
		});
		announce(ctx, recorded);
		return result;
	} catch (error) {
		if (error instanceof Refused) return error.outcome as Result<T>;
		throw error;
	}
}

class Refused {
	constructor(readonly outcome: Result<unknown>) {}
}

function announce(ctx: Ctx, recorded: { seq: number; event: NewEvent }[]): void {
	const states = new Map<string, Pick<ReportRow, 'patientId' | 'handlerId' | 'queue' | 'level' | 'status'>>();
	for (const { seq, event } of recorded) {
		let state = states.get(event.reportId);
		if (!state) {
			state = ctx.db
				.select({
					patientId: reports.patientId,
					handlerId: reports.handlerId,
					queue: reports.queue,
					level: reports.level,
					status: reports.status
				})
				.from(reports)
				.where(eq(reports.id, event.reportId))
				.get();
			if (!state) continue;
			states.set(event.reportId, state);
		}
		ctx.bus.publish({ seq, type: event.type, reportId: event.reportId, at: event.at, ...state });
	}
}
