/**
 * Commands on an existing report, by staff, by the patient and by the deadline
 * monitor. Each is load → decide → append → apply → announce in one
 * transaction: `decide` (decide.ts) holds every rule and returns the events,
 * `apply` (projection.ts) is the only code that changes the report, and this
 * module only reads, writes and announces, whichever path (form or API) called.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db';
import { reports, type ReportRow } from '../db/schema';
import { ok, problem, type Result } from '../problem';
import type { LoweringReasonCode } from '../../schemas';
import type { TriageLevel } from '../../triage/types';
import type { CallbackWindow, ContactOutcome, Disposition } from '../../vocabulary';
import type { SessionUser } from '../auth/session';
import { transact, type Ctx } from './context';
import { actorOf, decide, type Command, type Decided, type Raised } from './decide';
import type { NewEvent } from './events';
import { applicable, apply } from './projection';

export { actorOf };
import { canView } from './permissions';
import { loadState } from './state';
import { submitReport } from './submit';

/** Writes the state `apply` made of the events (the row is only ever what the events say). */
function write(tx: Tx, report: ReportRow): void {
	const { id, ...columns } = report;
	tx.update(reports).set(columns).where(eq(reports.id, id)).run();
}

/**
 * Runs one command: a report this user may not see does not exist for them (404); otherwise
 * `decide` answers, and its events and the state they make are written together or not at all.
 * `user` null is the deadline monitor.
 */
export function run(ctx: Ctx, user: SessionUser | null, reportId: string, command: Command): Result<Decided> {
	return transact(ctx, (tx, record): Result<Decided> => {
		const state = loadState(tx, reportId, ctx.now);
		if (!state || (user !== null && !canView(user, state.report)))
			return problem('not_found', 'No report with that id.');
		const decision = decide(state, user, command, ctx.now);
		if (!decision.ok) return decision;
		for (const event of decision.value.events) record(event);
		if (decision.value.events.length > 0) write(tx, decision.value.report);
		return ok(decision.value);
	});
}

export interface Retriaged {
	report: ReportRow;
	/** Set when the new text raised the level: what the author of the text is shown. */
	raised: Raised | null;
}

const report = (r: Result<Decided>): Result<ReportRow> => (r.ok ? ok(r.value.report) : r);
const retriaged = (r: Result<Decided>): Result<Retriaged> =>
	r.ok ? ok({ report: r.value.report, raised: r.value.raised }) : r;

export function claim(ctx: Ctx, user: SessionUser, reportId: string): Result<ReportRow> {
	return report(run(ctx, user, reportId, { type: 'claim' }));
}

export function release(ctx: Ctx, user: SessionUser, reportId: string): Result<ReportRow> {
	return report(run(ctx, user, reportId, { type: 'release' }));
}

export function addNote(ctx: Ctx, user: SessionUser, reportId: string, text: string): Result<Retriaged> {
	return retriaged(run(ctx, user, reportId, { type: 'note', text }));
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
	return retriaged(run(ctx, user, reportId, { type: 'contact', ...input }));
}

export function escalate(ctx: Ctx, user: SessionUser, reportId: string, reason: string): Result<ReportRow> {
	return report(run(ctx, user, reportId, { type: 'escalate', reason }));
}

export interface LevelChangeInput {
	to: TriageLevel;
	reason: string;
	/** Required when lowering. */
	reasonCode?: LoweringReasonCode | undefined;
}

export function changeLevel(ctx: Ctx, user: SessionUser, reportId: string, input: LevelChangeInput): Result<ReportRow> {
	return report(run(ctx, user, reportId, { type: 'change_level', ...input }));
}

export interface ResolveInput {
	outcome: string;
	disposition: Disposition;
}

/** The message for a closing refused because the outcome text itself raised the report. */
export function raisedNotClosedMessage(to: TriageLevel): string {
	return `What you wrote as the outcome reads as ${to}: the report was raised to ${to} and sent to the clinicians, and it was not closed.`;
}

export interface Resolved extends Retriaged {
	/** False when the outcome text itself raised the report: it was handed on, not closed. */
	closed: boolean;
}

export function resolve(ctx: Ctx, user: SessionUser, reportId: string, input: ResolveInput): Result<Resolved> {
	const r = run(ctx, user, reportId, { type: 'resolve', ...input });
	return r.ok ? ok({ report: r.value.report, closed: r.value.closed, raised: r.value.raised }) : r;
}

export interface PatientUpdated extends Retriaged {
	/** Set when the report was closed and the text is clinical: the new report it opened. */
	followUp: ReportRow | null;
}

/**
 * New words from the patient. On an open report they are re-triaged; on a closed one they are
 * never refused bare (hole 4): clinical text opens a new report linked to the closed one, with
 * its own triage and advice, and the closed report's history keeps what was said.
 */
export function addPatientUpdate(ctx: Ctx, user: SessionUser, reportId: string, text: string): Result<PatientUpdated> {
	const r = run(ctx, user, reportId, { type: 'patient_update', text });
	if (!r.ok) return r;
	if (r.value.followUp) return followUp(ctx, user, r.value.report, r.value.followUp.text);
	return ok({ report: r.value.report, raised: r.value.raised, followUp: null });
}

function followUp(ctx: Ctx, user: SessionUser, closed: ReportRow, text: string): Result<PatientUpdated> {
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
			alsoRecord: (tx, record, report) => {
				const event: NewEvent = {
					reportId: closed.id,
					type: 'patient_update',
					at: ctx.now,
					actor: actorOf(user),
					data: { text, followUpReportId: report.id, followUpReference: report.reference }
				};
				record(event);
				const current = loadState(tx, closed.id, ctx.now);
				if (current) write(tx, apply(current.report, applicable(event)));
			}
		}
	);
	if (!opened.ok) return opened;
	const report = opened.value.report;
	return ok({ report, raised: null, followUp: report });
}

/** "I think this needs a nurse now": the patient's word puts it with clinicians on the urgent deadline. */
export function requestClinician(ctx: Ctx, user: SessionUser, reportId: string): Result<ReportRow> {
	return report(run(ctx, user, reportId, { type: 'request_clinician' }));
}

export interface CallbackInput {
	callbackPhone?: string | undefined;
	callbackWindow?: CallbackWindow | undefined;
	cancelled?: boolean | undefined;
}

export function updateCallback(ctx: Ctx, user: SessionUser, reportId: string, input: CallbackInput): Result<ReportRow> {
	return report(run(ctx, user, reportId, { type: 'callback', ...input }));
}
