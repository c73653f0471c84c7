/**
 * The escalation ladder (DESIGN.md invariant 6). Computed only from stored
 * timestamps: a report that fell due while the server was down escalates on
 * the first check after start-up, and a restart loses nothing.
 */
import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import { reports, users, type ReportRow } from '../db/schema';
import type { Ctx } from '../reports/context';
import { run } from '../reports/actions';

export { LAST_STEP, nextRungAfter, whoIsAlerted } from './ladder';

/** Climbs one rung for every unacknowledged report whose next rung is due. Returns the reports escalated. */
export function escalateOverdue(ctx: Ctx, limit = 500): ReportRow[] {
	const due = ctx.db
		.select({ id: reports.id })
		.from(reports)
		.where(and(eq(reports.status, 'open'), isNotNull(reports.nextEscalationAt), lte(reports.nextEscalationAt, ctx.now)))
		.orderBy(asc(reports.nextEscalationAt))
		.limit(limit)
		.all();
	const escalated: ReportRow[] = [];
	for (const { id } of due) {
		// Decided inside the transaction on the report as it is then: a claim may have landed since the scan.
		const result = run(ctx, null, id, { type: 'deadline_check' });
		if (result.ok && result.value.events.length > 0) escalated.push(result.value.report);
	}
	return escalated;
}

/**
 * Hands back to the queue every open report held by a disabled account (called when an account
 * is disabled, and on every deadline check, so a crash in between cannot strand one).
 */
export function releaseFromDisabledAccounts(ctx: Ctx): ReportRow[] {
	const held = ctx.db
		.select({ id: reports.id })
		.from(reports)
		.innerJoin(users, eq(users.id, reports.handlerId))
		.where(and(eq(reports.status, 'claimed'), isNotNull(users.disabledAt)))
		.all();
	const released: ReportRow[] = [];
	for (const { id } of held) {
		const result = run(ctx, null, id, { type: 'release_disabled' });
		if (result.ok && result.value.events.length > 0) released.push(result.value.report);
	}
	return released;
}

/** Checks deadlines now (catching up on anything that fell due while the server was down), then every `intervalMs`. */
export function startDeadlineMonitor(
	context: () => Ctx,
	intervalMs: number,
	onError: (error: unknown) => void
): () => void {
	const tick = () => {
		try {
			const ctx = context();
			releaseFromDisabledAccounts(ctx);
			escalateOverdue(ctx);
		} catch (error) {
			onError(error);
		}
	};
	tick();
	// unref: the HTTP server keeps the process alive; the monitor must not keep it from shutting down.
	const timer = setInterval(tick, intervalMs).unref();
	return () => clearInterval(timer);
}
