/**
 * Every rule about what may happen to a report, in one pure function:
 * `decide(state, actor, command, now)` returns the events the command makes,
 * or a refusal. It holds every permission, every re-triage of new text, every
 * step of the escalation ladder and every closing rule; `apply` (projection.ts)
 * turns its events into the new state. Commands (actions.ts) only load,
 * decide, append and announce, and the staff page offers what a dry run of
 * `decide` allows (`allowedActions`), so page and server cannot disagree.
 *
 * Pure: no database and no clock. Triage is itself a pure function of the text
 * and the patient's facts, which the loader puts in the state.
 */
import type { ReportRow } from '../db/schema';
import { problem, type Problem } from '../problem';
import { routeFor } from '../queues/routing';
import { LAST_STEP, whoIsAlerted } from '../queues/ladder';
import { triage } from '../../triage';
import {
	levelRank,
	maxLevel,
	type FiredRule,
	type Sex,
	type Told,
	type TriageDecision,
	type TriageLevel
} from '../../triage/types';
import type { LoweringReasonCode } from '../../schemas';
import {
	isClinicalLevel,
	type CallbackWindow,
	type Channel,
	type ContactOutcome,
	type Disposition,
	type Role,
	type StaffAction
} from '../../vocabulary';
import { ACCOUNTS_SYSTEM_ACTOR, DEADLINE_SYSTEM_ACTOR, TRIAGE_SYSTEM_ACTOR, type Actor, type NewEvent } from './events';
import type { EventPayload, Reading } from './event-types';
import { applicable, apply } from './projection';
import { closingRefusal, loweringRefusal, rises, risenLevel } from './policy';

/** A report as a command finds it: its row, the patient's facts triage reads, and who holds it. */
export interface ReportState {
	report: ReportRow;
	patient: { ageYears: number | null; sex: Sex | null };
	/** The role of the staff member holding the report, if anyone does. */
	handlerRole: Role | null;
	/** Whether that staff member's account was disabled (nobody can act for them). */
	handlerDisabled: boolean;
}

/** Who gives a command: a signed-in user, or the deadline monitor (null). */
export interface CommandUser {
	id: string;
	role: Role;
	name: string;
	staff: { channel: Channel; credential: string; team: string } | null;
}

export type Command =
	| { type: 'claim' }
	| { type: 'release' }
	| { type: 'note'; text: string }
	| { type: 'contact'; outcome: ContactOutcome; note?: string | undefined; emergencyAdviceLeft?: boolean | undefined }
	| { type: 'escalate'; reason: string }
	| { type: 'change_level'; to: TriageLevel; reason: string; reasonCode?: LoweringReasonCode | undefined }
	| { type: 'resolve'; outcome: string; disposition: Disposition }
	| { type: 'patient_update'; text: string }
	| { type: 'request_clinician' }
	| {
			type: 'callback';
			callbackPhone?: string | undefined;
			callbackWindow?: CallbackWindow | undefined;
			cancelled?: boolean | undefined;
	  }
	| { type: 'deadline_check' }
	/** The system hands back to the queue a report held by an account that was disabled. */
	| { type: 'release_disabled' };

export interface Raised {
	from: TriageLevel;
	to: TriageLevel;
	reasons: FiredRule[];
}

export interface Decided {
	events: NewEvent[];
	/** The report after the events (what `apply` made of them). */
	report: ReportRow;
	/** Set when new text raised the level: what the author of the text is shown. */
	raised: Raised | null;
	/** For `resolve`: false when the outcome text raised the report, which stays open. */
	closed: boolean;
	/** For a patient's clinical text on a closed report: open a new report, linked to it, with this text. */
	followUp: { text: string } | null;
}

export type Decision = { ok: true; value: Decided } | { ok: false; problem: Problem };

export const ONLY_CLINICIANS_CHANGE_LEVELS =
	'Only a clinician can change a triage level. Use "Escalate" to hand it to one.';
export const CLINICAL_ONLY =
	'Urgent and emergency reports are handled by clinicians only. Use "Escalate" to hand a report to them.';
