/**
 * Commands on an existing report, by staff and by the patient. Each one checks
 * the rules on the server, changes the projection and appends its event in one
 * transaction (see `transact`), whichever path (form or API) called it.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db';
import { patientProfiles, reports, users, type ReportRow } from '../db/schema';
import { ok, problem, type Result } from '../problem';
import { deadlineFrom, routeFor } from '../queues/routing';
import { triage } from '../../triage';
import { levelRank, maxLevel, type FiredRule, type TriageLevel } from '../../triage/types';
import { LOWERING_REASON_MIN } from '../../schemas';
import type { CallbackWindow, ContactOutcome, Disposition } from '../../vocabulary';
import type { SessionUser } from '../auth/session';
import { transact, type Ctx } from './context';
import { TRIAGE_SYSTEM_ACTOR, type Actor, type NewEvent } from './events';
import {
	canAddNote,
	canChangeLevel,
	canClaim,
	canEscalate,
	canResolve,
	canView,
	canWork,
	isClinicalLevel,
	isLowering
} from './permissions';
import { ageInYears } from './submit';

type Recorder = (event: NewEvent) => void;
type Changes = Partial<typeof reports.$inferInsert>;

export function actorOf(user: SessionUser): Actor {
	return {
		id: user.id,
		role: user.role,
		name: user.name,
		channel: user.staff?.channel ?? null,
		credential: user.staff?.credential ?? null,
		team: user.staff?.team ?? null
	};
}

/** A report this user may see, or not_found: a report they may not see does not exist for them. */
function load(tx: Tx, user: SessionUser, reportId: string): Result<ReportRow> {
	const report = tx.select().from(reports).where(eq(reports.id, reportId)).get();
	if (!report || !canView(user, report)) return problem('not_found', 'No report with that id.');
	return ok(report);
}

/**
 * An open report this user may see and act on: missing or not theirs to see (404), not theirs
 * to do this to (403, with `refusal`), or already closed (409).
 */
function openFor(
	tx: Tx,
	user: SessionUser,
	reportId: string,
	allowed: (report: ReportRow) => boolean,
	refusal: string
): Result<ReportRow> {
	const found = load(tx, user, reportId);
	if (!found.ok) return found;
	const report = found.value;
	if (!allowed(report)) return forbidden(refusal);
	return report.status === 'resolved'
		? problem('invalid_state', `Report ${report.reference} is already closed.`)
		: ok(report);
}

function update(tx: Tx, report: ReportRow, changes: Changes, now: number): ReportRow {
	return tx
		.update(reports)
		.set({ ...changes, updatedAt: now })
		.where(eq(reports.id, report.id))
		.returning()
		.get();
}

/** A fresh acknowledgement deadline for the level, with the escalation ladder reset to its first rung. */
function freshDeadline(level: TriageLevel, now: number): Changes {
	const respondBy = deadlineFrom(now, routeFor(level).acknowledgeWithin);
	return { respondBy, acknowledgedAt: null, escalationStep: 0, nextEscalationAt: respondBy };
}

/**
 * Moves a report to `level` (never used to lower: callers decide that) and the
 * queue that level belongs to. Support staff cannot hold clinical work, so a
 * support claim is released when the report becomes urgent.
 */
function routeTo(report: ReportRow, level: TriageLevel, now: number, handlerRole: string | null): Changes {
	const changes: Changes = { level, queue: routeFor(level).queue };
	if (isClinicalLevel(level) && handlerRole === 'support') {
		return { ...changes, handlerId: null, status: 'open', ...freshDeadline(level, now) };
	}
	if (report.status !== 'open') return changes;
	// Still waiting: the deadline can only come closer, and a ladder already climbing keeps climbing.
	const candidate = deadlineFrom(now, routeFor(level).acknowledgeWithin);
	const respondBy = Math.min(report.respondBy, candidate);
	const nextEscalationAt =
		report.escalationStep === 0 ? respondBy : Math.min(report.nextEscalationAt ?? candidate, candidate);
	return { ...changes, respondBy, nextEscalationAt };
}

function handlerRole(tx: Tx, report: ReportRow): string | null {
	if (!report.handlerId) return null;
	return tx.select({ role: users.role }).from(users).where(eq(users.id, report.handlerId)).get()?.role ?? null;
}

