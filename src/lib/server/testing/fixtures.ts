/** Real users and reports in a test database, made through the same functions the app uses. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../db';
import { ensureClinic } from '../db/seed';
import { createPatient, createStaff } from '../auth/user';
import { createSession, validateSessionToken, type SessionUser } from '../auth/session';
import { LiveBus } from '../queues/live';
import type { Ctx } from '../reports/context';
import { submitReport } from '../reports/submit';
import type { StaffAccountInput } from '../../schemas';

export const T0 = new Date(2026, 10, 25, 10, 0).getTime(); // a Wednesday morning

export function fileDb(): { file: string; open: () => Db; cleanup: () => void } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearline-unit-'));
	const file = path.join(dir, 'test.db');
	const handles: { close(): void }[] = [];
	return {
		file,
		open: () => {
			const { db, sqlite } = openDatabase(file, path.resolve('drizzle'));
			handles.push(sqlite);
			return db;
		},
		cleanup: () => {
			for (const h of handles) h.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

export function context(db: Db, now = T0, bus = new LiveBus()): Ctx {
	return { db, now, bus };
}

function sessionUser(db: Db, id: string): SessionUser {
	const { token } = createSession(db, id, 'patient', T0);
	const { user } = validateSessionToken(db, token, T0);
	if (!user) throw new Error('session did not validate');
	return user;
}

let counter = 0;
export async function patient(db: Db, overrides: { dateOfBirth?: string } = {}): Promise<SessionUser> {
	ensureClinic(db, T0, 'Test clinic', '555-0100');
	counter += 1;
	const created = await createPatient(
		db,
		{
			email: `patient${counter}-${crypto.randomUUID().slice(0, 6)}@example.test`,
			password: 'a-long-test-password',
			name: 'Pat Test',
			phone: '555-201-3344',
			dateOfBirth: overrides.dateOfBirth ?? '1960-05-05'
		},
		T0
	);
	if (!created.ok) throw new Error(created.problem.message);
	return sessionUser(db, created.value.id);
}

export async function staffMember(
	db: Db,
	kind: StaffAccountInput['kind'],
	channel: StaffAccountInput['channel'] = 'telehealth',
	name = 'Sam Lee'
): Promise<SessionUser> {
	ensureClinic(db, T0, 'Test clinic', '555-0100');
	counter += 1;
	const created = await createStaff(
		db,
		{
			email: `${kind}${counter}-${crypto.randomUUID().slice(0, 6)}@example.test`,
			password: 'a-long-test-password',
			name,
			kind,
			channel
		},
		T0
	);
	if (!created.ok) throw new Error(created.problem.message);
	return sessionUser(db, created.value.id);
}

export function report(ctx: Ctx, who: SessionUser, description: string, emergencyScreen: string[] = []) {
	const result = submitReport(ctx, who.id, {
		emergencyScreen: emergencyScreen as never,
		description,
		contactPreference: 'call'
	});
	if (!result.ok) throw new Error(result.problem.message);
	return result.value.report;
}
