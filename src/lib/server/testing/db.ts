import path from 'node:path';
import { openDatabase } from '../db';

/** A migrated in-memory database for unit tests of server modules. */
export function testDb() {
	return openDatabase(':memory:', path.resolve('drizzle'));
}
