import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, changeLevel, claim, logContactAttempt, resolve } from '../reports/actions';
import { escalateOverdue } from '../queues/deadlines';
import { context, fileDb, patient, report, staffMember, T0 } from '../testing/fixtures';
import type { Db } from '../db';
import { loadSafetyFigures } from './load';
import type { SafetyFigures } from './figures';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/**
 * A day of reports with known times, made through the app's own commands, and the figures worked out by
 * hand from the story below (each detector has a case where it fires and a near miss where it must not).
 */
let handle: ReturnType<typeof fileDb>;
let db: Db;
let figures: SafetyFigures;
const ids = {} as Record<
	| 'onTime'
	| 'late'
	| 'knee'
	| 'byNote'
	| 'byNurse'
	| 'lowered'
	| 'waiting'
	| 'otherKnee'
	| 'admin'
	| 'followUp'
	| 'tooLate',
	string
>;

function ok<T>(result: { ok: true; value: T } | { ok: false; problem: { message: string } }): T {
	if (!result.ok) throw new Error(result.problem.message);
	return result.value;
}

beforeAll(async () => {
	handle = fileDb();
	db = handle.open();
	const pat = await patient(db);
	const other = await patient(db);
	const third = await patient(db);
	const nurse = await staffMember(db, 'nurse', 'telehealth', 'Sam Lee');
	const support = await staffMember(db, 'support', 'call_center', 'Alex Kim');
	const at = (minutes: number) => context(db, T0 + minutes * MIN);
	const chest = 'crushing chest pain spreading to my left arm';
	const bleed = 'stomach pain and blood in stool';
	const knee = 'my knee is sore';

	// Emergency, acknowledged in 3 min, reached in 6, closed by a telehealth nurse: no failure.
	ids.onTime = report(at(0), pat, chest).id;
	ok(claim(at(3), nurse, ids.onTime));
	ok(logContactAttempt(at(6), nurse, ids.onTime, { outcome: 'reached' }));
	ok(
		resolve(at(10), nurse, ids.onTime, { outcome: 'Advised the emergency department; she agreed.', disposition: 'ed' })
	);

	// Urgent, due at 35; the ladder re-alerts at 36; claimed at 45 (10 min late); a failed call at 50.
	ids.late = report(at(20), pat, bleed).id;
	escalateOverdue(at(36));
	ok(claim(at(45), nurse, ids.late));
	ok(logContactAttempt(at(50), nurse, ids.late, { outcome: 'no_answer' }));

	// Routine, closed by support without reaching the patient; 30 h later the same patient is urgent.
	ids.knee = report(at(60), third, knee).id;
	ok(claim(at(61), support, ids.knee));
	ok(
		resolve(at(70), support, ids.knee, {
			outcome: 'Booked a clinic appointment next week.',
			disposition: 'appointment'
		})
	);

	// Routine, raised to urgent by a support agent's note at 82, handed back to the clinicians, never acknowledged.
	ids.byNote = report(at(80), pat, knee).id;
	ok(claim(at(81), support, ids.byNote));
	ok(addNote(at(82), support, ids.byNote, 'She now says there is blood in her stool and stomach pain.'));

	// Routine, raised by a nurse at 101 (which acknowledges it), then claimed.
	ids.byNurse = report(at(100), pat, knee).id;
	ok(changeLevel(at(101), nurse, ids.byNurse, { to: 'urgent', reason: 'Worried by her history' }));
	ok(claim(at(102), nurse, ids.byNurse));

	// Emergency, acknowledged in 1 min, reached in 2, then lowered with a reason; the same patient's
	// urgent report at 140 makes it a follow-up case. The raised reports before it (sent routine) do not.
	ids.lowered = report(at(120), pat, chest).id;
	ok(claim(at(121), nurse, ids.lowered));
	ok(logContactAttempt(at(122), nurse, ids.lowered, { outcome: 'reached' }));
	ok(
		changeLevel(at(123), nurse, ids.lowered, {
			to: 'routine',
			reason: 'Chest wall strain after lifting boxes; assessed by phone.',
			reasonCode: 'assessed_by_phone'
		})
	);

	// Urgent, due at 155, nobody acknowledges it by the end of the day.
	ids.waiting = report(at(140), pat, bleed).id;

	// Near misses: routine then urgent 73 h later (outside 72 h); an admin request closed without a call.
	ids.otherKnee = report(at(160), other, knee).id;
	ids.admin = report(at(170), other, 'Can I get a copy of my last bill please').id;
	ok(claim(at(171), support, ids.admin));
	ok(resolve(at(175), support, ids.admin, { outcome: 'Bill sent by mail.', disposition: 'no_action' }));

	// After the period: the follow-ups that the 72-hour detector looks for.
	ids.followUp = report(at(60 + 30 * 60), third, bleed).id;
	ids.tooLate = report(at(160 + 73 * 60), other, bleed).id;

	figures = loadSafetyFigures(db, { from: T0, to: T0 + DAY, clinicId: null }, T0 + DAY);
});
afterAll(() => handle.cleanup());

