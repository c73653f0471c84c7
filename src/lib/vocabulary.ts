/**
 * Vocabularies shared by server and browser. Adding a value breaks exhaustive switches where it must be handled.
 * Labels speak the page's language (messages/*.json); staff pages and the API speak English.
 */
import { m } from './paraglide/messages';
import type { TriageLevel } from './triage/types';

/** Urgent and emergency reports belong to clinicians: the line support staff never cross. */
export function isClinicalLevel(level: TriageLevel): boolean {
	return level === 'urgent' || level === 'emergency';
}

export const ROLES = ['patient', 'support', 'clinician', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = Exclude<Role, 'patient'>;

/** Coded reasons for lowering a level (with free text beside them), for the safety review. */
export const LOWERING_REASONS = [
	'assessed_by_phone',
	'symptoms_resolved',
	'triage_misread',
	'known_condition_with_plan',
	'duplicate_report',
	'other'
] as const;
export type LoweringReasonCode = (typeof LOWERING_REASONS)[number];

export function loweringReasonLabel(code: LoweringReasonCode): string {
	switch (code) {
		case 'assessed_by_phone':
			return 'Assessed by phone: less urgent than triage read';
		case 'symptoms_resolved':
			return 'Symptoms have resolved';
		case 'triage_misread':
			return 'Triage misread the words';
		case 'known_condition_with_plan':
			return 'Known condition with a care plan';
		case 'duplicate_report':
			return 'Duplicate of a report already handled';
		case 'other':
			return 'Other (explain below)';
	}
}

/** What staff can do to a report (see allowedActions in server/reports/decide.ts). */
export type StaffAction = 'claim' | 'release' | 'note' | 'contact' | 'escalate' | 'level' | 'resolve';

/** Where a staff member opened a report from (the access log); the FHIR API and bulk export are accesses too. */
export const ACCESS_VIA = ['queue', 'search', 'link', 'api', 'fhir_api', 'fhir_export'] as const;
export type AccessVia = (typeof ACCESS_VIA)[number];

export const CHANNELS = ['office', 'call_center', 'telehealth'] as const;
export type Channel = (typeof CHANNELS)[number];

export const QUEUES = ['clinician', 'support'] as const;
export type Queue = (typeof QUEUES)[number];

export const REPORT_STATUSES = ['open', 'claimed', 'resolved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A report's status in the words staff and patients use. */
export function statusLabel(status: ReportStatus): string {
	switch (status) {
		case 'open':
			return m.status_open();
		case 'claimed':
			return m.status_claimed();
		case 'resolved':
			return m.status_resolved();
	}
}

export const CONTACT_PREFERENCES = ['call', 'text', 'either'] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];

export const CALLBACK_WINDOWS = ['asap', 'morning', 'afternoon', 'evening'] as const;
export type CallbackWindow = (typeof CALLBACK_WINDOWS)[number];

export function callbackWindowLabel(window: CallbackWindow): string {
	switch (window) {
		case 'asap':
			return m.window_asap();
		case 'morning':
			return m.window_morning();
		case 'afternoon':
			return m.window_afternoon();
		case 'evening':
			return m.window_evening();
	}
}

export const CONTACT_OUTCOMES = ['reached', 'no_answer', 'voicemail', 'wrong_number'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export function contactOutcomeLabel(outcome: ContactOutcome): string {
	switch (outcome) {
		case 'reached':
			return m.outcome_reached();
		case 'no_answer':
			return m.outcome_no_answer();
		case 'voicemail':
			return m.outcome_voicemail();
		case 'wrong_number':
			return m.outcome_wrong_number();
	}
}

export const DISPOSITIONS = ['advice', 'appointment', 'telehealth', 'urgent_care', 'ed', 'no_action'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export function dispositionLabel(disposition: Disposition): string {
	switch (disposition) {
		case 'advice':
			return m.disposition_advice();
		case 'appointment':
			return m.disposition_appointment();
		case 'telehealth':
			return m.disposition_telehealth();
		case 'urgent_care':
			return m.disposition_urgent_care();
		case 'ed':
			return m.disposition_ed();
		case 'no_action':
			return m.disposition_no_action();
	}
}

export function channelLabel(channel: Channel): string {
	switch (channel) {
		case 'office':
			return m.channel_office();
		case 'call_center':
			return m.channel_call_center();
		case 'telehealth':
			return m.channel_telehealth();
	}
}

export function roleLabel(role: Role): string {
	switch (role) {
		case 'patient':
			return m.role_patient();
		case 'support':
			return m.role_support();
		case 'clinician':
			return m.role_clinician();
		case 'admin':
			return m.role_admin();
	}
}

export function queueLabel(queue: Queue): string {
	switch (queue) {
		case 'clinician':
			return m.queue_clinician();
		case 'support':
			return m.queue_support();
	}
}

export function levelLabel(level: TriageLevel): string {
	switch (level) {
		case 'emergency':
			return m.level_emergency();
		case 'urgent':
			return m.level_urgent();
		case 'routine':
			return m.level_routine();
		case 'admin':
			return m.level_admin();
	}
}

export const ACTOR_ROLES = [...ROLES, 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** A role in the record, where an unattended job (triage, the deadline monitor, the FHIR export) is `system`. */
export function actorRoleLabel(role: ActorRole): string {
	return role === 'system' ? m.role_system() : roleLabel(role);
}

export const EVENT_TYPES = [
	'submitted',
	'triaged',
	'claimed',
	'released',
	'note_added',
	'patient_update',
	'contact_attempted',
	'escalated',
	'level_changed',
	'deadline_missed',
	'callback_changed',
	'clinician_requested',
	'resolved'
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