const NOT_YOURS = 'Only the patient can do this to their report.';
const NOT_UNDERSTOOD = 'engine.not_understood';
/**
 * Only a purely administrative request on a closed report is told to send a new one. Anything
 * else, even words triage finds nothing in ("it's getting worse", "help", "still the same"),
 * opens a follow-up: when in doubt, someone reads it.
 */
const isClinical = (d: TriageDecision): boolean => d.level !== 'admin';

/** The events of one decision, applied as they are made so each rule reads the state the last one left. */
class Draft {
	readonly events: NewEvent[] = [];
	raised: Raised | null = null;
	constructor(
		public report: ReportRow,
		readonly now: number
	) {}

	emit(actor: Actor, event: EventPayload): void {
		const e: NewEvent = { ...event, reportId: this.report.id, at: this.now, actor };
		this.events.push(e);
		this.report = apply(this.report, applicable(e));
	}

	done(extra: Partial<Pick<Decided, 'closed' | 'followUp'>> = {}): Decision {
		return {
			ok: true,
			value: {
				events: this.events,
				report: this.report,
				raised: this.raised,
				closed: extra.closed ?? false,
				followUp: extra.followUp ?? null
			}
		};
	}
}

export function actorOf(user: CommandUser): Actor {
	if (user.role === 'patient')
		return { id: user.id, role: 'patient', name: user.name, channel: null, credential: null, team: null };
	return {
		id: user.id,
		role: user.role,
		name: user.name,
		channel: user.staff?.channel ?? null,
		credential: user.staff?.credential ?? null,
		team: user.staff?.team ?? null
	};
}

const forbidden = (message: string) => problem('forbidden', message);
const closedProblem = (r: ReportRow) => problem('invalid_state', `Report ${r.reference} is already closed.`);

/** Staff who may work the report (claim, call, close): clinicians always, support only below urgent. */
const works = (user: CommandUser, r: ReportRow): boolean =>
	user.role === 'clinician' || (user.role === 'support' && !isClinicalLevel(r.level));
const isStaffWorker = (user: CommandUser): boolean => user.role === 'clinician' || user.role === 'support';
const ownReport = (user: CommandUser, r: ReportRow): boolean => user.role === 'patient' && r.patientId === user.id;

