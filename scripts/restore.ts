/**
 * `npm run restore -- FILE [--force]`: puts the backup FILE in place of
 * DATABASE_PATH (stop the server first), then runs the audit on what it
 * restored. Refuses to replace a database with newer events unless --force.
 */
import { config } from '../src/lib/server/config';
import { StorageRefusedError } from '../src/lib/server/db';
import { restoreDatabase } from '../src/lib/server/db/backup';
import { auditFile } from '../src/lib/server/reports/audit';

const args = process.argv.slice(2);
const backup = args.find((a) => !a.startsWith('-'));
if (!backup) {
	console.error('Usage: npm run restore -- FILE [--force]');
	process.exit(2);
}
try {
	const s = restoreDatabase(backup, config.databasePath, { force: args.includes('--force') });
	console.log(`Restored ${backup} to ${s.file}: ${s.reports} reports, ${s.events} events (up to #${s.lastEventSeq}).`);
} catch (error) {
	if (!(error instanceof StorageRefusedError)) throw error;
	console.error(`Restore refused: ${error.message}`);
	process.exit(2);
}
let audit;
try {
	audit = auditFile(config.databasePath, config.checkpointKeyPath);
} catch (error) {
	console.error(`Restored, but cannot audit it: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
if (audit.problems.length > 0) {
	console.error(`The restored record does not verify: ${audit.problems[0]}`);
	process.exit(1);
}
console.log(`audit:verify: intact (${audit.checkpoints} signed checkpoints).`);
