/**
 * The code systems the FHIR export speaks: HL7's where one fits, Clearline's own (`urn:clearline:…`)
 * for its vocabularies, so an EHR can map them once. Each function is an exhaustive switch, so a
 * new level, status or outcome breaks the build here.
 */
import type { CodeableConcept, Coding } from '@medplum/fhirtypes';
import type { TriageLevel } from '../../triage/types';
import type { AccessVia, ActorRole, Channel, ContactOutcome, Disposition, EventType, Queue } from '../../vocabulary';

export const SYSTEM = {
	reportReference: 'urn:clearline:report-reference',
	patientId: 'urn:clearline:patient-id',
	staffId: 'urn:clearline:staff-id',
	triageLevel: 'urn:clearline:triage-level',
	queue: 'urn:clearline:queue',
	escalationStep: 'urn:clearline:escalation-step',
	actorRole: 'urn:clearline:actor-role',
	channel: 'urn:clearline:channel',
	eventType: 'urn:clearline:event-type',
	contactOutcome: 'urn:clearline:contact-outcome',
	disposition: 'urn:clearline:disposition',
	accessVia: 'urn:clearline:access-via',
	answer: 'urn:clearline:answer',
	subject: 'urn:clearline:subject',
	emergencyScreen: 'urn:clearline:emergency-screen',
	riskFactor: 'urn:clearline:risk-factor',
	questionnaire: 'urn:clearline:questionnaire',
	participationMode: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode',
	provenanceParticipant: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
	dicom: 'http://dicom.nema.org/resources/ontology/DCM',
	auditEntityType: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
	objectRole: 'http://terminology.hl7.org/CodeSystem/object-role',
	securitySourceType: 'http://terminology.hl7.org/CodeSystem/security-source-type',
	ucum: 'http://unitsofmeasure.org'
} as const;

export const concept = (coding: Coding, text?: string): CodeableConcept => ({
	coding: [coding],
	text: text ?? coding.display
});

export type TaskPriority = 'routine' | 'urgent' | 'asap' | 'stat';

/** Emergency is "stat" (now), urgent "asap" (within the 15-minute acknowledgement), the rest routine. */
export function taskPriority(level: TriageLevel): TaskPriority {
	switch (level) {
		case 'emergency':
			return 'stat';
		case 'urgent':
			return 'asap';
		case 'routine':
		case 'admin':
			return 'routine';
	}
}

export function levelCoding(level: TriageLevel): Coding {
	switch (level) {
		case 'emergency':
			return { system: SYSTEM.triageLevel, code: level, display: 'Emergency' };
		case 'urgent':
			return { system: SYSTEM.triageLevel, code: level, display: 'Urgent' };
		case 'routine':
			return { system: SYSTEM.triageLevel, code: level, display: 'Routine' };
		case 'admin':
			return { system: SYSTEM.triageLevel, code: level, display: 'Administrative request' };
	}
}

export function queueCoding(queue: Queue): Coding {
	switch (queue) {
		case 'clinician':
			return { system: SYSTEM.queue, code: queue, display: 'Clinician queue (nurses and physicians)' };
		case 'support':
			return { system: SYSTEM.queue, code: queue, display: 'Support queue (non-clinical staff)' };
	}
}

export function escalationCoding(step: number): Coding {
	if (step <= 0) return { system: SYSTEM.escalationStep, code: '0', display: 'On time' };
	if (step === 1) return { system: SYSTEM.escalationStep, code: '1', display: 'On-duty clinicians re-alerted' };
	return { system: SYSTEM.escalationStep, code: '2', display: 'Clinical lead alerted' };
}

export function roleCoding(role: ActorRole): Coding {
	switch (role) {
		case 'patient':
			return { system: SYSTEM.actorRole, code: role, display: 'Patient' };
		case 'support':
			return { system: SYSTEM.actorRole, code: role, display: 'Non-clinical support staff' };
		case 'clinician':
			return { system: SYSTEM.actorRole, code: role, display: 'Clinician' };
		case 'admin':
			return { system: SYSTEM.actorRole, code: role, display: 'Administrator' };
		case 'system':
			return { system: SYSTEM.actorRole, code: role, display: 'Clearline system' };
	}
}