/**
 * Raises a report to `level` and its queue (with `extra` changes). When that
 * takes it out of a support staff member's hands, the release is an event of
 * its own, so the patient's page never names a handler who no longer has it.
 */
function raiseTo(
	tx: Tx,
	report: ReportRow,
	level: TriageLevel,
	now: number,
	record: Recorder,
	extra: Changes = {}
): ReportRow {
	const updated = update(tx, report, { ...extra, ...routeTo(report, level, now, handlerRole(tx, report)) }, now);
	if (report.handlerId !== null && updated.handlerId === null) {
		record({
			reportId: report.id,
			type: 'released',
			at: now,
			actor: TRIAGE_SYSTEM_ACTOR,
			data: { reason: 'Now urgent: handed from support staff to the clinicians.' }
		});
	}
	return updated;
}

export interface Retriaged {
	report: ReportRow;
	/** Set when the new text raised the level: what the author of the text is shown. */
	raised: { from: TriageLevel; to: TriageLevel; reasons: FiredRule[] } | null;
}

/**
 * Re-triages everything the report's text now says. If the new text raises the
 * automated level, the report rises with it at once; it never falls by itself.
 */
function retriage(tx: Tx, report: ReportRow, newText: string, now: number, record: Recorder): Retriaged {
	const profile = tx.select().from(patientProfiles).where(eq(patientProfiles.userId, report.patientId)).get();
	const triageText = `${report.triageText}\n${newText}`;
	const decision = triage({
		text: triageText,
		emergencyScreen: report.emergencyScreen,
		ageYears: profile ? ageInYears(profile.dateOfBirth, now) : null,
		sex: profile?.sex ?? null,
		pregnant: report.pregnant,
		severity: report.severity,
		durationHours: report.durationHours
	});
	const changes: Changes = {
		triageText,
		autoLevel: maxLevel(report.autoLevel, decision.level),
		crisisLine: report.crisisLine || decision.crisisLine
	};
	const rises =
		levelRank(decision.level) > levelRank(report.autoLevel) && levelRank(decision.level) > levelRank(report.level);
	if (!rises) return { report: update(tx, report, changes, now), raised: null };

	record({
		reportId: report.id,
		type: 'level_changed',
		at: now,
		actor: TRIAGE_SYSTEM_ACTOR,
		data: {
			from: report.level,
			to: decision.level,
			queue: routeFor(decision.level).queue,
			reason: 'New information was re-triaged.',
			rules: decision.reasons.map((r) => r.id),
			ruleSetVersion: decision.ruleSetVersion
		}
	});
	const updated = raiseTo(tx, report, decision.level, now, record, {
		...changes,
		reasons: decision.reasons,
		ruleSetVersion: decision.ruleSetVersion
	});
	return { report: updated, raised: { from: report.level, to: decision.level, reasons: decision.reasons } };
}

const forbidden = (message: string) => problem('forbidden', message);
const ONLY_CLINICIANS_CHANGE_LEVELS = 'Only a clinician can change a triage level. Use "Escalate" to hand it to one.';
const CLINICAL_ONLY =
	'Urgent and emergency reports are handled by clinicians only. Use "Escalate" to hand a report to them.';

export function claim(ctx: Ctx, user: SessionUser, reportId: string): Result<ReportRow> {
	return transact(ctx, (tx, record) => {
		const found = load(tx, user, reportId);
		if (!found.ok) return found;
		const report = found.value;
		if (report.status === 'resolved') return problem('invalid_state', 'This report is already closed.');
		if (!canClaim(user, report)) return forbidden(CLINICAL_ONLY);
		if (report.handlerId === user.id) return ok(report);
		if (report.handlerId) return problem('invalid_state', 'Someone else has already claimed this report.');
		const updated = update(
			tx,
			report,
			{
				status: 'claimed',
				handlerId: user.id,
				acknowledgedAt: report.acknowledgedAt ?? ctx.now,
				nextEscalationAt: null
			},
			ctx.now
		);
		record({ reportId, type: 'claimed', at: ctx.now, actor: actorOf(user), data: {} });
		return ok(updated);
	});
}

