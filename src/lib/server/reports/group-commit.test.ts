import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { reports } from '../db/schema';
import type { LiveEvent } from '../queues/live';
import { fileDb, patient, T0 } from '../testing/fixtures';
import { GroupCommit } from './group-commit';
import { submitReport } from './submit';

let cleanup = () => {};
afterEach(() => cleanup());

async function setup() {
	const handle = fileDb();
	cleanup = handle.cleanup;
	const { db, sqlite } = openDatabase(handle.file, path.resolve('drizzle'));
	const who = await patient(db);
	const announced: LiveEvent[] = [];
	const commits = new GroupCommit(sqlite, { publish: (e) => announced.push(e) });
	const submit = (description: string, id?: string) =>
		commits.run((bus) =>
			submitReport({ db, now: T0, bus }, who.id, { id, emergencyScreen: [], description, contactPreference: 'call' })
		);
	return { db, sqlite, announced, submit, who };
}

describe('group commit', () => {
	it('writes submissions from one turn of the event loop inside one shared transaction', async () => {
		const { db, sqlite, who } = await setup();
		const commits = new GroupCommit(sqlite, { publish: () => {} });
		const insideShared: boolean[] = [];
		const order: string[] = [];
		const results = await Promise.all(
			['sore throat for two days', 'mild rash on my arm', 'a refill of my usual inhaler'].map((description) =>
				commits
					.run((bus) => {
						// Already in a transaction before the command opens its own: the batch's.
						insideShared.push(sqlite.inTransaction);
						order.push('ran');
						return submitReport({ db, now: T0, bus }, who.id, {
							emergencyScreen: [],
							description,
							contactPreference: 'call'
						});
					})
					.then((result) => {
						order.push('answered');
						return result;
					})
			)
		);
		expect(insideShared).toEqual([true, true, true]);
		// All three ran before any was answered: one commit acknowledged them together.
		expect(order).toEqual(['ran', 'ran', 'ran', 'answered', 'answered', 'answered']);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(sqlite.inTransaction).toBe(false);
		expect(db.select({ n: count() }).from(reports).get()!.n).toBe(3);
	});

	it('announces nothing until the shared commit, then every event', async () => {
		const { announced, submit } = await setup();
		const pending = submit('stomach pain and blood in stool');
		expect(announced).toEqual([]);
		await pending;
		expect(announced.map((e) => e.type)).toEqual(['submitted', 'triaged']);
	});

	it('rolls back a refused submission alone', async () => {
		const { db, sqlite, who } = await setup();
		const commits = new GroupCommit(sqlite, { publish: () => {} });
		const stranger = await patient(db);
		const id = crypto.randomUUID();
		const send = (patientId: string, description: string, clientId?: string) =>
			commits.run((bus) =>
				submitReport({ db, now: T0, bus }, patientId, {
					id: clientId,
					emergencyScreen: [],
					description,
					contactPreference: 'call'
				})
			);
		await send(who.id, 'first, with a client id', id);
		const results = await Promise.all([
			send(who.id, 'a normal report'),
			send(stranger.id, 'someone else reusing the id', id),
			send(who.id, 'another normal report')
		]);
		expect(results.map((r) => (r.ok ? 'ok' : r.problem.code))).toEqual(['ok', 'id_conflict', 'ok']);
		expect(db.select({ n: count() }).from(reports).get()!.n).toBe(3);
	});

	it('rejects only the submission that threw', async () => {
		const { sqlite, submit, announced } = await setup();
		const commits = new GroupCommit(sqlite, { publish: (e) => announced.push(e) });
		const boom = commits.run(() => {
			throw new Error('unexpected');
		});
		const fine = submit('knee pain after a run');
		await expect(boom).rejects.toThrow('unexpected');
		await expect(fine).resolves.toMatchObject({ ok: true });
	});
});
