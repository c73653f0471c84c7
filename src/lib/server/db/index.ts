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

/** Storage Clearline must not run on; the message is one line for whoever starts it. */
export class StorageRefusedError extends Error {
	override name = 'StorageRefusedError';
}

export interface OpenOptions {
	/** Create the file (and its directory) when missing. Production passes false unless started with --init. */
	create?: boolean;
}

/**
 * Refuses, before anything is written, a file that is missing where it must exist, that cannot
 * be written, or that is damaged: each of these once started a server whose every write failed,
 * wrote into a corrupt file, or silently began an empty record that hid every report.
 */
export function checkStorage(file: string, { create = true }: OpenOptions = {}): void {
	if (file === ':memory:') return;
	if (!fs.existsSync(file)) {
		if (!create)
			throw new StorageRefusedError(
				`No database at ${file}. Clearline does not start an empty record in production (it would hide every report): check DATABASE_PATH, or start once with --init to create it.`
			);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		return;
	}
	const stat = fs.statSync(file);
	if (!stat.isFile()) throw new StorageRefusedError(`${file} is not a file: set DATABASE_PATH to the database file.`);
	let writable = (stat.mode & 0o222) !== 0;
	try {
		fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
		fs.accessSync(path.dirname(file), fs.constants.W_OK);
	} catch {
		writable = false;
	}
	if (!writable)
		throw new StorageRefusedError(
			`${file} is read-only: Clearline must write every report to it (and its -wal file beside it). Fix the permissions, or set DATABASE_PATH.`
		);
	let check: Database.Database | undefined;
	try {
		check = new Database(file, { readonly: true, fileMustExist: true });
		const result = check.pragma('quick_check', { simple: true });
		if (result !== 'ok')
			throw new StorageRefusedError(
				`${file} is damaged (quick_check: ${String(result)}). Restore it from a backup: npm run restore -- BACKUP.`
			);
	} catch (error) {
		if (error instanceof StorageRefusedError) throw error;
		throw new StorageRefusedError(
			`${file} is not a readable SQLite database (${error instanceof Error ? error.message : String(error)}). Restore it from a backup: npm run restore -- BACKUP.`
		);
	} finally {
		check?.close();
	}
}

export function openDatabase(
	file: string,
	migrationsFolder: string,
	options: OpenOptions = {}
): { db: Db; sqlite: Database.Database } {
	checkStorage(file, options);
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
