import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, UnsafeDatabaseError, verifyPragmas } from '.';

function tempFile() {
	return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clearline-db-')), 'x.db');
}

describe('openDatabase', () => {
	it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout, and migrates', () => {
		const file = tempFile();
		const { sqlite } = openDatabase(file, path.resolve('drizzle'));
		expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
		expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
		const tables = sqlite.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[];
		expect(tables.map((t) => t.name)).toEqual(
			expect.arrayContaining(['users', 'sessions', 'reports', 'report_events'])
		);
		sqlite.close();
	});

	it('refuses to run on a connection that could lose acknowledged commits', () => {
		const file = tempFile();
		const sqlite = new Database(file);
		sqlite.pragma('journal_mode = WAL');
		sqlite.pragma('synchronous = NORMAL');
		sqlite.pragma('foreign_keys = ON');
		expect(() => verifyPragmas(sqlite, file)).toThrow(UnsafeDatabaseError);
		sqlite.pragma('synchronous = FULL');
		expect(() => verifyPragmas(sqlite, file)).not.toThrow();
		sqlite.pragma('foreign_keys = OFF');
		expect(() => verifyPragmas(sqlite, file)).toThrow(/foreign_keys/);
		sqlite.close();
	});
});
