/**
 * The safety rules of DESIGN.md as pure functions of a report's state, so they
 * are tested from tables (policy.test.ts); `decide` (decide.ts) applies them
 * to every command, and the staff page offers what a dry run of it allows. Every rule here closes a way around the rules
 * that was found by trying it; the comments name which.
 */
import { levelRank, type TriageLevel } from '../../triage/types';
import { isClinicalLevel, type ContactOutcome, type Role } from '../../vocabulary';
import { LOWERING_REASON_MIN, type LoweringReasonCode } from '../../schemas';

/** What the rules read of a report (a subset of its row). */
export interface PolicyState {
	patientId: string;
	level: TriageLevel;
	status: 'open' | 'claimed' | 'resolved';
	handlerId: string | null;
	emergencyScreen: readonly string[];
	/** Contact since the last rise in level: earlier contact does not count (DESIGN 8). */
	contactReached: boolean;
	failedAttempts: number;
	emergencyAdviceLeft: boolean;
	/** The automated level of the text a clinician saw when they last lowered the report, if they did. */
	loweredOver: TriageLevel | null;
}

const rank = levelRank;

/** Failed attempts to the right number, with emergency advice left, before an urgent report may close unreached. */
export const FAILED_ATTEMPTS_TO_CLOSE = 3;

/**
 * Does new text raise the report? `full` is the triage of all its text now, `alone` of the new
 * text by itself. Compared with the *current* level, not the highest automated one: after a
 * clinician lowered an urgent report, a new urgent symptom raises it again (hole 1). A
 * clinician's lowering covers the text they saw: the same words read again do not undo it,
 * but anything that reads higher than what they saw, or new text urgent on its own, does.
 */
export function rises(
	state: Pick<PolicyState, 'level' | 'loweredOver'>,
	full: TriageLevel,
	alone: TriageLevel
): boolean {
	if (rank(full) <= rank(state.level) && rank(alone) <= rank(state.level)) return false;
	if (state.loweredOver === null) return true;
	return rank(full) > rank(state.loweredOver) || rank(alone) > rank(state.level);
}

/** The level new text moves the report to when it rises (the higher of the two readings). */
export function risenLevel(full: TriageLevel, alone: TriageLevel): TriageLevel {
	return rank(full) >= rank(alone) ? full : alone;
}

/**
 * What a contact attempt counts as. A wrong number is not contact and not an attempt to
 * reach the patient, and advice left on it reached nobody (hole 3).
 */
export function contactEffect(
	state: Pick<PolicyState, 'contactReached' | 'failedAttempts' | 'emergencyAdviceLeft'>,
	outcome: ContactOutcome,
	emergencyAdviceLeft: boolean
): Pick<PolicyState, 'contactReached' | 'failedAttempts' | 'emergencyAdviceLeft'> {
	const { contactReached, failedAttempts } = state;
	if (outcome === 'wrong_number')
		return { contactReached, failedAttempts, emergencyAdviceLeft: state.emergencyAdviceLeft };
	const reached = outcome === 'reached';
	return {
		contactReached: contactReached || reached,
		failedAttempts: failedAttempts + (reached ? 0 : 1),
		emergencyAdviceLeft: state.emergencyAdviceLeft || (!reached && emergencyAdviceLeft)
	};
}

/** A rise starts the contact count again: contact made before it was about something less urgent. */
export const CONTACT_RESET = { contactReached: false, failedAttempts: 0, emergencyAdviceLeft: false } as const;

/** Why an urgent or emergency report may not close yet, or null when it may (DESIGN 5 and 8). */
export function closingRefusal(state: PolicyState): string | null {
	if (!isClinicalLevel(state.level) || state.contactReached) return null;
	if (state.failedAttempts >= FAILED_ATTEMPTS_TO_CLOSE && state.emergencyAdviceLeft) return null;
	return `An urgent or emergency report can be closed only after reaching the patient, or after ${FAILED_ATTEMPTS_TO_CLOSE} failed attempts to their number with emergency advice left, since it last became urgent. A wrong number does not count.`;
}

/** Credentials a clinician may carry; nobody else may carry any of them (DESIGN 9, hole 6). */
export const CLINICAL_CREDENTIALS = ['RN', 'LPN', 'NP', 'PA', 'MD', 'DO'] as const;
export const NON_CLINICAL_CREDENTIALS = {
	support: ['Support specialist (non-clinical)', 'Patient services (non-clinical)', 'Front desk (non-clinical)'],
	admin: ['Administrator (non-clinical)']
} as const;

/** Words that tell a patient they are dealing with clinical staff: never in a non-clinical team's name. */
const CLINICAL_TEAM_WORDS =
	/\b(nurs\w*|doctors?|physicians?|clinic(al|ians?)|medical|md|rn|lpn|np|pa|do|practitioners?|enfermer\w*|medic[oa]s?)\b/i;

/** Why this credential and team may not be given to a staff member of this role, or null. */
export function credentialRefusal(
	role: Role,
	credential: string,
	team: string
): { field: 'credential' | 'team'; message: string } | null {
	if (role === 'patient') return { field: 'credential', message: 'Patients have no credential.' };
	if (role === 'clinician') {
		return (CLINICAL_CREDENTIALS as readonly string[]).includes(credential)
			? null
			: { field: 'credential', message: `A clinician's credential is one of ${CLINICAL_CREDENTIALS.join(', ')}.` };
	}
	const allowed: readonly string[] = NON_CLINICAL_CREDENTIALS[role];
	if (!allowed.includes(credential))
		return { field: 'credential', message: `This account's credential is one of: ${allowed.join('; ')}.` };
	if (CLINICAL_TEAM_WORDS.test(team))
		return {
			field: 'team',
			message: 'A non-clinical team name cannot suggest nurses or doctors: patients must know who they are talking to.'
		};
	return null;
}

/** A lowering reason a clinician would write: a few real words, not filler (hole 6). */
export function loweringReasonRefusal(reason: string): string | null {
	const words = reason.match(/\p{L}{2,}/gu) ?? [];
	const distinct = new Set(words.map((w) => w.toLowerCase()));
	if (reason.trim().length < LOWERING_REASON_MIN || distinct.size < 4)
		return `Say in a sentence (at least ${LOWERING_REASON_MIN} characters, four different words) why the level is lower.`;
	return null;
}

/**
 * Why a clinician may not lower the report to `to` with this coded reason, or null. A ticked
 * emergency checklist is never administrative, and lowering it needs the patient reached
 * since the last rise (hole 6).
 */
export function loweringRefusal(
	state: PolicyState,
	to: TriageLevel,
	code: LoweringReasonCode | undefined,
	reason: string
): string | null {
	if (rank(to) >= rank(state.level)) return null;
	if (code === undefined) return 'Choose the reason for lowering the level.';
	const text = loweringReasonRefusal(reason);
	if (text) return text;
	if (state.emergencyScreen.length > 0) {
		if (to === 'admin') return 'A report with a ticked emergency checklist item cannot be administrative.';
		if (!state.contactReached)
			return 'The patient ticked an emergency checklist item: log that you reached them before lowering the level.';
	}
	return null;
}
