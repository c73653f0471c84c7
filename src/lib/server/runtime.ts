/**
 * The process-wide database handle and clock. Opened lazily (the build imports
 * server modules without a database) and once per process.
 */
import { config } from './config';
import { openDatabase, type Db } from './db';

let opened: Db | undefined;

export function db(): Db {
	opened ??= openDatabase(config.databasePath, config.migrationsFolder).db;
	return opened;
}

export function now(): number {
	return Date.now();
}
