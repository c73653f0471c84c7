/**
 * `npm run audit:verify`: checks the whole record in DATABASE_PATH: every hash
 * link, every signed checkpoint (with the key at CHECKPOINT_KEY_PATH), and that
 * every report's row is what its events say. Opens the database read-only, so
 * it runs beside a live server without blocking it. Exit 0 when intact, 1 on
 * any problem, 2 when the database or key cannot be read.
 */
import { config } from '../src/lib/server/config';
import { auditFile, type AuditSummary } from '../src/lib/server/reports/audit';

const file = config.databasePath;
let summary: AuditSummary;
try {
	summary = auditFile(file, config.checkpointKeyPath);
} catch (error) {
	console.error(`Cannot audit ${file}: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(2);
}

const { reports, events, views, checkpoints, legacyReports, problems } = summary;
console.log(`${file}: ${reports} reports, ${events} events, ${views} staff views, ${checkpoints} signed checkpoints.`);
if (legacyReports > 0)
	console.log(`${legacyReports} reports predate full-content events: their words are checked by the chain only.`);
if (problems.length === 0) {
	console.log('Record intact: every hash, signature and report row verified.');
} else {
	console.error(`RECORD BROKEN: ${problems.length} problem(s). First: ${problems[0]}`);
	for (const p of problems.slice(1, 20)) console.error(`  ${p}`);
	process.exitCode = 1;
}
