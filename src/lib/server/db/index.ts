import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Pragmas a health record store must not run without. */
const REQUIRED_PRAGMAS = {
	journal_mode: 'wal',
	// better-sqlite3 leaves WAL databases at NORMAL, which can lose acknowledged
	// commits on power loss; FULL fsyncs the WAL on every commit.
	synchronous: 2,
	foreign_keys: 1
} as const;

export class UnsafeDatabaseError extends Error {}

export function openDatabase(file: string, migrationsFolder: string): { db: Db; sqlite: Database.Database } {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
	const sqlite = new Database(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	verifyPragmas(sqlite, file);
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder });
	return { db, sqlite };
}

export function verifyPragmas(sqlite: Database.Database, file: string): void {
	const actual = {
		journal_mode: sqlite.pragma('journal_mode', { simple: true }),
		synchronous: sqlite.pragma('synchronous', { simple: true }),
		foreign_keys: sqlite.pragma('foreign_keys', { simple: true })
	};
	for (const [name, wanted] of Object.entries(REQUIRED_PRAGMAS)) {
		const got = actual[name as keyof typeof actual];
		// An in-memory database reports journal_mode "memory"; only tests use one.
		if (name === 'journal_mode' && file === ':memory:') continue;
		if (got !== wanted) {
			throw new UnsafeDatabaseError(`Refusing to run: PRAGMA ${name} is ${String(got)}, expected ${wanted}`);
		}
	}
}

export { schema };
