/**
 * `npm run audit:chain`: walks the whole report event log (DATABASE_PATH) and
 * checks every hash link. Exit 0 when intact; 1 with the first broken event.
 */
import { config } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { verifyChain } from '../src/lib/server/reports/events';

const { db } = openDatabase(config.databasePath, config.migrationsFolder);
const result = verifyChain(db);
if (result.ok) {
	console.log(`Event log intact: ${result.events} events, every hash verified (${config.databasePath}).`);
} else {
	console.error(`Event log BROKEN at event #${result.brokenAt}: it, or an event before it, was changed or removed.`);
	process.exitCode = 1;
}
