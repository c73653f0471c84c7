/**
 * What a patient's report page says first: one headline and a few plain lines
 * that are true for the report's state right now (waiting, picked up, called
 * and missed, reached, overdue, closed with its outcome, call back cancelled),
 * with one deadline and the clinic's number. Pure, so every state is tested
 * from a table and the page reads the same before and after a live refresh.
 */
import { m } from './paraglide/messages';
import type { TriageLevel } from './triage/types';
import { isClinicalLevel, type ReportStatus } from './vocabulary';

export interface PatientStatusInput {
	status: ReportStatus;
	level: TriageLevel;
	/** Past its acknowledgement deadline with nobody on it. */
	overdue: boolean;
	escalationStep: number;
	callbackCancelled: boolean;
	callbackPhone: string;
	contact: { reached: boolean; failedAttempts: number };
	/** The person holding it, as one line ("Sam Lee, RN · Telehealth nurse team"), and whether they are a clinician. */
	handler: { line: string; firstName: string; clinical: boolean } | null;
	/** The deadline, already formatted for people ("Wed, Dec 2, 3:15 PM EST"). */
	respondBy: string;
	outcome: { text: string; dispositionLabel: string } | null;
	clinic: { name: string; phone: string };
}

export type Tone = 'emergency' | 'urgent' | 'ok' | 'done';

export interface PatientStatus {
	tone: Tone;
	headline: string;
	lines: string[];
}

export function patientStatus(r: PatientStatusInput): PatientStatus {
	const call = m.status_callClinic({ clinic: r.clinic.name, phone: r.clinic.phone });
	if (r.status === 'resolved') {
		const lines = r.outcome ? [m.status_whatWasDone({ outcome: r.outcome.text })] : [];
		lines.push(m.status_stillNotBetter({ call }));
		return {
			tone: 'done',
			headline: r.outcome
				? m.status_closedAs({ disposition: r.outcome.dispositionLabel.toLowerCase() })
				: m.status_closed(),
			lines
		};
	}
	if (r.level === 'emergency') {
		// The call-911 card above says what to do; this says who else knows.
		return {
			tone: 'emergency',
			headline: r.handler ? m.status_handlerHasIt({ handler: r.handler.line }) : m.status_alerted(),
			lines: [m.status_dontWait()]
		};
	}
	const clinical = isClinicalLevel(r.level);
	const tone: Tone = clinical ? 'urgent' : 'ok';
	if (r.callbackCancelled) {
		return {
			tone,
			headline: m.status_cancelled(),
			lines: [m.status_cancelledLine({ call })]
		};
	}
	if (r.status === 'open' && (r.overdue || r.escalationStep > 0)) {
		return {
			tone: 'urgent',
			headline: m.status_sorry(),
			lines: [m.status_nobodyYet(), clinical ? m.status_worse911() : m.status_worseUpdate({ call })]
		};
	}
	if (r.handler && r.contact.reached) {
		return {
			tone,
			headline: m.status_spokeWith({ name: r.handler.firstName }),
			lines: [m.status_willClose({ handler: r.handler.line })]
		};
	}
	if (r.handler && r.contact.failedAttempts > 0) {
		return {
			tone,
			headline: m.status_triedToCall(),
			lines: [
				m.status_couldNotReach({ handler: r.handler.line, phone: r.callbackPhone, call }),
				...(clinical ? [m.status_worse911()] : [])
			]
		};
	}
	if (r.handler) {
		return {
			tone,
			headline: r.handler.clinical ? m.status_clinicianHasIt() : m.status_supportHasIt(),
			lines: [m.status_willContact({ handler: r.handler.line, phone: r.callbackPhone })]
		};
	}
	if (clinical) {
		return {
			tone,
			headline: m.status_clinicianBy({ time: r.respondBy }),
			lines: [m.status_keepClose({ phone: r.callbackPhone })]
		};
	}
	return {
		tone,
		headline:
			r.level === 'routine' ? m.status_careTeamBy({ time: r.respondBy }) : m.status_supportBy({ time: r.respondBy }),
		lines: [m.status_worseLine({ call })]
	};
}
