/**
 * `npm run triage:replay -- --rules path/to/candidate-rules.ts [--json]`
 * Runs every stored report (DATABASE_PATH) through the live rule set and a
 * candidate, and lists each report whose level would change. Lowered levels
 * are listed first: they are the ones a clinical lead must sign off.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { config } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { replayReports } from '../src/lib/server/reports/replay';
import type { RuleSet } from '../src/lib/triage/types';

const { values } = parseArgs({ options: { rules: { type: 'string' }, json: { type: 'boolean', default: false } } });
if (!values.rules) {
	console.error(
		'Usage: npm run triage:replay -- --rules path/to/candidate-rules.ts [--json]\nThe module must export `ruleSet`.'
	);
	process.exit(2);
}
const module = (await import(pathToFileURL(path.resolve(values.rules)).href)) as {
	ruleSet?: RuleSet;
	default?: RuleSet;
};
const candidate = module.ruleSet ?? module.default;
if (!candidate || !Array.isArray(candidate.rules) || typeof candidate.version !== 'string') {
	console.error(`${values.rules} does not export a rule set as \`ruleSet\`.`);
	process.exit(2);
}

const { db } = openDatabase(config.databasePath, config.migrationsFolder);
const summary = replayReports(db, candidate);
if (values.json) {
	console.log(JSON.stringify({ candidateVersion: candidate.version, ...summary }, null, 2));
} else {
	console.log(
		`Candidate rule set ${candidate.version} against ${summary.reports} stored reports (${config.databasePath})`
	);
	console.log(`${summary.changes.length} would change: ${summary.down} lower, ${summary.up} higher.\n`);
	const ordered = [...summary.changes].sort((a, b) =>
		a.direction === b.direction ? 0 : a.direction === 'down' ? -1 : 1
	);
	for (const c of ordered) {
		console.log(
			`${c.direction === 'down' ? 'LOWER ' : 'HIGHER'} ${c.reference}  ${c.createdAt}  stored ${c.storedLevel}  now ${c.currentLevel} -> ${c.candidateLevel}  [${c.candidateRules.join(', ')}]`
		);
	}
}