/** Decides `command` given by `user` (null: the deadline monitor) on the report in `state` at `now`. */
export function decide(
	state: ReportState,
	user: CommandUser | null,
	command: Command,
	now: number,
	{ dryRun = false }: { dryRun?: boolean } = {}
): Decision {
	const r = state.report;
	const draft = new Draft(r, now);
	// A dry run asks only whether the command would be taken: what triage makes of text never
	// decides that (a rise is taken too), so it is not read (the staff page runs seven of them).
	const readText = dryRun ? unread : read;
	if (user === null) {
		if (command.type === 'deadline_check') return deadlineCheck(draft);
		if (command.type === 'release_disabled') return releaseDisabled(state, draft);
		return forbidden('Not a user.');
	}
	const actor = actorOf(user);
	switch (command.type) {
		case 'claim': {
			if (r.status === 'resolved') return problem('invalid_state', 'This report is already closed.');
			if (!works(user, r)) return forbidden(CLINICAL_ONLY);
			if (r.handlerId === user.id) return draft.done();
			if (r.handlerId) return problem('invalid_state', 'Someone else has already claimed this report.');
			draft.emit(actor, { type: 'claimed', data: {} });
			return draft.done();
		}
		case 'release': {
			if (r.status !== 'claimed') return problem('invalid_state', 'This report is not claimed.');
			if (r.handlerId !== user.id) return forbidden('Only the person handling a report can release it.');
			draft.emit(actor, { type: 'released', data: {} });
			return draft.done();
		}
		case 'note': {
			if (!isStaffWorker(user)) return forbidden('Your account cannot add notes.');
			if (r.status === 'resolved') return closedProblem(r);
			const reading = readText(state, draft.report, command.text, authorOf(user));
			draft.emit(actor, { type: 'note_added', data: { text: command.text, reading: reading.recorded } });
			riseIfHigher(state, draft, reading);
			return draft.done();
		}
		case 'contact': {
			if (!isStaffWorker(user) || !works(user, r)) return forbidden(CLINICAL_ONLY);
			if (r.status === 'resolved') return closedProblem(r);
			const note = command.note ?? null;
			const reading = note ? readText(state, draft.report, note, authorOf(user)) : null;
			draft.emit(actor, {
				type: 'contact_attempted',
				data: {
					outcome: command.outcome,
					note,
					emergencyAdviceLeft: command.emergencyAdviceLeft ?? false,
					...(reading ? { reading: reading.recorded } : {})
				}
			});
			if (reading) riseIfHigher(state, draft, reading);
			return draft.done();
		}
		case 'escalate': {
			if (!isStaffWorker(user)) return forbidden('Your account cannot escalate reports.');
			if (r.status === 'resolved') return closedProblem(r);
			if (r.queue === 'clinician' && isClinicalLevel(r.level))
				return problem('invalid_state', 'This report is already with the clinicians.');
			const to = maxLevel(r.level, 'urgent');
			draft.emit(actor, { type: 'escalated', data: { reason: command.reason, from: r.level, to } });
			releaseFromSupport(state, draft);
			return draft.done();
		}
		case 'change_level': {
			if (user.role !== 'clinician') return forbidden(ONLY_CLINICIANS_CHANGE_LEVELS);
			if (r.status === 'resolved') return closedProblem(r);
			const { to, reason, reasonCode } = command;
			if (r.level === to) return problem('invalid_state', `The report is already ${to}.`);
			const refusal = loweringRefusal(r, to, reasonCode, reason);
			if (refusal) return problem('rule_violation', refusal, { [reasonCode ? 'reason' : 'reasonCode']: refusal });
			draft.emit(actor, {
				type: 'level_changed',
				data: { from: r.level, to, queue: routeFor(to).queue, reason, reasonCode: reasonCode ?? null }
			});
			if (levelRank(to) > levelRank(r.level)) releaseFromSupport(state, draft);
			return draft.done();
		}
		case 'resolve': {
			if (!isStaffWorker(user) || !works(user, r)) return forbidden(CLINICAL_ONLY);
			if (r.status === 'resolved') return closedProblem(r);
			if (r.handlerId !== user.id) return problem('invalid_state', 'Claim the report before closing it.');
			// The outcome is new text like any other (DESIGN 7): if it reads higher, the report rises
			// and stays open, and the words that raised it are part of the record, like any note.
			const reading = readText(state, r, command.outcome, authorOf(user));
			if (raises(r, reading)) {
				draft.emit(actor, {
					type: 'note_added',
					data: { text: command.outcome, reading: reading.recorded, closing: true }
				});
				riseIfHigher(state, draft, reading);
				return draft.done({ closed: false });
			}
			// Invariant 5: urgent care is never closed without a real attempt to reach the patient.
			const notYet = closingRefusal(r);
			if (notYet) return problem('rule_violation', notYet);
			draft.emit(actor, {
				type: 'resolved',
				data: { outcome: command.outcome, disposition: command.disposition, reading: reading.recorded }
			});
			return draft.done({ closed: true });
		}
		case 'patient_update': {
			if (!ownReport(user, r)) return forbidden(NOT_YOURS);
			if (r.status === 'resolved') {
				// Never refused bare (hole 4): clinical text opens a new report linked to this one.
				const alone = triage({ ...factsOf(state), text: command.text, emergencyScreen: [] });
				if (!isClinical(alone))
					return problem(
						'invalid_state',
						`Report ${r.reference} is closed. If you need help with something new, send a new report. If this is an emergency, call 911 now.`
					);
				return draft.done({ followUp: { text: command.text } });
			}
			const reading = readText(state, r, command.text, 'patient');
			draft.emit(actor, { type: 'patient_update', data: { text: command.text, reading: reading.recorded } });
			riseIfHigher(state, draft, reading);
			return draft.done();
		}
		case 'request_clinician': {
			if (!ownReport(user, r)) return forbidden(NOT_YOURS);
			if (r.status === 'resolved') return closedProblem(r);
			if (r.queue === 'clinician' && isClinicalLevel(r.level)) return draft.done();
			const to = maxLevel(r.level, 'urgent');
			draft.emit(actor, { type: 'clinician_requested', data: { from: r.level, to } });
			releaseFromSupport(state, draft);
			return draft.done();
		}
		case 'callback': {
			if (!ownReport(user, r)) return forbidden(NOT_YOURS);
			if (r.status === 'resolved') return closedProblem(r);
			draft.emit(actor, {
				type: 'callback_changed',
				data: {
					callbackPhone: command.callbackPhone ?? r.callbackPhone,
					callbackWindow: command.callbackWindow ?? r.callbackWindow,
					cancelled: command.cancelled ?? r.callbackCancelled
				}
			});
			return draft.done();
		}
		case 'deadline_check':
			return forbidden('Only the deadline monitor climbs the escalation ladder.');
		case 'release_disabled':
			return forbidden('Only Clearline releases a disabled account’s reports.');
	}
}

