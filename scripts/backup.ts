/**
 * `npm run backup -- FILE`: a consistent copy of DATABASE_PATH while the server
 * runs (VACUUM INTO: one consistent moment). Refuses to overwrite FILE.
 */
import { config } from '../src/lib/server/config';
import { StorageRefusedError } from '../src/lib/server/db';
import { backupDatabase } from '../src/lib/server/db/backup';

const target = process.argv[2];
if (!target || target.startsWith('-')) {
	console.error('Usage: npm run backup -- FILE');
	process.exit(2);
}
try {
	const s = backupDatabase(config.databasePath, target);
	console.log(
		`Backed up ${config.databasePath} to ${s.file}: ${s.reports} reports, ${s.events} events (up to #${s.lastEventSeq}).`
	);
} catch (error) {
	if (!(error instanceof StorageRefusedError)) throw error;
	console.error(`Backup refused: ${error.message}`);
	process.exit(2);
}