describe('the safety figures of a period', () => {
	it('count the reports by level, open, and who closed them through which channel', () => {
		expect(figures.total).toBe(9);
		expect(figures.byLevel).toEqual({ emergency: 1, urgent: 4, routine: 3, admin: 1 });
		expect(figures.open).toBe(6);
		expect(figures.closedBy).toEqual([
			{ channel: 'call_center', role: 'support', count: 2 },
			{ channel: 'telehealth', role: 'clinician', count: 1 }
		]);
	});

	it('time acknowledgement and first contact from when a report became emergency or urgent', () => {
		const [emergency, urgent] = figures.response;
		expect(emergency).toEqual({
			level: 'emergency',
			reports: 2,
			acknowledgement: { count: 2, median: 1 * MIN, p90: 3 * MIN, max: 3 * MIN },
			firstContact: { count: 2, median: 2 * MIN, p90: 6 * MIN, max: 6 * MIN },
			late: 0
		});
		// Raised reports count from their rise; the support agent's claim before it does not acknowledge it.
		expect(urgent).toEqual({
			level: 'urgent',
			reports: 4,
			acknowledgement: { count: 2, median: 0, p90: 25 * MIN, max: 25 * MIN },
			firstContact: { count: 1, median: 30 * MIN, p90: 30 * MIN, max: 30 * MIN },
			late: 3
		});
	});

	it('list every rung of the escalation ladder that fired', () => {
		expect(figures.breaches).toEqual([
			expect.objectContaining({
				reportId: ids.late,
				at: T0 + 36 * MIN,
				step: 1,
				respondBy: T0 + 35 * MIN,
				alerted: 'On-duty clinicians re-alerted'
			})
		]);
	});

	it('find each failure to escalate, in time order, and none on the near misses', () => {
		expect(figures.failures.map((f) => [f.kind, f.reportId, f.at])).toEqual([
			['late_acknowledgement', ids.late, T0 + 45 * MIN],
			['closed_without_contact', ids.knee, T0 + 70 * MIN],
			['raised_by_text', ids.byNote, T0 + 82 * MIN],
			['unacknowledged_overdue', ids.byNote, T0 + 97 * MIN],
			['clinician_raised', ids.byNurse, T0 + 101 * MIN],
			['urgent_follow_up', ids.lowered, T0 + 140 * MIN],
			['unacknowledged_overdue', ids.waiting, T0 + 155 * MIN],
			['urgent_follow_up', ids.knee, T0 + 30 * HOUR + 60 * MIN]
		]);
		const detail = (kind: string, id: string) =>
			figures.failures.find((f) => f.kind === kind && f.reportId === id)!.detail;
		expect(detail('late_acknowledgement', ids.late)).toBe('urgent: acknowledged 10 min after its deadline');
		expect(detail('raised_by_text', ids.byNote)).toBe('routine → urgent: Raised by a note from Alex Kim (support)');
		expect(detail('clinician_raised', ids.byNurse)).toBe('routine → urgent: Raised by Sam Lee (clinician)');
		expect(detail('urgent_follow_up', ids.knee)).toMatch(/^routine, then CL-\S+ \(urgent\) 30 h later$/);
	});

	it('list lowerings by clinicians with their reasons', () => {
		expect(figures.lowerings).toEqual([
			expect.objectContaining({
				reportId: ids.lowered,
				from: 'emergency',
				to: 'routine',
				reasonCode: 'assessed_by_phone',
				reason: 'Chest wall strain after lifting boxes; assessed by phone.',
				by: 'Sam Lee, RN'
			})
		]);
	});

	it('keep to the period and the clinic', () => {
		const later = loadSafetyFigures(db, { from: T0 + DAY, to: T0 + 5 * DAY, clinicId: null }, T0 + 5 * DAY);
		expect(later.total).toBe(2);
		expect(later.failures.map((f) => f.kind)).toEqual(['unacknowledged_overdue', 'unacknowledged_overdue']);
		const elsewhere = loadSafetyFigures(db, { from: T0, to: T0 + DAY, clinicId: 'no-such-clinic' }, T0 + DAY);
		expect(elsewhere.total).toBe(0);
	});
});