/**
 * A report held by an account that was disabled would sit claimed forever, with no ladder and
 * nobody able to take it over: it goes back to the queue, and its deadline starts again.
 */
function releaseDisabled(state: ReportState, draft: Draft): Decision {
	if (state.report.status !== 'claimed' || !state.handlerDisabled) return draft.done();
	draft.emit(ACCOUNTS_SYSTEM_ACTOR, {
		type: 'released',
		data: { reason: 'The account that held it was disabled: it is back in the queue.' }
	});
	return draft.done();
}

/** One rung of the ladder when the next is due and nobody has acknowledged the report (invariant 6). */
function deadlineCheck(draft: Draft): Decision {
	const r = draft.report;
	if (r.status !== 'open' || r.nextEscalationAt === null || r.nextEscalationAt > draft.now) return draft.done();
	const step = Math.min(r.escalationStep + 1, LAST_STEP);
	draft.emit(DEADLINE_SYSTEM_ACTOR, {
		type: 'deadline_missed',
		data: { step, alerted: whoIsAlerted(step), respondBy: r.respondBy }
	});
	return draft.done();
}

/** Who wrote new text: the patient, non-clinical staff, or a clinician. */
type TextAuthor = 'patient' | 'support' | 'clinician';
const authorOf = (user: CommandUser): TextAuthor => (user.role === 'clinician' ? 'clinician' : 'support');

function factsOf(state: ReportState): Omit<Parameters<typeof triage>[0], 'text'> {
	const r = state.report;
	return {
		emergencyScreen: r.emergencyScreen,
		ageYears: state.patient.ageYears,
		sex: state.patient.sex,
		pregnant: r.pregnant,
		severity: r.severity,
		durationHours: r.durationHours,
		...r.told
	};
}

/**
 * A decision as it applies to text from `author`. Words the engine cannot place go to a
 * clinician (DESIGN 10) when a patient or non-clinical staff wrote them: a call-center agent's
 * "pt says he feels like he's going to die" must reach a nurse. A clinician's own note is
 * already a clinician looking: it raises the report through the rules and recognised findings,
 * not through the catch-all (their wording is clinical shorthand the engine was not built for).
 */
function readAs(author: TextAuthor, d: TriageDecision): TriageDecision {
	if (author !== 'clinician') return d;
	const reasons = d.reasons.filter((x) => x.id !== NOT_UNDERSTOOD);
	if (reasons.length === d.reasons.length) return d;
	const level = reasons.reduce<TriageLevel>((m, x) => maxLevel(m, x.level), 'admin');
	return { ...d, level, reasons };
}

interface TextReading {
	full: TriageDecision;
	alone: TriageDecision;
	recorded: Reading;
}

/** New text read twice: with everything the report says so far, and on its own. */
function read(state: ReportState, r: ReportRow, text: string, author: TextAuthor): TextReading {
	const facts = factsOf(state);
	const full = readAs(author, triage({ ...facts, text: `${r.triageText}\n${text}` }));
	const alone = readAs(author, triage({ ...facts, text, emergencyScreen: [] }));
	const higher = risenLevel(full.level, alone.level) === full.level ? full : alone;
	return {
		full,
		alone,
		recorded: {
			level: higher.level,
			crisisLine: full.crisisLine || alone.crisisLine,
			ruleSetVersion: higher.ruleSetVersion,
			rules: higher.reasons.map((x) => x.id)
		}
	};
}

