/**
 * Clearline triage: a pure, deterministic engine over reviewed data
 * (src/lib/triage/data), shared by the server (decision of record), the CLI
 * and tests. The data is validated against its schema by the server at
 * start-up and by the test suite (see load.ts); this module does no I/O.
 */
import manifest from './data/manifest.json';
import concepts from './data/concepts.json';
import lexiconEn from './data/lexicon.en.json';
import lexiconEs from './data/lexicon.es.json';
import vitals from './data/vitals.json';
import rules from './data/rules.json';
import questions from './data/questions.json';
import { evaluate } from './engine';
import { questionStep } from './questions';
import { compileRuleSet, type RuleSet } from './ruleset';
import type { DATA_FILES, RuleData } from './schema';
import type { QuestionStep, TriageDecision, TriageInput } from './types';

export * from './types';

/** The shipped data files, as parsed JSON (validate with `validateRuleData` before trusting a candidate). */
export const defaultRawData: Record<keyof typeof DATA_FILES, unknown> = {
	manifest,
	concepts,
	lexiconEn,
	lexiconEs,
	vitals,
	rules,
	questions
};

let compiled: RuleSet | null = null;

/** The shipped rule set, compiled on first use. */
export function defaultRuleSet(): RuleSet {
	compiled ??= compileRuleSet({
		manifest,
		concepts,
		lexicons: [lexiconEn, lexiconEs],
		vitals,
		rules,
		questions
	} as unknown as RuleData);
	return compiled;
}

/** Triage one report. `ruleSet` lets a replay tool compare a candidate rule set. */
export function triage(input: TriageInput, ruleSet: RuleSet = defaultRuleSet()): TriageDecision {
	return evaluate(input, ruleSet);
}

/** The questions to ask after the description (or the family picker), in the patient's language. */
export function questionsFor(input: TriageInput, ruleSet: RuleSet = defaultRuleSet()): QuestionStep {
	return questionStep(input, ruleSet);
}
