import { afterEach, describe, expect, it } from 'vitest';
import { addNote, addPatientUpdate, changeLevel, claim, escalate, requestClinician } from '../reports/actions';
import { context, fileDb, patient, report, staffMember, T0 } from '../testing/fixtures';
import { queueRows } from './queue';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function setUp() {
	const handle = fileDb();
	cleanups.push(handle.cleanup);
	const db = handle.open();
	return {
		db,
		pat: await patient(db),
		support: await staffMember(db, 'support', 'call_center', 'Alex Kim'),
		nurse: await staffMember(db, 'nurse')
	};
}

describe('a queue card says who raised a report and how', () => {
	it('names a support note, a patient update, an escalation, a request and a clinician', async () => {
		const { db, pat, support, nurse } = await setUp();
		const byNote = report(context(db, T0), pat, 'my knee is sore');
		claim(context(db, T0 + 1), support, byNote.id);
		addNote(context(db, T0 + 2), support, byNote.id, 'She now says there is blood in her stool and stomach pain.');
		const byUpdate = report(context(db, T0 + 3), pat, 'my knee is sore');
		addPatientUpdate(context(db, T0 + 4), pat, byUpdate.id, 'Now there is blood in my stool and stomach pain.');
		const escalated = report(context(db, T0 + 5), pat, 'my knee is sore');
		escalate(context(db, T0 + 6), support, escalated.id, 'She sounds confused on the phone');
		const requested = report(context(db, T0 + 7), pat, 'my knee is sore');
		requestClinician(context(db, T0 + 8), pat, requested.id);
		const byNurse = report(context(db, T0 + 9), pat, 'my knee is sore');
		changeLevel(context(db, T0 + 10), nurse, byNurse.id, { to: 'urgent', reason: 'Worried by her history' });
		const untouched = report(context(db, T0 + 11), pat, 'stomach pain and blood in stool');

		const rows = queueRows(db, nurse, 'clinician', T0 + 20);
		if (!rows.ok) throw new Error(rows.problem.message);
		const raisedBy = new Map(rows.value.map((r) => [r.id, r.raisedBy]));
		expect(raisedBy.get(byNote.id)).toBe('Raised by a note from Alex Kim (support)');
		expect(raisedBy.get(byUpdate.id)).toBe("Raised by the patient's update");
		expect(raisedBy.get(escalated.id)).toBe('Escalated by Alex Kim (support)');
		expect(raisedBy.get(requested.id)).toBe('The patient asked for a nurse');
		expect(raisedBy.get(byNurse.id)).toBe('Raised by Sam Lee (clinician)');
		expect(raisedBy.get(untouched.id)).toBeNull();
		const card = rows.value.find((r) => r.id === untouched.id)!;
		expect(card).toMatchObject({
			firstWords: 'stomach pain and blood in stool',
			patient: { dateOfBirth: '1960-05-05' }
		});
		expect(card.reasons.map((x) => x.text).join(' ')).not.toMatch(/\b[a-z]+\.[a-z_]+\b/);
	});
});
