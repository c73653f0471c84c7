import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { reportEvents } from '../db/schema';
import { T0, context, fileDb, patient, report, staffMember } from '../testing/fixtures';
import fc from 'fast-check';
import { TRIAGE_LEVELS } from '../../triage/types';
import type { ContactOutcome } from '../../vocabulary';
import {
	addNote,
	addPatientUpdate,
	changeLevel,
	claim,
	escalate,
	logContactAttempt,
	release,
	requestClinician,
	resolve,
	updateCallback
} from './actions';
import { escalateOverdue } from '../queues/deadlines';
import { recordAccess } from './access';
import { loadCheckpointKey, verifyAudit, writeCheckpoint, type CheckpointKey } from './audit';
import { GENESIS_HASH } from './events';
import { createHash } from 'node:crypto';

let cleanups: (() => void)[] = [];
afterEach(() => {
	for (const c of cleanups) c();
	cleanups = [];
});

function tempKey(): CheckpointKey {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearline-key-'));
	cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
	return loadCheckpointKey(path.join(dir, 'checkpoint-key.pem'));
}

/** A database with a few reports worked through several steps, and a signed checkpoint. */
async function busy() {
	const handle = fileDb();
	cleanups.push(handle.cleanup);
	const db = handle.open();
	const key = tempKey();
	const p = await patient(db);
	const nurse = await staffMember(db, 'nurse');
	const urgent = report(context(db), p, 'stomach pain and blood in stool');
	const routine = report(context(db), p, 'I need a refill of my blood pressure pills');
	claim(context(db), nurse, urgent.id);
	addNote(context(db), nurse, urgent.id, 'Called, bleeding stopped');
	logContactAttempt(context(db), nurse, urgent.id, { outcome: 'reached' });
	resolve(context(db), nurse, urgent.id, { outcome: 'Advised to go to urgent care today', disposition: 'urgent_care' });
	addPatientUpdate(context(db), p, routine.id, 'also my ankles are a bit swollen');
	updateCallback(context(db), p, routine.id, { callbackPhone: '555-000-1111' });
	expect(writeCheckpoint(db, key, Date.now())).not.toBeNull();
	return { db, key, urgent, routine };
}

const audit = (db: Db, key: CheckpointKey) => verifyAudit(db, key.publicKey);

