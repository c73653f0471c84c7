/**
 * The triage contract shared by the server (decision of record), the CLI and
 * the browser (offline hint only). Pure types and vocabularies: no I/O.
 */

/** Ranked lowest to highest; the index is the rank. */
export const TRIAGE_LEVELS = ['admin', 'routine', 'urgent', 'emergency'] as const;
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];

export const EMERGENCY_SCREEN_IDS = [
	'chest_pain',
	'trouble_breathing',
	'stroke_signs',
	'severe_bleeding',
	'unconscious_or_fainting',
	'suicidal_thoughts',
	'severe_allergic_reaction',
	'seizure'
] as const;
export type EmergencyScreenId = (typeof EMERGENCY_SCREEN_IDS)[number];

export const SEXES = ['female', 'male', 'other'] as const;
export type Sex = (typeof SEXES)[number];

export interface TriageInput {
	/** All patient-authored free text for the report (description plus any follow-ups). */
	text: string;
	/** Ids ticked "yes" on the emergency checklist. */
	emergencyScreen: readonly EmergencyScreenId[];
	ageYears: number | null;
	sex: Sex | null;
	/** true / false / null = unknown or unsure. */
	pregnant: boolean | null;
	/** 0–10 self-rated severity, or null. */
	severity: number | null;
	durationHours: number | null;
	/** The patient's language for patient-facing wording; both lexicons always run. */
	lang?: Lang;
}

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

export interface FiredRule {
	/** Stable rule id, e.g. "gi.bleed_with_pain". */
	id: string;
	level: TriageLevel;
	/** Plain words for the patient. */
	patientText: string;
	/** Clinical wording for staff, including why. */
	clinicianText: string;
	/** The exact words of the input (or structured answers) that triggered the rule. */
	evidence: string[];
}

export interface TriageDecision {
	level: TriageLevel;
	/** Every rule that fired, highest level first. Never empty. */
	reasons: FiredRule[];
	/** Content hash of the rule data and the NLP model version: names exactly what decided. */
	ruleSetVersion: string;
	/** True when a suicide / self-harm rule fired: the patient must be shown 988. */
	crisisLine: boolean;
}

export function levelRank(level: TriageLevel): number {
	return TRIAGE_LEVELS.indexOf(level);
}

export function maxLevel(a: TriageLevel, b: TriageLevel): TriageLevel {
	return levelRank(a) >= levelRank(b) ? a : b;
}

export type { RuleSet } from './ruleset';
