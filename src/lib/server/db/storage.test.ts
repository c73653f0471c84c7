/**
 * Start-up on storage Clearline must not run on: the built server refuses with
 * one line saying why, writes nothing, and leaves the file as it was.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageRefusedError, checkStorage, openDatabase } from '.';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) {
		fs.chmodSync(d, 0o755);
		fs.rmSync(d, { recursive: true, force: true });
	}
});

function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearline-storage-'));
	dirs.push(dir);
	return dir;
}

/** A real Clearline database with a row in it, closed. */
function goodDb(dir: string): string {
	const file = path.join(dir, 'c.db');
	const { sqlite } = openDatabase(file, path.resolve('drizzle'));
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.close();
	return file;
}

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function start(env: Record<string, string>, args: string[] = []) {
	const entry = path.resolve('build/index.js');
	if (!fs.existsSync(entry)) throw new Error('No build found: run `npm run build` (npm test does) first.');
	return spawnSync(process.execPath, [entry, ...args], {
		env: { ...process.env, NODE_ENV: 'production', PORT: '0', LOG_LEVEL: 'silent', ...env },
		encoding: 'utf8',
		timeout: 30_000
	});
}

function expectRefusal(run: ReturnType<typeof start>, reason: RegExp): void {
	expect(run.status).toBe(1);
	const lines = run.stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^Clearline will not start: /);
	expect(lines[0]).toMatch(reason);
	expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('checkStorage', () => {
	it('accepts a sound, writable database and creates a missing one where allowed', () => {
		const dir = tempDir();
		expect(() => checkStorage(goodDb(dir))).not.toThrow();
		expect(() => checkStorage(path.join(dir, 'new', 'x.db'), { create: true })).not.toThrow();
	});

	it('refuses a read-only, a corrupt, a foreign and a missing file', () => {
		const dir = tempDir();
		const ro = goodDb(dir);
		fs.chmodSync(ro, 0o444);
		expect(() => checkStorage(ro)).toThrow(/read-only/);
		const junk = path.join(dir, 'junk.db');
		fs.writeFileSync(junk, 'this is not a database, but it is somebody’s file');
		expect(() => checkStorage(junk)).toThrow(StorageRefusedError);
		expect(() => checkStorage(path.join(dir, 'missing', 'x.db'), { create: false })).toThrow(/--init/);
		expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false);
	});

	it('refuses a database whose pages are damaged', () => {
		const dir = tempDir();
		const file = goodDb(dir);
		const sqlite = new Database(file);
		sqlite.exec(
			`create table filler(x); with recursive n(i) as (select 1 union all select i + 1 from n where i < 200) insert into filler select randomblob(900) from n;`
		);
		sqlite.pragma('wal_checkpoint(TRUNCATE)');
		sqlite.close();
		const bytes = fs.readFileSync(file);
		// Scribble over the middle of the file: b-tree pages, not the header.
		bytes.fill(0xa5, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
		fs.writeFileSync(file, bytes);
		expect(() => checkStorage(file)).toThrow(/damaged|not a readable/);
	});
});

describe('the server at start-up', () => {
	it('refuses a read-only database in one line and leaves it unchanged', () => {
		const dir = tempDir();
		const file = goodDb(dir);
		fs.chmodSync(file, 0o444);
		const before = digest(file);
		expectRefusal(start({ DATABASE_PATH: file }), /read-only/);
		expect(digest(file)).toBe(before);
	});

	it('refuses a corrupt file in one line and leaves it unchanged', () => {
		const dir = tempDir();
		const file = path.join(dir, 'c.db');
		fs.writeFileSync(file, 'SQLite format 3\0' + 'x'.repeat(5000));
		const before = digest(file);
		expectRefusal(start({ DATABASE_PATH: file }), /not a readable SQLite database|damaged/);
		expect(digest(file)).toBe(before);
		expect(fs.existsSync(`${file}-wal`)).toBe(false);
	});

	it('in production, refuses a missing database unless started with --init', () => {
		const dir = tempDir();
		const file = path.join(dir, 'prod', 'c.db');
		const env = { DATABASE_PATH: file, CLEARLINE_ENV: 'production', ORIGIN: 'http://127.0.0.1' };
		expectRefusal(start(env), /--init/);
		expect(fs.existsSync(path.dirname(file))).toBe(false);
	});

	it('in production, will not make up the number patients are told to call', () => {
		const dir = tempDir();
		const env = {
			DATABASE_PATH: path.join(dir, 'c.db'),
			CLEARLINE_ENV: 'production',
			ORIGIN: 'http://127.0.0.1',
			CLINIC_PHONE: ''
		};
		expectRefusal(start(env, ['--init']), /set CLINIC_PHONE/);
	});
});