describe('audit:verify', () => {
	it('passes on a worked database, counting what it checked', async () => {
		const { db, key } = await busy();
		const summary = audit(db, key);
		expect(summary.problems).toEqual([]);
		expect(summary).toMatchObject({ reports: 2, checkpoints: 1, legacyReports: 0 });
		expect(summary.events).toBeGreaterThan(8);
	});

	it('names the report whose row was rewritten: its words, its level, its queue', async () => {
		const { db, key, urgent } = await busy();
		db.run(
			sql`update reports set description = 'mild cough', level = 'routine', queue = 'support' where id = ${urgent.id}`
		);
		const [problem] = audit(db, key).problems;
		expect(problem).toContain(`report ${urgent.reference}`);
		expect(problem).toMatch(/level, queue, .*description/);
	});

	it('fails on an altered event', async () => {
		const { db, key } = await busy();
		db.run(sql`drop trigger report_events_no_update`);
		db.run(sql`update report_events set data = '{"text":"nothing happened"}' where type = 'note_added'`);
		expect(audit(db, key).problems[0]).toMatch(/chain broken at event #\d+ \(report CL-/);
	});

	it('fails on a forged event with every later hash recomputed', async () => {
		const { db, key } = await busy();
		db.run(sql`drop trigger report_events_no_update`);
		const rows = db.select().from(reportEvents).orderBy(reportEvents.seq).all();
		const note = rows.find((r) => r.type === 'note_added')!;
		// The forger rewrites the note and re-chains everything after it with the same (public) hash rule.
		db.run(sql`update report_events set data = '{"text":"nothing happened"}' where seq = ${note.seq}`);
		rehash(db);
		const problems = audit(db, key).problems;
		// The chains check out again (the forger used the same rule); only the signature gives them away.
		expect(problems.some((p) => p.startsWith('chain broken'))).toBe(false);
		expect(problems).toContainEqual(expect.stringMatching(/history rewritten/));
	});

	it('fails when the newest events are deleted', async () => {
		const { db, key } = await busy();
		db.run(sql`drop trigger report_events_no_delete`);
		db.run(sql`delete from report_events where seq = (select max(seq) from report_events)`);
		expect(audit(db, key).problems).toContainEqual(expect.stringMatching(/newest events deleted/));
	});

	it('fails when an access-log row is removed, or the newest views are deleted', async () => {
		const { db, key, routine } = await busy();
		const doctor = await staffMember(db, 'doctor');
		for (let i = 0; i < 3; i++) recordAccess(db, doctor, routine.id, 'queue', T0 + i);
		expect(addNote(context(db, T0 + 10), doctor, routine.id, 'Reviewed').ok).toBe(true);
		expect(writeCheckpoint(db, key, T0 + 20)).not.toBeNull();
		expect(audit(db, key).problems).toEqual([]);
		db.run(sql`drop trigger access_log_no_delete`);
		db.run(sql`delete from access_log where seq = 2`);
		expect(audit(db, key).problems[0]).toMatch(/access log broken at row #3 \(report CL-/);
		db.run(sql`delete from access_log where seq = 3`);
		expect(audit(db, key).problems).toContainEqual(expect.stringMatching(/newest views deleted/));
	});

	it('fails on a checkpoint signed with another key', async () => {
		const { db } = await busy();
		expect(audit(db, tempKey()).problems).toContainEqual(expect.stringMatching(/signature does not verify/));
	});
});

/** What a forger with the file can do: recompute both chains with the hash rule in events.ts. */
function rehash(db: Db): void {
	let prev = GENESIS_HASH;
	const lastOfReport = new Map<string, string>();
	for (const r of db.select().from(reportEvents).orderBy(reportEvents.seq).all()) {
		const body = JSON.stringify([
			r.reportId,
			r.type,
			r.at,
			r.actorId,
			r.actorRole,
			r.actorName,
			r.actorChannel,
			r.actorCredential,
			r.actorTeam,
			r.data
		]);
		const reportPrev = lastOfReport.get(r.reportId) ?? GENESIS_HASH;
		const hash = createHash('sha256')
			.update(prev)
			.update('\n')
			.update(reportPrev)
			.update('\n')
			.update(body)
			.digest('hex');
		db.run(
			sql`update report_events set prev_hash = ${prev}, report_prev_hash = ${reportPrev}, hash = ${hash} where seq = ${r.seq}`
		);
		prev = hash;
		lastOfReport.set(r.reportId, hash);
	}
}

describe('events and rows agree', () => {
	it('after any sequence of commands, by anyone, folding the events gives every stored row', async () => {
		const handle = fileDb();
		cleanups.push(handle.cleanup);
		const db = handle.open();
		const key = tempKey();
		const p = await patient(db);
		const people = {
			patient: p,
			nurse: await staffMember(db, 'nurse'),
			support: await staffMember(db, 'support')
		};
		const texts = [
			'mild sore throat for two days',
			'now crushing chest pain',
			'ok thanks',
			'my calf is swollen and painful',
			'Gave advice on fluids and rest'
		];
		const who = fc.constantFrom<keyof typeof people>('patient', 'nurse', 'support');
		const text = fc.constantFrom(...texts);
		const command = fc.oneof(
			fc.record({ kind: fc.constant('claim' as const), who }),
			fc.record({ kind: fc.constant('release' as const), who }),
			fc.record({ kind: fc.constant('note' as const), who, text }),
			fc.record({ kind: fc.constant('update' as const), who, text }),
			fc.record({
				kind: fc.constant('contact' as const),
				who,
				outcome: fc.constantFrom('reached', 'no_answer', 'voicemail', 'wrong_number') as fc.Arbitrary<ContactOutcome>
			}),
			fc.record({ kind: fc.constant('escalate' as const), who }),
			fc.record({ kind: fc.constant('level' as const), who, to: fc.constantFrom(...TRIAGE_LEVELS) }),
			fc.record({ kind: fc.constant('resolve' as const), who, text }),
			fc.record({ kind: fc.constant('nurse' as const), who }),
			fc.record({ kind: fc.constant('callback' as const), who }),
			// Time passes and the deadline monitor climbs the ladder for whatever is overdue.
			fc.record({ kind: fc.constant('wait' as const), who, minutes: fc.integer({ min: 1, max: 180 }) })
		);
		let t = T0;
		fc.assert(
			fc.property(fc.constantFrom(...texts), fc.array(command, { maxLength: 12 }), (first, commands) => {
				const r = report(context(db, (t += 1000)), p, first);
				for (const c of commands) {
					const ctx = context(db, (t += 1000));
					const u = people[c.who];
					switch (c.kind) {
						case 'claim':
							claim(ctx, u, r.id);
							break;
						case 'release':
							release(ctx, u, r.id);
							break;
						case 'note':
							addNote(ctx, u, r.id, c.text);
							break;
						case 'update':
							addPatientUpdate(ctx, u, r.id, c.text);
							break;
						case 'contact':
							logContactAttempt(ctx, u, r.id, { outcome: c.outcome, emergencyAdviceLeft: true });
							break;
						case 'escalate':
							escalate(ctx, u, r.id, 'Sounds unwell on the phone');
							break;
						case 'level':
							changeLevel(ctx, u, r.id, {
								to: c.to,
								reasonCode: 'assessed_by_phone',
								reason: 'Spoke with the patient: symptoms settled, plan agreed'
							});
							break;
						case 'resolve':
							resolve(ctx, u, r.id, { outcome: c.text, disposition: 'advice' });
							break;
						case 'nurse':
							requestClinician(ctx, u, r.id);
							break;
						case 'callback':
							updateCallback(ctx, u, r.id, { callbackPhone: '555-123-9876', callbackWindow: 'evening' });
							break;
						case 'wait':
							escalateOverdue(context(db, (t += c.minutes * 60_000)));
							break;
					}
				}
				writeCheckpoint(db, key, t);
				expect(audit(db, key).problems).toEqual([]);
			}),
			{ numRuns: 60, seed: 20261202 }
		);
	});
});
