import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { reports, sessions, users } from '../db/schema';
import { T0, context, fileDb, patient, report, staffMember } from '../testing/fixtures';
import { claim } from '../reports/actions';
import {
	RESET_LIFETIME_MS,
	changePassword,
	editStaff,
	requestPasswordReset,
	resetPassword,
	setStaffDisabled,
	setTemporaryPassword
} from './account';
import { createSession, validateSessionToken } from './session';
import { authenticate } from './user';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function database() {
	const handle = fileDb();
	cleanups.push(handle.cleanup);
	return handle.open();
}

const PASSWORD = 'a-long-test-password';

describe('changing a password', () => {
	it('needs the current one, and ends every other session but this one', async () => {
		const db = database();
		const pat = await patient(db);
		const here = createSession(db, pat.id, 'patient', T0);
		const elsewhere = createSession(db, pat.id, 'patient', T0);
		const wrong = await changePassword(db, pat.id, here.session.id, 'not-my-password', 'a-brand-new-password');
		expect(wrong.ok ? null : wrong.problem.fields).toHaveProperty('current');
		const same = await changePassword(db, pat.id, here.session.id, PASSWORD, PASSWORD);
		expect(same.ok ? null : same.problem.fields).toHaveProperty('password');

		expect((await changePassword(db, pat.id, here.session.id, PASSWORD, 'a-brand-new-password')).ok).toBe(true);
		expect(validateSessionToken(db, here.token, T0).user?.id).toBe(pat.id);
		expect(validateSessionToken(db, elsewhere.token, T0).user).toBeNull();
		expect((await authenticate(db, pat.email, 'a-brand-new-password')).ok).toBe(true);
		expect((await authenticate(db, pat.email, PASSWORD)).ok).toBe(false);
	});
});

describe('a reset link', () => {
	it('works once, before it expires, and logs the account out everywhere', async () => {
		const db = database();
		const pat = await patient(db);
		const session = createSession(db, pat.id, 'patient', T0);
		const token = requestPasswordReset(db, pat.email.toUpperCase(), T0)!;
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect((await resetPassword(db, token, 'reset-to-this-one', T0 + 1000)).ok).toBe(true);
		expect(validateSessionToken(db, session.token, T0 + 1000).user).toBeNull();
		expect((await authenticate(db, pat.email, 'reset-to-this-one')).ok).toBe(true);
		const again = await resetPassword(db, token, 'and-again-please', T0 + 2000);
		expect(again.ok ? null : again.problem.code).toBe('invalid_state');

		const late = requestPasswordReset(db, pat.email, T0)!;
		expect((await resetPassword(db, late, 'too-late-for-this', T0 + RESET_LIFETIME_MS)).ok).toBe(false);
		expect((await resetPassword(db, 'not-a-real-token-at-all', 'whatever-it-is', T0)).ok).toBe(false);
	});

	it('is never made for an unknown or disabled account (and the page answers the same)', async () => {
		const db = database();
		expect(requestPasswordReset(db, 'nobody@example.test', T0)).toBeNull();
		const admin = await staffMember(db, 'admin');
		const nurse = await staffMember(db, 'nurse');
		setStaffDisabled(context(db, T0), admin.id, nurse.id, true);
		expect(requestPasswordReset(db, nurse.email, T0)).toBeNull();
	});
});

describe('what an admin does to staff accounts', () => {
	it('disables an account at once (its sessions end, it cannot log in), and enables it again', async () => {
		const db = database();
		const admin = await staffMember(db, 'admin');
		const nurse = await staffMember(db, 'nurse');
		const s = createSession(db, nurse.id, 'clinician', T0);
		expect(setStaffDisabled(context(db, T0), admin.id, nurse.id, true).ok).toBe(true);
		expect(validateSessionToken(db, s.token, T0).user).toBeNull();
		expect(db.select().from(sessions).where(eq(sessions.userId, nurse.id)).all()).toEqual([]);
		expect((await authenticate(db, nurse.email, PASSWORD)).ok).toBe(false);
		expect(setStaffDisabled(context(db, T0), admin.id, nurse.id, false).ok).toBe(true);
		expect((await authenticate(db, nurse.email, PASSWORD)).ok).toBe(true);
		const self = setStaffDisabled(context(db, T0), admin.id, admin.id, true);
		expect(self.ok ? null : self.problem.code).toBe('invalid_state');
		const pat = await patient(db);
		expect(setStaffDisabled(context(db, T0), admin.id, pat.id, true).ok).toBe(false);
	});

	it('hands every report a disabled account held back to the queue, with its deadline started again', async () => {
		const db = database();
		const admin = await staffMember(db, 'admin');
		const nurse = await staffMember(db, 'nurse');
		const urgent = report(context(db, T0), await patient(db), 'stomach pain and blood in stool');
		claim(context(db, T0 + 1000), nurse, urgent.id);
		expect(setStaffDisabled(context(db, T0 + 2000), admin.id, nurse.id, true).ok).toBe(true);
		const row = db.select().from(reports).where(eq(reports.id, urgent.id)).get()!;
		expect(row).toMatchObject({ status: 'open', handlerId: null, escalationStep: 0 });
		expect(row.nextEscalationAt).toBeGreaterThan(T0 + 2000);
	});

	it('sets a temporary password that must be changed at the next login', async () => {
		const db = database();
		const nurse = await staffMember(db, 'nurse');
		const temp = await setTemporaryPassword(db, nurse.id);
		if (!temp.ok) throw new Error(temp.problem.message);
		expect((await authenticate(db, nurse.email, temp.value.password)).ok).toBe(true);
		const s = createSession(db, nurse.id, 'clinician', T0);
		expect(validateSessionToken(db, s.token, T0).user?.mustChangePassword).toBe(true);
		await changePassword(db, nurse.id, s.session.id, temp.value.password, 'my-very-own-password');
		expect(db.select().from(users).where(eq(users.id, nurse.id)).get()?.mustChangePassword).toBe(false);
	});

	it('edits what patients see, never giving a non-clinical account a clinical credential or team', async () => {
		const db = database();
		const support = await staffMember(db, 'support', 'call_center', 'Alex Kim');
		const asNurse = editStaff(db, support.id, {
			name: 'Alex Kim',
			channel: 'call_center',
			credential: 'RN',
			team: 'Call center'
		});
		expect(asNurse.ok ? null : asNurse.problem.fields).toHaveProperty('credential');
		const nurseTeam = editStaff(db, support.id, {
			name: 'Alex Kim',
			channel: 'call_center',
			credential: 'Support specialist (non-clinical)',
			team: 'Nurse line'
		});
		expect(nurseTeam.ok ? null : nurseTeam.problem.fields).toHaveProperty('team');
		expect(
			editStaff(db, support.id, {
				name: 'Alex Kim-Lopez',
				channel: 'office',
				credential: 'Front desk (non-clinical)',
				team: 'Front desk'
			}).ok
		).toBe(true);
	});
});
