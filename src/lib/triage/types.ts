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
}

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

/*
 * Rule-set vocabulary: the rules and the lexicon they read are plain data
 * (src/lib/triage/rules.ts, lexicon.ts) so clinicians can review them and a
 * replay tool can load a candidate set and compare levels.
 */

/** A phrase-level concept of patient language. Phrases use the syntax of lexicon.ts. */
export interface ConceptDef {
	/** Token phrases: `a|b` alternatives, `word*` prefix, `~` gap of up to 3 words (`~5`: up to 5). */
	phrases?: readonly string[];
	/** Union of other (earlier declared) concepts. */
	anyOf?: readonly string[];
	/** All listed concepts mentioned (un-negated) within `within` words in one sentence. */
	near?: readonly { of: readonly string[]; within: number }[];
	/**
	 * How a mention counts as clinical content for admin routing:
	 * 'positive' = an un-negated mention; 'mention' = any mention, even negated
	 * (a red flag that the patient felt the need to deny still makes it clinical).
	 */
	signal?: 'positive' | 'mention';
}

export type Lexicon = Readonly<Record<string, ConceptDef>>;

export type Condition =
	| { concept: string }
	| { mentioned: string }
	| { screen: EmergencyScreenId }
	| { anyScreen: true }
	| { screenCountAtMost: number }
	| { ageBelow: number }
	| { ageAtLeast: number }
	| { pregnancy: 'confirmed' | 'possible' }
	| { sex: Sex }
	| { severityAtLeast: number }
	| { clinicalSignal: boolean }
	| { all: readonly Condition[] }
	| { any: readonly Condition[] }
	/** Only for the checklist-retraction pair of rules: everything else only ever adds. */
	| { not: Condition };

export interface Rule {
	id: string;
	level: TriageLevel;
	when: Condition;
	/** Short clinical label, e.g. "possible GI bleed" (clinicianText is evidence → this). */
	clinician: string;
	/** The clinical reason the rule exists. */
	reason: string;
	/** Plain words for the patient. */
	patientText: string;
	/**
	 * Where the rule comes from (guideline, labelling policy). The default rule
	 * set keeps sources as `// Source:` comments so they stay out of the browser bundle.
	 */
	source?: string;
	/** Show 988 crisis-line advice. */
	crisisLine?: boolean;
	/** Fires only when no other rule fired. */
	fallback?: boolean;
}

export interface RuleSet {
	version: string;
	rules: readonly Rule[];
	lexicon: Lexicon;
}
