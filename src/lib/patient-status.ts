/**
 * What a patient's report page says first: one headline and a few plain lines
 * that are true for the report's state right now (waiting, picked up, called
 * and missed, reached, overdue, closed with its outcome, call back cancelled),
 * with one deadline and the clinic's number. Pure, so every state is tested
 * from a table and the page reads the same before and after a live refresh.
 */
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
	const call = `call ${r.clinic.name} on ${r.clinic.phone}`;
	if (r.status === 'resolved') {
		const lines = r.outcome ? [`What was done: ${r.outcome.text}`] : [];
		lines.push(`Still not better? Tell us below, or ${call}. In an emergency, call 911.`);
		return {
			tone: 'done',
			headline: r.outcome ? `Closed: ${r.outcome.dispositionLabel.toLowerCase()}` : 'Closed',
			lines
		};
	}
	if (r.level === 'emergency') {
		// The call-911 card above says what to do; this says who else knows.
		return {
			tone: 'emergency',
			headline: r.handler ? `${r.handler.line} has your report` : 'The nurses and doctors have been alerted',
			lines: ['Do not wait for their call: call 911 now, or go to the nearest emergency department.']
		};
	}
	const clinical = isClinicalLevel(r.level);
	const tone: Tone = clinical ? 'urgent' : 'ok';
	if (r.callbackCancelled) {
		return {
			tone,
			headline: 'You cancelled your call back',
			lines: [`We will not call you about this report. If you change your mind, ask for a call back below, or ${call}.`]
		};
	}
	if (r.status === 'open' && (r.overdue || r.escalationStep > 0)) {
		return {
			tone: 'urgent',
			headline: 'We are sorry for the wait',
			lines: [
				'Nobody has picked up your report yet. We have alerted more staff.',
				clinical ? 'If you feel worse, call 911.' : `If you feel worse, add an update below or ${call}.`
			]
		};
	}
	if (r.handler && r.contact.reached) {
		return {
			tone,
			headline: `${r.handler.firstName} spoke with you`,
			lines: [`${r.handler.line} is handling your report and will close it when it is done.`]
		};
	}
	if (r.handler && r.contact.failedAttempts > 0) {
		return {
			tone,
			headline: 'We tried to call you',
			lines: [
				`${r.handler.line} called ${r.callbackPhone} and could not reach you. Keep your phone close, or ${call}.`,
				...(clinical ? ['If you feel worse, call 911.'] : [])
			]
		};
	}
	if (r.handler) {
		return {
			tone,
			headline: r.handler.clinical ? 'A nurse or doctor has your report' : 'Our support team has your report',
			lines: [`${r.handler.line} will contact you on ${r.callbackPhone}.`]
		};
	}
	if (clinical) {
		return {
			tone,
			headline: `A nurse or doctor will call you by ${r.respondBy}`,
			lines: [`Keep your phone close: we will call ${r.callbackPhone}. If you get worse before then, call 911.`]
		};
	}
	return {
		tone,
		headline:
			r.level === 'routine'
				? `Your care team will reply by ${r.respondBy}`
				: `The support team will reply by ${r.respondBy}`,
		lines: [`If you get worse, add an update below or ${call}. In an emergency, call 911.`]
	};
}