const NOTHING_READ: TriageDecision = { level: 'admin', reasons: [], ruleSetVersion: '', crisisLine: false };
const unread = (): TextReading => ({
	full: NOTHING_READ,
	alone: NOTHING_READ,
	recorded: { level: 'admin', crisisLine: false, ruleSetVersion: '', rules: [] }
});

/** Whether the reading raises the report from its *current* level (DESIGN 7; see `rises`). */
const raises = (r: ReportRow, reading: TextReading): boolean => rises(r, reading.full.level, reading.alone.level);

/** Raises the report when the reading is higher than its current level: it never falls by itself. */
function riseIfHigher(state: ReportState, draft: Draft, reading: TextReading): void {
	const from = draft.report;
	if (!raises(from, reading)) return;
	const to = risenLevel(reading.full.level, reading.alone.level);
	const decision = to === reading.full.level ? reading.full : reading.alone;
	draft.emit(TRIAGE_SYSTEM_ACTOR, {
		type: 'level_changed',
		data: {
			from: from.level,
			to,
			queue: routeFor(to).queue,
			reason: 'New information was re-triaged.',
			rules: decision.reasons.map((x) => x.id),
			ruleSetVersion: decision.ruleSetVersion,
			reasons: decision.reasons
		}
	});
	draft.raised = { from: from.level, to, reasons: decision.reasons };
	releaseFromSupport(state, draft);
}

/**
 * Support staff cannot hold clinical work: when a report becomes urgent in a support staff
 * member's hands, the release is an event of its own, so the patient's page never names a
 * handler who no longer has it.
 */
function releaseFromSupport(state: ReportState, draft: Draft): void {
	const r = draft.report;
	if (r.handlerId === null || state.handlerRole !== 'support' || !isClinicalLevel(r.level)) return;
	draft.emit(TRIAGE_SYSTEM_ACTOR, {
		type: 'released',
		data: { reason: 'Now urgent: handed from support staff to the clinicians.' }
	});
}

/** A command to try each staff action with: the dry run asks whether `decide` would take it at all. */
function probe(action: StaffAction, r: ReportRow): Command {
	switch (action) {
		case 'claim':
			return { type: 'claim' };
		case 'release':
			return { type: 'release' };
		case 'note':
			return { type: 'note', text: '' };
		case 'contact':
			return { type: 'contact', outcome: 'no_answer' };
		case 'escalate':
			return { type: 'escalate', reason: '' };
		case 'level':
			return { type: 'change_level', to: r.level === 'emergency' ? 'urgent' : 'emergency', reason: '' };
		case 'resolve':
			return { type: 'resolve', outcome: '', disposition: 'no_action' };
	}
}

const STAFF_ACTIONS: readonly StaffAction[] = ['claim', 'release', 'note', 'contact', 'escalate', 'level', 'resolve'];

/**
 * The staff actions `decide` would take from this user now: a dry run of each. An action whose
 * refusal depends on what is typed (a lowering's reason, a closing before contact) is offered,
 * and its form says why when it is refused; one that does nothing (claiming a report you hold)
 * is not.
 */
export function allowedActions(state: ReportState, user: CommandUser, now: number): StaffAction[] {
	if (user.role === 'patient') return [];
	return STAFF_ACTIONS.filter((action) => {
		const d = decide(state, user, probe(action, state.report), now, { dryRun: true });
		return d.ok ? d.value.events.length > 0 : d.problem.code === 'rule_violation';
	});
}

/** The patient's words and answers as a submission carries them (the callback number already defaulted). */
export type SubmissionContent = Pick<
	ReportRow,
	| 'description'
	| 'emergencyScreen'
	| 'severity'
	| 'durationHours'
	| 'pregnant'
	| 'told'
	| 'callbackPhone'
	| 'contactPreference'
>;

export interface Submission {
	/** Lower case: a client id is a UUID in any case, and "ABC…" and "abc…" are one report. */
	id: string;
	/** A fresh reference, unused (the caller checks that against the database). */
	reference: string;
	content: SubmissionContent;
	followsReportId: string | null;
}

