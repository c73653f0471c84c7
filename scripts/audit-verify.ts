/**
 * `npm run audit:verify`: checks the whole record in DATABASE_PATH: every hash
 * link, every signed checkpoint (with the key at CHECKPOINT_KEY_PATH), and that
 * every report's row is what its events say. Opens the database read-only, so
 * it runs beside a live server without blocking it. Exit 0 when intact, 1 on
 * any problem, 2 when the database or key cannot be read.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { config } from '../src/lib/server/config';
import { schema } from '../src/lib/server/db';
import { loadCheckpointKey, verifyAudit } from '../src/lib/server/reports/audit';

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

const file = config.databasePath;
if (!fs.existsSync(file)) fail(`No database at ${file}: set DATABASE_PATH to the file to check.`);
if (!fs.existsSync(config.checkpointKeyPath))
	fail(`No checkpoint key at ${config.checkpointKeyPath}: set CHECKPOINT_KEY_PATH to the server's key.`);

let summary;
try {
	const sqlite = new Database(file, { readonly: true, fileMustExist: true });
	sqlite.pragma('busy_timeout = 5000');
	summary = verifyAudit(drizzle(sqlite, { schema }), loadCheckpointKey(config.checkpointKeyPath).publicKey);
	sqlite.close();
} catch (error) {
	fail(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
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
