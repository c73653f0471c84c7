/**
 * What each event says, by type: the one definition the commands write, the
 * history is read through, and the views and the audit fold switch on. A stored
 * payload is parsed against it when read, so nothing downstream casts. Fields
 * marked optional were added later: events written before them stay readable.
 */
import { z } from 'zod';
import { ANSWERS, EMERGENCY_SCREEN_IDS, SUBJECTS, TRIAGE_LEVELS } from '../../triage/types';
import {
	CALLBACK_WINDOWS,
	CONTACT_OUTCOMES,
	CONTACT_PREFERENCES,
	DISPOSITIONS,
	LOWERING_REASONS,
	QUEUES,
	type EventType
} from '../../vocabulary';
import type { ReportEventRow } from '../db/schema';

const level = z.enum(TRIAGE_LEVELS);
const firedRule = z.object({
	id: z.string(),
	level,
	patientText: z.string(),
	clinicianText: z.string(),
	evidence: z.array(z.string())
});
/**
 * How triage read new text on a report (the report's text so far with it, and it alone, taken
 * at the higher): recorded on the event that carried the text, so every word anyone added is
 * shown read, rise or not.
 */
const reading = z.object({
	level,
	crisisLine: z.boolean(),
	ruleSetVersion: z.string(),
	rules: z.array(z.string())
});
export type Reading = z.infer<typeof reading>;

/**
 * What the question step told. Read loosely (ids as strings): a question retired from the data
 * later must not make the events that answered it unreadable.
 */
const told = z.object({
	answers: z.record(z.string(), z.enum(ANSWERS)),
	complaints: z.array(z.string()),
	subject: z.enum(SUBJECTS),
	subjectAgeYears: z.number().nullable(),
	riskFactors: z.array(z.string()),
	measurements: z.object({
		temperatureC: z.number().optional(),
		glucoseMgDl: z.number().optional(),
		systolic: z.number().optional(),
		diastolic: z.number().optional(),
		spo2: z.number().optional()
	})
});

/** Payload schemas by event type. */
export const EVENT_PAYLOADS = {
	submitted: z.object({
		reference: z.string(),
		// Every word and answer the patient gave (absent on events from before they were recorded here).
		description: z.string().optional(),
		emergencyScreen: z.array(z.enum(EMERGENCY_SCREEN_IDS)).optional(),
		severity: z.number().nullable().optional(),
		durationHours: z.number().nullable().optional(),
		pregnant: z.boolean().nullable().optional(),
		told: told.nullable().optional(),
		callbackPhone: z.string().optional(),
		contactPreference: z.enum(CONTACT_PREFERENCES).optional(),
		followsReportId: z.string().nullable().optional(),
		clinicId: z.string().optional()
	}),
	triaged: z.object({
		level,
		autoLevel: level,
		queue: z.enum(QUEUES),
		ruleSetVersion: z.string(),
		rules: z.array(z.string()),
		reasons: z.array(firedRule).optional(),
		crisisLine: z.boolean().optional()
	}),
	claimed: z.object({}),
	released: z.object({ reason: z.string().optional() }),
	note_added: z.object({
		text: z.string(),
		reading: reading.optional(),
		/** The text was typed as a closing outcome, and raised the report instead of closing it. */
		closing: z.boolean().optional()
	}),
	patient_update: z.object({
		text: z.string(),
		reading: reading.optional(),
		followUpReportId: z.string().optional(),
		followUpReference: z.string().optional()
	}),
	contact_attempted: z.object({
		outcome: z.enum(CONTACT_OUTCOMES),
		note: z.string().nullable(),
		emergencyAdviceLeft: z.boolean(),
		reading: reading.optional()
	}),
	escalated: z.object({ reason: z.string(), from: level, to: level }),
	level_changed: z.object({
		from: level,
		to: level,
		queue: z.enum(QUEUES),
		reason: z.string(),
		reasonCode: z.enum(LOWERING_REASONS).nullable().optional(),
		rules: z.array(z.string()).optional(),
		ruleSetVersion: z.string().optional(),
		/** When new text raised it: the decision now in force, with its evidence. */
		reasons: z.array(firedRule).optional()
	}),
	deadline_missed: z.object({
		step: z.number().int(),
		alerted: z.enum(['on_duty_clinicians', 'clinical_lead']),
		respondBy: z.number()
	}),
	callback_changed: z.object({
		callbackPhone: z.string(),
		callbackWindow: z.enum(CALLBACK_WINDOWS),
		cancelled: z.boolean()
	}),
	clinician_requested: z.object({ from: level, to: level }),
	resolved: z.object({ outcome: z.string(), disposition: z.enum(DISPOSITIONS), reading: reading.optional() })
} as const satisfies Record<EventType, z.ZodType>;

/** One event's type and payload, discriminated by type. */
export type EventPayload = {
	[T in EventType]: { type: T; data: z.infer<(typeof EVENT_PAYLOADS)[T]> };
}[EventType];

/** A stored event as the code reads it: the row's columns, with a typed payload. */
export type ReportEvent = Omit<ReportEventRow, 'type' | 'data'> & EventPayload;

export class EventPayloadError extends Error {
	override name = 'EventPayloadError';
}

/** Reads a stored row; a payload that does not fit its type is an error, never silently skipped. */
export function parseEvent(row: ReportEventRow): ReportEvent {
	const parsed = EVENT_PAYLOADS[row.type].safeParse(row.data);
	if (!parsed.success)
		throw new EventPayloadError(`event #${row.seq} (${row.type}): ${parsed.error.issues[0]?.message}`);
	// The schema for row.type parsed row.data: the pair is an EventPayload by construction.
	return { ...row, data: parsed.data } as ReportEvent;
}
