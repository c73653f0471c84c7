/**
 * `npm run triage:replay -- --rules DIR [--json]`
 * Runs every stored report (DATABASE_PATH) through the live rule data and a
 * candidate data directory (a copy of src/lib/triage/data with changes), and
 * lists each report whose level would change. Lowered levels are listed first:
 * they are the ones a clinical lead must sign off.
 */
import { parseArgs } from 'node:util';
import { config } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { replayReports } from '../src/lib/server/reports/replay';
import { loadRuleSet } from '../src/lib/triage/load';
import { RuleDataError } from '../src/lib/triage/schema';
import { defaultRuleSet } from '../src/lib/triage/index';

const { values } = parseArgs({ options: { rules: { type: 'string' }, json: { type: 'boolean', default: false } } });
if (!values.rules) {
	console.error(
		'Usage: npm run triage:replay -- --rules path/to/data-dir [--json]\nThe directory holds the files of src/lib/triage/data.'
	);
	process.exit(2);
}
let candidate;
try {
	candidate = loadRuleSet(values.rules);
} catch (err) {
	console.error(err instanceof RuleDataError ? `Candidate rule data refused: ${err.message}` : String(err));
	process.exit(2);
}

const { db } = openDatabase(config.databasePath, config.migrationsFolder);
const summary = replayReports(db, candidate);
if (values.json) {
	console.log(
		JSON.stringify(
			{ currentVersion: defaultRuleSet().version, candidateVersion: candidate.version, ...summary },
			null,
			2
		)
	);
} else {
	console.log(
		`Candidate rule set ${candidate.version} (live ${defaultRuleSet().version}) against ${summary.reports} stored reports (${config.databasePath})`
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
