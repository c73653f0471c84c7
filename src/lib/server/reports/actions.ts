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
import { levelRank, maxLevel, type FiredRule, type TriageDecision, type TriageLevel } from '../../triage/types';
import type { LoweringReasonCode } from '../../schemas';
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
import { CONTACT_RESET, closingRefusal, contactEffect, loweringRefusal, rises, risenLevel } from './policy';
import { ageInYears, submitReport } from './submit';

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
	// Only contact after the last rise counts toward closing (DESIGN 8): the count starts again.
	const reset = levelRank(level) > levelRank(report.level) ? CONTACT_RESET : {};
	const changes: Changes = { level, queue: routeFor(level).queue, ...reset };
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

/** Who wrote new text: the patient, non-clinical staff, or a clinician. */
type TextAuthor = 'patient' | 'support' | 'clinician';

const authorOf = (user: SessionUser): TextAuthor => (user.role === 'clinician' ? 'clinician' : 'support');

/**
 * A decision as it applies to text from `author`. Words the engine cannot place go to a
 * clinician (DESIGN 10) when a patient or non-clinical staff wrote them: a call-center agent's
 * "pt says he feels like he's going to die" must reach a nurse. A clinician's own note is
 * already a clinician looking: it raises the report through the rules and recognised findings,
 * not through the catch-all (their wording is clinical shorthand the engine was not built for).
 */
function readAs(author: TextAuthor, d: TriageDecision): TriageDecision {
	if (author !== 'clinician') return d;
	const reasons = d.reasons.filter((r) => r.id !== NOT_UNDERSTOOD);
	if (reasons.length === d.reasons.length) return d;
	const level = reasons.reduce<TriageLevel>((m, r) => maxLevel(m, r.level), 'admin');
	return { ...d, level, reasons };
}
const NOT_UNDERSTOOD = 'engine.not_understood';

/** The triage input for a report's patient, without the text: read once, used for every reading. */
function triageFacts(tx: Tx, report: ReportRow, now: number): Omit<Parameters<typeof triage>[0], 'text'> {
	const profile = tx.select().from(patientProfiles).where(eq(patientProfiles.userId, report.patientId)).get();
	return {
		emergencyScreen: report.emergencyScreen,
		ageYears: profile ? ageInYears(profile.dateOfBirth, now) : null,
		sex: profile?.sex ?? null,
		pregnant: report.pregnant,
		severity: report.severity,
		durationHours: report.durationHours
	};
}

/**
 * Re-triages everything the report's text now says, and the new text on its own, against the
 * report's *current* level (DESIGN 7). If either reads higher, the report rises at once; a
 * clinician's lowering covers only the text they saw (see `rises`). It never falls by itself.
 */
