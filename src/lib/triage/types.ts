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
	/** Answers to the question step, by question id (see data/questions.json). Unknown ids are ignored here; the API refuses them. */
	answers?: Readonly<Record<string, Answer>>;
	/** Complaint families the patient picked ("What is it mostly about?") when the text named none. */
	complaints?: readonly string[];
	/** Who the report is about; when not the patient, `ageYears` is the profile's and `subjectAgeYears` counts instead. */
	subject?: Subject | null;
	subjectAgeYears?: number | null;
	/** Risk-factor taps (ids in data/questions.json). */
	riskFactors?: readonly string[];
	measurements?: Measurements;
}

export const ANSWERS = ['yes', 'no', 'unsure'] as const;
export type Answer = (typeof ANSWERS)[number];

export const SUBJECTS = ['self', 'child', 'parent', 'other'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** Readings the patient took, in the units the form converts to. */
export interface Measurements {
	temperatureC?: number;
	glucoseMgDl?: number;
	systolic?: number;
	diastolic?: number;
	spo2?: number;
}

/** Everything the question step told beside the words, as stored with a report. */
export interface Told {
	answers: Record<string, Answer>;
	complaints: string[];
	subject: Subject;
	subjectAgeYears: number | null;
	riskFactors: string[];
	measurements: Measurements;
}

/** One question for the patient, in their language. */
export interface AskedQuestion {
	id: string;
	text: string;
	/** The complaint family it belongs to. */
	complaint: string;
	/** "Not sure" counts as "yes": a "yes" would reach a clinician. */
	redFlag: boolean;
	/** A "yes" (or "not sure" on a red flag) means an emergency for this report: the call-911 screen shows at once. */
	emergency: boolean;
	/** …and the crisis line (988) too. */
	crisis: boolean;
}

/** What the question step asks after the description. */
export interface QuestionStep {
	/** Complaint families recognised in the text (or picked). */
	complaints: string[];
	questions: AskedQuestion[];
	/** Offered when the text names no complaint family: "What is it mostly about?" */
	picker?: { id: string; label: string }[];
	/** The level the text and answers reach so far (an offline hint; the server decides again). */
	level: TriageLevel;
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
