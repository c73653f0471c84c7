import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { reports } from '../db/schema';
import { eventsOf } from '../reports/events';
import { claim } from '../reports/actions';
import { context, fileDb, patient, report, staffMember, T0 } from '../testing/fixtures';
import { escalateOverdue, nextRungAfter } from './deadlines';
import { LiveBus, type LiveEvent } from './live';

const MINUTE = 60_000;
let cleanups: (() => void)[] = [];
afterEach(() => {
	for (const c of cleanups) c();
	cleanups = [];
});

function database() {
	const handle = fileDb();
	cleanups.push(handle.cleanup);
	return handle;
}

const URGENT = 'stomach pain and blood in stool';

describe('escalation ladder', () => {
	it('does nothing before the acknowledgement deadline', async () => {
		const db = database().open();
		const r = report(context(db), await patient(db), URGENT);
		expect(escalateOverdue(context(db, r.respondBy - 1))).toEqual([]);
	});

	it('re-alerts on-duty clinicians past the deadline, then the clinical lead', async () => {
		const db = database().open();
		const r = report(context(db), await patient(db), URGENT);
		expect(r.level).toBe('urgent');
		expect(r.respondBy).toBe(T0 + 15 * MINUTE);

		const bus = new LiveBus();
		const heard: LiveEvent[] = [];
		bus.subscribe((e) => heard.push(e));
		const first = escalateOverdue(context(db, T0 + 16 * MINUTE, bus));
		expect(first.map((x) => x.escalationStep)).toEqual([1]);
		expect(heard.map((e) => e.type)).toEqual(['deadline_missed']);

		// Nothing more until the next rung is due, and only once.
		expect(escalateOverdue(context(db, T0 + 17 * MINUTE))).toEqual([]);
		const second = escalateOverdue(context(db, T0 + 16 * MINUTE + nextRungAfter('urgent')));
		expect(second.map((x) => x.escalationStep)).toEqual([2]);
		expect(escalateOverdue(context(db, T0 + 24 * 60 * MINUTE))).toEqual([]);

		const ladder = eventsOf(db, r.id).filter((e) => e.type === 'deadline_missed');
		expect(ladder.map((e) => e.data)).toEqual([
			expect.objectContaining({ step: 1, alerted: 'on_duty_clinicians' }),
			expect.objectContaining({ step: 2, alerted: 'clinical_lead' })
		]);
		expect(ladder.every((e) => e.actorRole === 'system')).toBe(true);
	});

	it('stops climbing once a clinician claims the report', async () => {
		const db = database().open();
		const r = report(context(db), await patient(db), URGENT);
		const nurse = await staffMember(db, 'nurse');
		expect(claim(context(db, T0 + 5 * MINUTE), nurse, r.id).ok).toBe(true);
		expect(escalateOverdue(context(db, T0 + 60 * MINUTE))).toEqual([]);
	});

	it('escalates after a restart a report that fell due while the server was down', async () => {
		const handle = database();
		const before = handle.open();
		const r = report(context(before), await patient(before), '', ['chest_pain']);
		expect(r.level).toBe('emergency');
		// "Restart": a new connection to the same file, with the clock moved past the 5-minute deadline.
		const after = handle.open();
		const escalated = escalateOverdue(context(after, T0 + 30 * MINUTE));
		expect(escalated.map((x) => x.id)).toEqual([r.id]);
		const stored = after.select().from(reports).where(eq(reports.id, r.id)).get()!;
		expect(stored.escalationStep).toBe(1);
		expect(stored.nextEscalationAt).toBe(T0 + 30 * MINUTE + nextRungAfter('emergency'));
	});

	it('gives routine reports a business-day deadline', async () => {
		const db = database().open();
		const r = report(context(db), await patient(db), 'mild sore throat for two days, no fever');
		expect(r.level).toBe('routine');
		expect(escalateOverdue(context(db, T0 + 8 * 60 * MINUTE))).toEqual([]);
		expect(escalateOverdue(context(db, T0 + 25 * 60 * MINUTE)).map((x) => x.id)).toEqual([r.id]);
	});
});