function retriage(
	tx: Tx,
	report: ReportRow,
	newText: string,
	now: number,
	record: Recorder,
	author: TextAuthor = 'patient'
): Retriaged {
	const triageText = `${report.triageText}\n${newText}`;
	const facts = triageFacts(tx, report, now);
	const full = readAs(author, triage({ ...facts, text: triageText }));
	const alone = readAs(author, triage({ ...facts, text: newText, emergencyScreen: [] }));
	const changes: Changes = {
		triageText,
		autoLevel: maxLevel(report.autoLevel, maxLevel(full.level, alone.level)),
		crisisLine: report.crisisLine || full.crisisLine || alone.crisisLine
	};
	if (!rises(report, full.level, alone.level)) return { report: update(tx, report, changes, now), raised: null };

	const to = risenLevel(full.level, alone.level);
	const decision = to === full.level ? full : alone;
	record({
		reportId: report.id,
		type: 'level_changed',
		at: now,
		actor: TRIAGE_SYSTEM_ACTOR,
		data: {
			from: report.level,
			to,
			queue: routeFor(to).queue,
			reason: 'New information was re-triaged.',
			rules: decision.reasons.map((r) => r.id),
			ruleSetVersion: decision.ruleSetVersion
		}
	});
	const updated = raiseTo(tx, report, to, now, record, {
		...changes,
		reasons: decision.reasons,
		ruleSetVersion: decision.ruleSetVersion
	});
	return { report: updated, raised: { from: report.level, to, reasons: decision.reasons } };
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
		return ok(retriage(tx, report.value, text, ctx.now, record, authorOf(user)));
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
		const current = update(
			tx,
			report.value,
			{
				...contactEffect(report.value, input.outcome, input.emergencyAdviceLeft ?? false),
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
		return ok(
			input.note
				? retriage(tx, current, input.note, ctx.now, record, authorOf(user))
				: { report: current, raised: null }
		);
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

export interface LevelChangeInput {
	to: TriageLevel;
	reason: string;
	/** Required when lowering. */
	reasonCode?: LoweringReasonCode | undefined;
}

export function changeLevel(ctx: Ctx, user: SessionUser, reportId: string, input: LevelChangeInput): Result<ReportRow> {
	return transact(ctx, (tx, record) => {
		const report = openFor(tx, user, reportId, () => canChangeLevel(user), ONLY_CLINICIANS_CHANGE_LEVELS);
		if (!report.ok) return report;
		const r = report.value;
		const { to, reason } = input;
		const from = r.level;
		if (from === to) return problem('invalid_state', `The report is already ${to}.`);
		const refusal = loweringRefusal(r, to, input.reasonCode, reason);
		if (refusal) return problem('rule_violation', refusal, { [input.reasonCode ? 'reason' : 'reasonCode']: refusal });
		const queue = routeFor(to).queue;
		record({
			reportId,
			type: 'level_changed',
			at: ctx.now,
			actor: actorOf(user),
			data: { from, to, queue, reason, reasonCode: input.reasonCode ?? null }
		});
		if (!isLowering(from, to)) return ok(raiseTo(tx, r, to, ctx.now, record));
		const deadline = r.status === 'open' ? freshDeadline(to, ctx.now) : {};
		// The lowering covers what the clinician read: the text as triaged so far.
		return ok(update(tx, r, { level: to, queue, loweredOver: r.autoLevel, ...deadline }, ctx.now));
	});
}

export interface ResolveInput {
	outcome: string;
	disposition: Disposition;
}

/** The message for a closing refused because the outcome text itself raised the report. */
export function raisedNotClosedMessage(to: TriageLevel): string {
	return `What you wrote as the outcome reads as ${to}: the report was raised to ${to} and sent to the clinicians, and it was not closed.`;
}

export interface Resolved {
	report: ReportRow;
	/** False when the outcome text itself raised the report: it was handed on, not closed. */
	closed: boolean;
	raised: Retriaged['raised'];
}

export function resolve(ctx: Ctx, user: SessionUser, reportId: string, input: ResolveInput): Result<Resolved> {
	return transact(ctx, (tx, record): Result<Resolved> => {
		const report = openFor(tx, user, reportId, (r) => canResolve(user, r), CLINICAL_ONLY);
		if (!report.ok) return report;
		if (report.value.handlerId !== user.id) return problem('invalid_state', 'Claim the report before closing it.');
		// The outcome is new text like any other (DESIGN 7): if it reads higher, the report rises
		// and stays open; the rise is kept, the closing is not done.
		const { report: r, raised } = retriage(tx, report.value, input.outcome, ctx.now, record, authorOf(user));
		if (raised) {
			// The words that raised it are part of the record, like any note.
			record({
				reportId,
				type: 'note_added',
				at: ctx.now,
				actor: actorOf(user),
				data: { text: `Closing outcome (not closed: it raised the report): ${input.outcome}` }
			});
			return ok({ report: r, closed: false, raised });
		}
		// Invariant 5: urgent care is never closed without a real attempt to reach the patient.
		const refusal = closingRefusal(r);
		if (refusal) return problem('rule_violation', refusal);
		const updated = update(tx, r, { status: 'resolved', resolvedAt: ctx.now, nextEscalationAt: null }, ctx.now);
		record({
			reportId,
			type: 'resolved',
			at: ctx.now,
			actor: actorOf(user),
			data: { outcome: input.outcome, disposition: input.disposition }
		});
		return ok({ report: updated, closed: true, raised: null });
	});
}

function patientActor(user: SessionUser): Actor {
	return { id: user.id, role: 'patient', name: user.name, channel: null, credential: null, team: null };
}

export interface PatientUpdated extends Retriaged {
	/** Set when the report was closed and the text is clinical: the new report it opened. */
	followUp: ReportRow | null;
}

/** Patients act on their own reports only, and are recorded as patients only when they are one. */
const ownReport = (user: SessionUser) => (r: ReportRow) => user.role === 'patient' && r.patientId === user.id;
const NOT_YOURS = 'Only the patient can do this to their report.';

/**
 * New words from the patient. On an open report they are re-triaged; on a closed one they are
 * never refused bare (hole 4): clinical text opens a new report linked to the closed one, with
 * its own triage and advice, and the closed report's history keeps what was said.
 */
export function addPatientUpdate(ctx: Ctx, user: SessionUser, reportId: string, text: string): Result<PatientUpdated> {
	const closed = ctx.db.select().from(reports).where(eq(reports.id, reportId)).get();
	if (closed && closed.status === 'resolved' && ownReport(user)(closed)) return followUp(ctx, user, closed, text);
	return transact(ctx, (tx, record): Result<PatientUpdated> => {
		const report = openFor(tx, user, reportId, ownReport(user), NOT_YOURS);
		if (!report.ok) return report;
		record({ reportId, type: 'patient_update', at: ctx.now, actor: patientActor(user), data: { text } });
		return ok({ ...retriage(tx, report.value, text, ctx.now, record), followUp: null });
	});
}

function followUp(ctx: Ctx, user: SessionUser, closed: ReportRow, text: string): Result<PatientUpdated> {
	const decision = ctx.db.transaction((tx) => triage({ ...triageFacts(tx, closed, ctx.now), text }));
	if (decision.level === 'admin') {
		return problem(
			'invalid_state',
			`Report ${closed.reference} is closed. If you need help with something new, send a new report. If this is an emergency, call 911 now.`
		);
	}
	// The new report, and the closed one's record of what was said, in one transaction.
	const opened = submitReport(
		ctx,
		user.id,
		{
			description: text,
			emergencyScreen: [],
			pregnant: closed.pregnant,
			callbackPhone: closed.callbackPhone,
			contactPreference: closed.contactPreference
		},
		{
			followsReportId: closed.id,
			alsoRecord: (record, report) =>
				record({
					reportId: closed.id,
					type: 'patient_update',
					at: ctx.now,
					actor: patientActor(user),
					data: { text, followUpReportId: report.id, followUpReference: report.reference }
				})
		}
	);
	if (!opened.ok) return opened;
	const report = opened.value.report;
	return ok({ report, raised: null, followUp: report });
}

/** "I think this needs a nurse now": the patient's word puts it with clinicians on the urgent deadline. */
export function requestClinician(ctx: Ctx, user: SessionUser, reportId: string): Result<ReportRow> {
	return transact(ctx, (tx, record) => {
		const report = openFor(tx, user, reportId, ownReport(user), NOT_YOURS);
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
		const report = openFor(tx, user, reportId, ownReport(user), NOT_YOURS);
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