export function channelCoding(channel: Channel): Coding {
	switch (channel) {
		case 'office':
			return { system: SYSTEM.channel, code: channel, display: "Patient's doctor's office" };
		case 'call_center':
			return { system: SYSTEM.channel, code: channel, display: 'Call center' };
		case 'telehealth':
			return { system: SYSTEM.channel, code: channel, display: 'Telehealth' };
	}
}

export function contactOutcomeCoding(outcome: ContactOutcome): Coding {
	switch (outcome) {
		case 'reached':
			return { system: SYSTEM.contactOutcome, code: outcome, display: 'Patient reached' };
		case 'no_answer':
			return { system: SYSTEM.contactOutcome, code: outcome, display: 'No answer' };
		case 'voicemail':
			return { system: SYSTEM.contactOutcome, code: outcome, display: 'Left a voicemail' };
		case 'wrong_number':
			return { system: SYSTEM.contactOutcome, code: outcome, display: 'Wrong number' };
	}
}

export function dispositionCoding(disposition: Disposition): Coding {
	switch (disposition) {
		case 'advice':
			return { system: SYSTEM.disposition, code: disposition, display: 'Advice given' };
		case 'appointment':
			return { system: SYSTEM.disposition, code: disposition, display: 'Appointment booked' };
		case 'telehealth':
			return { system: SYSTEM.disposition, code: disposition, display: 'Telehealth visit' };
		case 'urgent_care':
			return { system: SYSTEM.disposition, code: disposition, display: 'Sent to urgent care' };
		case 'ed':
			return { system: SYSTEM.disposition, code: disposition, display: 'Sent to the emergency department' };
		case 'no_action':
			return { system: SYSTEM.disposition, code: disposition, display: 'No action needed' };
	}
}

export function eventCoding(type: EventType): Coding {
	switch (type) {
		case 'submitted':
			return { system: SYSTEM.eventType, code: type, display: 'Report submitted' };
		case 'triaged':
			return { system: SYSTEM.eventType, code: type, display: 'Triaged' };
		case 'claimed':
			return { system: SYSTEM.eventType, code: type, display: 'Claimed' };
		case 'released':
			return { system: SYSTEM.eventType, code: type, display: 'Released to the queue' };
		case 'note_added':
			return { system: SYSTEM.eventType, code: type, display: 'Note added' };
		case 'patient_update':
			return { system: SYSTEM.eventType, code: type, display: 'Patient sent an update' };
		case 'contact_attempted':
			return { system: SYSTEM.eventType, code: type, display: 'Contact attempted' };
		case 'escalated':
			return { system: SYSTEM.eventType, code: type, display: 'Escalated to clinicians' };
		case 'level_changed':
			return { system: SYSTEM.eventType, code: type, display: 'Triage level changed' };
		case 'deadline_missed':
			return { system: SYSTEM.eventType, code: type, display: 'Acknowledgement deadline missed' };
		case 'callback_changed':
			return { system: SYSTEM.eventType, code: type, display: 'Callback details changed' };
		case 'clinician_requested':
			return { system: SYSTEM.eventType, code: type, display: 'Patient asked for a clinician' };
		case 'resolved':
			return { system: SYSTEM.eventType, code: type, display: 'Closed' };
	}
}

/** Where a staff member opened a report from. */
export function viaCoding(via: AccessVia): Coding {
	switch (via) {
		case 'queue':
			return { system: SYSTEM.accessVia, code: via, display: 'Opened from a queue' };
		case 'search':
			return { system: SYSTEM.accessVia, code: via, display: 'Found by search' };
		case 'link':
			return { system: SYSTEM.accessVia, code: via, display: 'Opened from a link' };
		case 'api':
			return { system: SYSTEM.accessVia, code: via, display: 'Read through the API' };
		case 'fhir_api':
			return { system: SYSTEM.accessVia, code: via, display: 'Read through the FHIR API' };
		case 'fhir_export':
			return { system: SYSTEM.accessVia, code: via, display: 'FHIR bulk export' };
	}
}
