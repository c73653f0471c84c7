import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from './backup';
import { auditFile } from '../reports/audit';
import { ApiClient, startServer, type TestServer } from '../testing/server';

let server: TestServer;
let dir: string;
beforeAll(async () => {
	server = await startServer({ CHECKPOINT_EVERY_MS: '1000' });
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearline-backup-'));
});
afterAll(async () => {
	await server?.stop();
	fs.rmSync(dir, { recursive: true, force: true });
});

const ids = (file: string): Set<string> => {
	const db = new Database(file, { readonly: true });
	const out = new Set((db.prepare('select id from reports').pluck().all() as string[]) ?? []);
	db.close();
	return out;
};

describe('backup and restore', () => {
	it('a backup taken under concurrent writes holds every acknowledged report and verifies once restored', async () => {
		const patient = new ApiClient(server.url);
		await patient.signupAndLogin();
		const acknowledged: string[] = [];
		const send = async () => {
			const r = await patient.request('POST', '/reports', { emergencyScreen: [], description: 'my knee is sore' });
			if (r.status === 201) acknowledged.push(r.json.id as string);
		};
		for (let i = 0; i < 10; i++) await send();
		await new Promise((r) => setTimeout(r, 1500)); // a signed checkpoint covers some of them
		// Writers keep going while the copy is taken.
		let writing = true;
		const writers = Promise.all(
			[0, 1, 2].map(async () => {
				while (writing) await send();
			})
		);
		await new Promise((r) => setTimeout(r, 100));
		const before = [...acknowledged];
		const summary = backupDatabase(server.databasePath, path.join(dir, 'copy.db'));
		writing = false;
		await writers;
		expect(summary.reports).toBeGreaterThanOrEqual(before.length);
		const copied = ids(summary.file);
		for (const id of before) expect(copied.has(id)).toBe(true);

		const target = path.join(dir, 'restored', 'clearline.db');
		const restored = restoreDatabase(summary.file, target);
		expect(restored.reports).toBe(summary.reports);
		const audit = auditFile(target, path.join(path.dirname(server.databasePath), 'checkpoint-key.pem'));
		expect(audit.problems).toEqual([]);
		expect(audit.checkpoints).toBeGreaterThan(0);
	});

	it('refuses to overwrite a file, to back up a missing database, and to restore over newer events', () => {
		const copy = path.join(dir, 'older.db');
		backupDatabase(server.databasePath, copy);
		expect(() => backupDatabase(server.databasePath, copy)).toThrow(/already exists/);
		expect(() => backupDatabase(path.join(dir, 'nope.db'), path.join(dir, 'x.db'))).toThrow(/No database/);
		expect(() => restoreDatabase(path.join(dir, 'nope.db'), path.join(dir, 'y.db'))).toThrow(/No backup/);
		// The live database has moved on past the copy once another event is written.
		const target = path.join(dir, 'newer.db');
		backupDatabase(server.databasePath, target);
		const db = new Database(target);
		const last = db.prepare('select * from report_events order by seq desc limit 1').get() as Record<string, unknown>;
		db.prepare(
			`insert into report_events (report_id, type, at, actor_role, data, prev_hash, hash) values (?, 'note_added', ?, 'system', '{}', ?, ?)`
		).run(last.report_id, Date.now(), last.hash, 'f'.repeat(64));
		db.close();
		expect(() => restoreDatabase(copy, target)).toThrow(/newer events/);
		expect(restoreDatabase(copy, target, { force: true }).file).toBe(target);
	});
});