export function release(ctx: Ctx, user: SessionUser, reportId: string): Result<ReportRow> {
	return transact(ctx, (tx, record) => {
		const found = load(tx, user, reportId);
		if (!found.ok) return found;
		const report = found.value;
		if (report.status !== 'claimed') return problem('invalid_state', 'This report is not claimed.');
		if (report.handlerId !== user.id) return forbidden('Only the person handling a report can release it.');
		// Back in the queue, it needs acknowledging again: the deadline ladder starts over.
		const updated = update(
			tx,
			report,
			{ status: 'open', handlerId: null, ...freshDeadline(report.level, ctx.now) },
			ctx.now
		);
		record({ reportId, type: 'released', at: ctx.now, actor: actorOf(user), data: {} });
		return ok(updated);
	});
}

export function addNote(ctx: Ctx, user: SessionUser, reportId: string, text: string): Result<Retriaged> {
	return transact(ctx, (tx, record) => {
		const report = openFor(tx, user, reportId, () => canAddNote(user), 'Your account cannot add notes.');
		if (!report.ok) return report;
		record({ reportId, type: 'note_added', at: ctx.now, actor: actorOf(user), data: { text } });
		return ok(retriage(tx, report.value, text, ctx.now, record));
	});
}

export interface ContactInput {
	outcome: ContactOutcome;
	note?: string | undefined;
	emergencyAdviceLeft?: boolean | undefined;
}

export function logContactAttempt(
	ctx: Ctx,
	user: SessionUser,
	reportId: string,
	input: ContactInput
): Result<Retriaged> {
	return transact(ctx, (tx, record) => {
		const report = openFor(tx, user, reportId, (r) => canWork(user, r), CLINICAL_ONLY);
		if (!report.ok) return report;
		const reached = input.outcome === 'reached';
		const current = update(
			tx,
			report.value,
			{
				contactReached: report.value.contactReached || reached,
				failedAttempts: report.value.failedAttempts + (reached ? 0 : 1),
				emergencyAdviceLeft: report.value.emergencyAdviceLeft || (input.emergencyAdviceLeft ?? false),
				// Calling the patient is acknowledging the report.
				acknowledgedAt: report.value.acknowledgedAt ?? ctx.now,
				nextEscalationAt: null
			},
			ctx.now
		);
		record({
			reportId,
			type: 'contact_attempted',
			at: ctx.now,
			actor: actorOf(user),
			data: {
				outcome: input.outcome,
				note: input.note ?? null,
				emergencyAdviceLeft: input.emergencyAdviceLeft ?? false
			}
		});
		return ok(input.note ? retriage(tx, current, input.note, ctx.now, record) : { report: current, raised: null });
	});
}

export function escalate(ctx: Ctx, user: SessionUser, reportId: string, reason: string): Result<ReportRow> {
	return transact(ctx, (tx, record) => {
		const report = openFor(tx, user, reportId, () => canEscalate(user), 'Your account cannot escalate reports.');
		if (!report.ok) return report;
		if (report.value.queue === 'clinician' && isClinicalLevel(report.value.level)) {
			return problem('invalid_state', 'This report is already with the clinicians.');
		}
		const to = maxLevel(report.value.level, 'urgent');
		record({
			reportId,
			type: 'escalated',
			at: ctx.now,
			actor: actorOf(user),
			data: { reason, from: report.value.level, to }
		});
		return ok(raiseTo(tx, report.value, to, ctx.now, record));
	});
}

export function changeLevel(
	ctx: Ctx,
	user: SessionUser,
	reportId: string,
	to: TriageLevel,
	reason: string
): Result<ReportRow> {
	return transact(ctx, (tx, record) => {
		const report = openFor(tx, user, reportId, () => canChangeLevel(user), ONLY_CLINICIANS_CHANGE_LEVELS);
		if (!report.ok) return report;
		const from = report.value.level;
		if (from === to) return problem('invalid_state', `The report is already ${to}.`);
		if (isLowering(from, to) && reason.length < LOWERING_REASON_MIN) {
			return problem(
				'rule_violation',
				`Lowering a level needs a written reason of at least ${LOWERING_REASON_MIN} characters.`,
				{
					reason: `At least ${LOWERING_REASON_MIN} characters when lowering.`
				}
			);
		}
		const queue = routeFor(to).queue;
		record({ reportId, type: 'level_changed', at: ctx.now, actor: actorOf(user), data: { from, to, queue, reason } });
		if (!isLowering(from, to)) return ok(raiseTo(tx, report.value, to, ctx.now, record));
		const deadline = report.value.status === 'open' ? freshDeadline(to, ctx.now) : {};
		return ok(update(tx, report.value, { level: to, queue, ...deadline }, ctx.now));
	});
}

