import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { context, fileDb, patient, report, staffMember } from '../testing/fixtures';
import { claim, addNote } from './actions';
import { reportEvents } from '../db/schema';
import { eventsOf, verifyChain, verifyReportHistory } from './events';

let cleanup = () => {};
const rowsOf = (db: ReturnType<ReturnType<typeof fileDb>['open']>, id: string) =>
	db.select().from(reportEvents).where(eq(reportEvents.reportId, id)).orderBy(reportEvents.seq).all();
afterEach(() => cleanup());

async function withHistory() {
	const handle = fileDb();
	cleanup = handle.cleanup;
	const db = handle.open();
	const r = report(context(db), await patient(db), 'stomach pain and blood in stool');
	const nurse = await staffMember(db, 'nurse');
	claim(context(db), nurse, r.id);
	addNote(context(db), nurse, r.id, 'Called, bleeding stopped');
	return { db, r, handle };
}

describe('append-only, hash-chained event log', () => {
	it('verifies an untouched chain', async () => {
		const { db } = await withHistory();
		expect(verifyChain(db)).toEqual({ ok: true, events: 4 });
	});

	it('refuses UPDATE and DELETE of events, and DELETE of reports', async () => {
		const { db } = await withHistory();
		const failure = (statement: Parameters<typeof db.run>[0]) => {
			try {
				db.run(statement);
			} catch (error) {
				return String((error as { cause?: Error }).cause?.message ?? error);
			}
			return 'no error';
		};
		expect(failure(sql`update report_events set data = '{}'`)).toMatch(/append-only/);
		expect(failure(sql`delete from report_events`)).toMatch(/append-only/);
		expect(failure(sql`delete from reports`)).toMatch(/never deleted/);
		expect(verifyChain(db)).toMatchObject({ ok: true });
	});

	it('detects tampering even when the triggers are bypassed', async () => {
		const { db, r } = await withHistory();
		// Someone with raw file access drops the trigger and rewrites a note.
		db.run(sql`drop trigger report_events_no_update`);
		const note = eventsOf(db, r.id).find((e) => e.type === 'note_added')!;
		db.run(sql`update report_events set data = '{"text":"nothing happened"}' where seq = ${note.seq}`);
		expect(verifyChain(db)).toEqual({ ok: false, brokenAt: note.seq });
	});

	it('chains each report on its own too: one report’s history verifies without anyone else’s', async () => {
		const { db, r } = await withHistory();
		const other = report(context(db), await patient(db), 'I need a refill of my blood pressure pills');
		const events = eventsOf(db, r.id);
		expect(events[0]!.reportPrevHash).toBe('0'.repeat(64));
		expect(events[1]!.reportPrevHash).toBe(events[0]!.hash);
		expect(verifyReportHistory(eventsOf(db, r.id))).toEqual({ ok: true });
		db.run(sql`drop trigger report_events_no_update`);
		const note = events.find((e) => e.type === 'note_added')!;
		db.run(sql`update report_events set data = '{"text":"nothing happened"}' where seq = ${note.seq}`);
		expect(verifyReportHistory(rowsOf(db, r.id))).toEqual({ ok: false, brokenAt: note.seq });
		expect(verifyReportHistory(rowsOf(db, other.id))).toEqual({ ok: true });
	});

	it('records the actor snapshot on each event', async () => {
		const { db, r } = await withHistory();
		const claimed = eventsOf(db, r.id).find((e) => e.type === 'claimed')!;
		expect(claimed).toMatchObject({
			actorRole: 'clinician',
			actorName: 'Sam Lee',
			actorChannel: 'telehealth',
			actorCredential: 'RN',
			actorTeam: 'Telehealth nurse team'
		});
	});
});