export interface SubmittingPatient {
	id: string;
	name: string;
	clinicId: string;
	ageYears: number;
	sex: Sex | null;
}

/** The content fields in one order, so two submissions compare by their JSON. */
const contentKey = (c: SubmissionContent): string =>
	JSON.stringify([
		c.description,
		[...c.emergencyScreen].sort(),
		c.severity,
		c.durationHours,
		c.pregnant,
		c.callbackPhone,
		c.contactPreference,
		// A report sent before the question step existed told nothing: the same as telling nothing now.
		toldKey(c.told)
	]);

function toldKey(t: Told | null): unknown {
	if (!t) return null;
	const nothing =
		Object.keys(t.answers).length === 0 &&
		t.complaints.length === 0 &&
		t.subject === 'self' &&
		t.subjectAgeYears === null &&
		t.riskFactors.length === 0 &&
		Object.keys(t.measurements).length === 0;
	if (nothing) return null;
	return [
		Object.entries(t.answers).sort(([a], [b]) => (a < b ? -1 : 1)),
		[...t.complaints].sort(),
		t.subject,
		t.subjectAgeYears,
		[...t.riskFactors].sort(),
		Object.entries(t.measurements).sort(([a], [b]) => (a < b ? -1 : 1))
	];
}

/**
 * A new report: its `submitted` event holds every word and answer, its `triaged` event the
 * decision with its evidence. `existing` is the report already stored under the same id: a
 * retry of the same report is that report (no events); different words under its id are never
 * dropped silently (hole 5).
 */
export function decideSubmission(
	existing: ReportRow | null,
	patient: SubmittingPatient,
	submission: Submission,
	now: number,
	/** What the existing report was submitted with (its submitted event): later changes to it are not a different report. */
	original?: SubmissionContent
): Decision {
	if (existing) {
		if (existing.patientId !== patient.id)
			return problem('id_conflict', 'This report id is already in use. Generate a new id.');
		const stored: SubmissionContent = original ?? {
			description: existing.description,
			emergencyScreen: existing.emergencyScreen,
			severity: existing.severity,
			durationHours: existing.durationHours,
			pregnant: existing.pregnant,
			told: existing.told,
			callbackPhone: existing.callbackPhone,
			contactPreference: existing.contactPreference
		};
		return contentKey(stored) === contentKey(submission.content)
			? { ok: true, value: { events: [], report: existing, raised: null, closed: false, followUp: null } }
			: problem(
					'id_conflict',
					`A different report was already sent with this id (${existing.reference}). Nothing was lost: send the new text as an update to that report, or as a new report.`
				);
	}
	const c = submission.content;
	const decision = triage({
		text: c.description,
		emergencyScreen: c.emergencyScreen,
		ageYears: patient.ageYears,
		sex: patient.sex,
		pregnant: c.pregnant,
		severity: c.severity,
		durationHours: c.durationHours,
		...c.told
	});
	const submitted: NewEvent = {
		reportId: submission.id,
		type: 'submitted',
		at: now,
		actor: { id: patient.id, role: 'patient', name: patient.name, channel: null, credential: null, team: null },
		// Every word and answer the patient gave: the record, not a pointer to it.
		data: {
			reference: submission.reference,
			...c,
			emergencyScreen: [...c.emergencyScreen].sort(),
			followsReportId: submission.followsReportId,
			clinicId: patient.clinicId
		}
	};
	const triaged: NewEvent = {
		reportId: submission.id,
		type: 'triaged',
		at: now,
		actor: TRIAGE_SYSTEM_ACTOR,
		data: {
			level: decision.level,
			autoLevel: decision.level,
			queue: routeFor(decision.level).queue,
			ruleSetVersion: decision.ruleSetVersion,
			rules: decision.reasons.map((x) => x.id),
			reasons: decision.reasons,
			crisisLine: decision.crisisLine
		}
	};
	const report = apply(apply(null, applicable(submitted)), applicable(triaged));
	return { ok: true, value: { events: [submitted, triaged], report, raised: null, closed: false, followUp: null } };
}
