/**
 * Loads and validates a rule-data directory (for `triage:replay --rules DIR`,
 * the server's start-up check and tests). Node only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRuleSet, type CompiledRuleSet } from './ruleset';
import { DATA_FILES, RuleDataError, validateRuleData } from './schema';

export function loadRuleSet(dir: string): CompiledRuleSet {
	const raw = Object.fromEntries(
		Object.entries(DATA_FILES).map(([key, file]) => {
			let text: string;
			try {
				text = readFileSync(join(dir, file), 'utf8');
			} catch {
				throw new RuleDataError(`${join(dir, file)}: cannot be read`);
			}
			try {
				return [key, JSON.parse(text) as unknown];
			} catch (e) {
				throw new RuleDataError(`${file}: not valid JSON (${(e as Error).message})`);
			}
		})
	) as Record<keyof typeof DATA_FILES, unknown>;
	return compileRuleSet(validateRuleData(raw));
}
