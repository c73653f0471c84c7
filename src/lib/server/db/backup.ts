/**
 * Online backups and checked restores. A backup is `VACUUM INTO` on a live
 * database: one read transaction, so a consistent copy of one moment, taken
 * while the server keeps writing (in WAL mode readers never block writers, and
 * unlike the page-by-page backup API it never restarts when the source changes). A restore refuses to replace a database that holds newer events
 * than the backup (unless forced), and is checked before it replaces anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StorageRefusedError, checkStorage } from '.';

export interface BackupSummary {
	file: string;
	reports: number;
	events: number;
	/** The newest event in the copy: a restore of it holds everything acknowledged up to there. */
	lastEventSeq: number;
}

function summarise(file: string): BackupSummary {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const count = (sql: string) => (db.prepare(sql).pluck().get() as number | null) ?? 0;
		return {
			file,
			reports: count('select count(*) from reports'),
			events: count('select count(*) from report_events'),
			lastEventSeq: count('select max(seq) from report_events')
		};
	} finally {
		db.close();
	}
}

/** Copies the database at `source` to `target` while it is in use. Refuses to overwrite a file. */
export function backupDatabase(source: string, target: string): BackupSummary {
	if (!fs.existsSync(source)) throw new StorageRefusedError(`No database at ${source}: set DATABASE_PATH.`);
	if (fs.existsSync(target)) throw new StorageRefusedError(`${target} already exists: choose a new backup file.`);
	const dir = path.dirname(target);
	if (!fs.existsSync(dir)) throw new StorageRefusedError(`The folder ${dir} does not exist.`);
	const db = new Database(source, { readonly: true, fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		db.prepare('VACUUM INTO ?').run(target);
	} finally {
		db.close();
	}
	checkStorage(target, { create: false });
	return summarise(target);
}

export interface RestoreOptions {
	/** Replace a database that has events newer than the backup. */
	force?: boolean;
}

/**
 * Puts the backup at `backup` in place of `target` (the server must be stopped). Refuses a damaged
 * backup, and a target that holds events the backup lacks unless `force`.
 */
export function restoreDatabase(backup: string, target: string, options: RestoreOptions = {}): BackupSummary {
	if (!fs.existsSync(backup)) throw new StorageRefusedError(`No backup at ${backup}.`);
	checkStorage(backup, { create: false });
	const restored = summarise(backup);
	if (fs.existsSync(target) && !options.force) {
		const current = summarise(target);
		if (current.lastEventSeq > restored.lastEventSeq)
			throw new StorageRefusedError(
				`${target} holds newer events (up to #${current.lastEventSeq}) than the backup (up to #${restored.lastEventSeq}): restoring would lose them. Use --force if that is what you want.`
			);
	}
	fs.mkdirSync(path.dirname(target), { recursive: true });
	const staging = `${target}.restoring`;
	fs.copyFileSync(backup, staging);
	// The old WAL belongs to the old file: left beside the new one it would be replayed into it.
	for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
	fs.renameSync(staging, target);
	return { ...restored, file: target };
}
