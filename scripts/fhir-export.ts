/**
 * `npm run fhir:export -- DIR`: writes the record in DATABASE_PATH as FHIR R4 NDJSON, one file per
 * resource type, with a Bulk Data manifest. The export itself is recorded in the access log.
 */
import { config } from '../src/lib/server/config';
import { openDatabase, StorageRefusedError } from '../src/lib/server/db';
import { bulkExport } from '../src/lib/server/fhir/bulk';

const dir = process.argv[2];
if (!dir || dir.startsWith('-')) {
	console.error('Usage: npm run fhir:export -- DIR');
	process.exit(2);
}
try {
	const { db, sqlite } = openDatabase(config.databasePath, config.migrationsFolder, { create: false });
	const manifest = bulkExport(db, dir, Date.now());
	sqlite.close();
	console.log(`Exported ${config.databasePath} to ${dir}:`);
	for (const o of manifest.output) console.log(`  ${o.url}: ${o.count}`);
} catch (error) {
	if (!(error instanceof StorageRefusedError)) throw error;
	console.error(`Export refused: ${error.message}`);
	process.exit(2);
}
