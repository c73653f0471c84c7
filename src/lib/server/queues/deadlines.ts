/**
 * The escalation ladder (DESIGN.md invariant 6). Computed only from stored
 * timestamps: a report that fell due while the server was down escalates on
 * the first check after start-up, and a restart loses nothing.
 */
import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import { reports, type ReportRow } from '../db/schema';
import { ok } from '../problem';
import type { TriageLevel } from '../../triage/types';
import { transact, type Ctx } from '../reports/context';
import { DEADLINE_SYSTEM_ACTOR } from '../reports/events';

const MINUTE = 60_000;

export const LAST_STEP = 2;

/** How long after re-alerting clinicians the clinical lead is alerted. */
export function nextRungAfter(level: TriageLevel): number {
	switch (level) {
		case 'emergency':
			return 5 * MINUTE;
		case 'urgent':
			return 10 * MINUTE;
		case 'routine':
		case 'admin':
			return 4 * 60 * MINUTE;
	}
}

export function whoIsAlerted(step: number): 'on_duty_clinicians' | 'clinical_lead' {
	return step <= 1 ? 'on_duty_clinicians' : 'clinical_lead';
}

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
		const result = transact(ctx, (tx, record) => {
			// Re-read inside the transaction: a claim may have landed since the scan.
			const r = tx.select().from(reports).where(eq(reports.id, id)).get();
			if (!r || r.status !== 'open' || r.nextEscalationAt === null || r.nextEscalationAt > ctx.now) return ok(null);
			const step = Math.min(r.escalationStep + 1, LAST_STEP);
			const updated = tx
				.update(reports)
				.set({
					escalationStep: step,
					nextEscalationAt: step < LAST_STEP ? ctx.now + nextRungAfter(r.level) : null,
					updatedAt: ctx.now
				})
				.where(eq(reports.id, id))
				.returning()
				.get();
			record({
				reportId: id,
				type: 'deadline_missed',
				at: ctx.now,
				actor: DEADLINE_SYSTEM_ACTOR,
				data: { step, alerted: whoIsAlerted(step), respondBy: r.respondBy }
			});
			return ok(updated);
		});
		if (result.ok && result.value) escalated.push(result.value);
	}
	return escalated;
}

/** Checks deadlines now (catching up on anything that fell due while the server was down), then every `intervalMs`. */
export function startDeadlineMonitor(
	context: () => Ctx,
	intervalMs: number,
	onError: (error: unknown) => void
): () => void {
	const tick = () => {
		try {
			escalateOverdue(context());
		} catch (error) {
			onError(error);
		}
	};
	tick();
	// unref: the HTTP server keeps the process alive; the monitor must not keep it from shutting down.
	const timer = setInterval(tick, intervalMs).unref();
	return () => clearInterval(timer);
}
