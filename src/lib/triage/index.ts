/**
 * Clearline triage: a pure, deterministic rule engine shared by the server
 * (decision of record), the CLI and the browser (offline hint only).
 */
import { evaluateRuleSet } from './engine';
import { ruleSet as defaultRuleSet } from './rules';
import type { RuleSet, TriageDecision, TriageInput } from './types';

export * from './types';
export { defaultRuleSet };

/** Triage one report. `ruleSet` lets a replay tool compare a candidate rule set. */
export function triage(input: TriageInput, ruleSet: RuleSet = defaultRuleSet): TriageDecision {
	return evaluateRuleSet(input, ruleSet);
}
