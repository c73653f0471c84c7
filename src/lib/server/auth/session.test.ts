import { describe, expect, it } from 'vitest';
import { testDb } from '../testing/db';
import { createStaff } from './user';
import { createPatient } from './user';
import { ensureClinic } from '../db/seed';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	sessionLifetime,
	validateSessionToken
} from './session';
import { sessions } from '../db/schema';
import { eq } from 'drizzle-orm';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 27, 12);

async function setup() {
	const { db } = testDb();
	ensureClinic(db, T0, 'Test clinic', '555-0100');
	const patient = await createPatient(
		db,
		{
			email: 'p@example.test',
			password: 'long-enough-password',
			name: 'Pat',
			phone: '555-123-4567',
			dateOfBirth: '1950-01-01'
		},
		T0
	);
	const nurse = await createStaff(
		db,
		{ email: 'n@example.test', password: 'long-enough-password', name: 'Sam', kind: 'nurse', channel: 'telehealth' },
		T0
	);
	if (!patient.ok || !nurse.ok) throw new Error('setup failed');
	return { db, patientId: patient.value.id, nurseId: nurse.value.id };
}

describe('sessions (Lucia pattern)', () => {
	it('issues an <id>.<secret> token and stores only a hash of the secret', async () => {
		const { db, patientId } = await setup();
		const { token, session } = createSession(db, patientId, 'patient', T0);
		const [id, secret] = token.split('.');
		expect(id).toBe(session.id);
		expect(secret!.length).toBeGreaterThanOrEqual(32);
		const row = db.select().from(sessions).where(eq(sessions.id, session.id)).get();
		expect(row!.secretHash.length).toBe(32);
		expect(row!.secretHash.toString('utf8')).not.toContain(secret!);
	});

	it('validates the right token and refuses a wrong secret or malformed token', async () => {
		const { db, patientId } = await setup();
		const { token } = createSession(db, patientId, 'patient', T0);
		expect(validateSessionToken(db, token, T0 + 1000).user?.id).toBe(patientId);
		const [id] = token.split('.');
		expect(validateSessionToken(db, `${id}.${'a'.repeat(32)}`, T0).user).toBeNull();
		expect(validateSessionToken(db, 'garbage', T0).user).toBeNull();
		expect(validateSessionToken(db, `${id}.`, T0).user).toBeNull();
	});

	it('gives patients 30 days and staff 12 hours', () => {
		expect(sessionLifetime('patient')).toBe(30 * DAY);
		expect(sessionLifetime('clinician')).toBe(12 * HOUR);
		expect(sessionLifetime('support')).toBe(12 * HOUR);
	});

	it('expires a staff session after 12 idle hours and deletes it', async () => {
		const { db, nurseId } = await setup();
		const { token, session } = createSession(db, nurseId, 'clinician', T0);
		expect(validateSessionToken(db, token, T0 + 11 * HOUR).user?.staff?.credential).toBe('RN');
		const fresh = createSession(db, nurseId, 'clinician', T0);
		expect(validateSessionToken(db, fresh.token, T0 + 12 * HOUR).user).toBeNull();
		expect(db.select().from(sessions).where(eq(sessions.id, fresh.session.id)).get()).toBeUndefined();
		expect(session.expiresAt).toBe(T0 + 12 * HOUR);
	});

	it('slides the expiry forward once half the lifetime has passed', async () => {
		const { db, patientId } = await setup();
		const { token } = createSession(db, patientId, 'patient', T0);
		const early = validateSessionToken(db, token, T0 + DAY);
		expect(early.session?.expiresAt).toBe(T0 + 30 * DAY);
		const later = validateSessionToken(db, token, T0 + 20 * DAY);
		expect(later.session?.expiresAt).toBe(T0 + 50 * DAY);
		expect(validateSessionToken(db, token, T0 + 45 * DAY).user?.id).toBe(patientId);
	});

	it('ends one session on logout and all of a user’s sessions on demand', async () => {
		const { db, patientId } = await setup();
		const a = createSession(db, patientId, 'patient', T0);
		const b = createSession(db, patientId, 'patient', T0);
		invalidateSession(db, a.session.id);
		expect(validateSessionToken(db, a.token, T0).user).toBeNull();
		expect(validateSessionToken(db, b.token, T0).user).not.toBeNull();
		invalidateUserSessions(db, patientId);
		expect(validateSessionToken(db, b.token, T0).user).toBeNull();
	});
});