export interface ResolveInput {
	outcome: string;
	disposition: Disposition;
}

export function resolve(ctx: Ctx, user: SessionUser, reportId: string, input: ResolveInput): Result<ReportRow> {
	return transact(ctx, (tx, record) => {
		const report = openFor(tx, user, reportId, (r) => canResolve(user, r), CLINICAL_ONLY);
		if (!report.ok) return report;
		const r = report.value;
		if (r.handlerId !== user.id) return problem('invalid_state', 'Claim the report before closing it.');
		// Invariant 5: urgent care is never closed without a real attempt to reach the patient.
		if (isClinicalLevel(r.level) && !r.contactReached && !(r.failedAttempts >= 3 && r.emergencyAdviceLeft)) {
			return problem(
				'rule_violation',
				'An urgent or emergency report can be closed only after reaching the patient, or after three failed attempts with emergency advice left.'
			);
		}
		const updated = update(tx, r, { status: 'resolved', resolvedAt: ctx.now, nextEscalationAt: null }, ctx.now);
		record({
			reportId,
			type: 'resolved',
			at: ctx.now,
			actor: actorOf(user),
			data: { outcome: input.outcome, disposition: input.disposition }
		});
		return ok(updated);
	});
}

function patientActor(user: SessionUser): Actor {
	return { id: user.id, role: 'patient', name: user.name, channel: null, credential: null, team: null };
}

export function addPatientUpdate(ctx: Ctx, user: SessionUser, reportId: string, text: string): Result<Retriaged> {
	return transact(ctx, (tx, record) => {
		const report = openFor(tx, user, reportId, () => true, '');
		if (!report.ok) return report;
		record({ reportId, type: 'patient_update', at: ctx.now, actor: patientActor(user), data: { text } });
		return ok(retriage(tx, report.value, text, ctx.now, record));
	});
}

/** "I think this needs a nurse now": the patient's word puts it with clinicians on the urgent deadline. */
export function requestClinician(ctx: Ctx, user: SessionUser, reportId: string): Result<ReportRow> {
	return transact(ctx, (tx, record) => {
		const report = openFor(tx, user, reportId, () => true, '');
		if (!report.ok) return report;
		const r = report.value;
		if (r.queue === 'clinician' && isClinicalLevel(r.level)) return ok(r);
		const to = maxLevel(r.level, 'urgent');
		record({
			reportId,
			type: 'clinician_requested',
			at: ctx.now,
			actor: patientActor(user),
			data: { from: r.level, to }
		});
		return ok(raiseTo(tx, r, to, ctx.now, record));
	});
}

export interface CallbackInput {
	callbackPhone?: string | undefined;
	callbackWindow?: CallbackWindow | undefined;
	cancelled?: boolean | undefined;
}

export function updateCallback(ctx: Ctx, user: SessionUser, reportId: string, input: CallbackInput): Result<ReportRow> {
	return transact(ctx, (tx, record) => {
		const report = openFor(tx, user, reportId, () => true, '');
		if (!report.ok) return report;
		const r = report.value;
		const changes: Changes = {
			callbackPhone: input.callbackPhone ?? r.callbackPhone,
			callbackWindow: input.callbackWindow ?? r.callbackWindow,
			callbackCancelled: input.cancelled ?? r.callbackCancelled
		};
		const updated = update(tx, r, changes, ctx.now);
		record({
			reportId,
			type: 'callback_changed',
			at: ctx.now,
			actor: patientActor(user),
			data: {
				callbackPhone: updated.callbackPhone,
				callbackWindow: updated.callbackWindow,
				cancelled: updated.callbackCancelled
			}
		});
		return ok(updated);
	});
}
