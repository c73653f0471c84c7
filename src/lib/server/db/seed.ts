import { count } from 'drizzle-orm';
import type { Db } from '.';
import { clinics, users } from './schema';
import { createPatient, createStaff } from '../auth/user';
import { seedDemoWeek } from './demo-week';

export const DEMO_PASSWORD = 'demo-password-1';

export const DEMO_ACCOUNTS = [
	{ email: 'patient@demo.test', who: 'Pat Morgan, patient (born 1952)' },
	{ email: 'support@demo.test', who: 'Alex Kim, support specialist (non-clinical), call center' },
	{ email: 'nurse@demo.test', who: 'Sam Lee, RN, telehealth' },
	{ email: 'doctor@demo.test', who: 'Dr. Priya Shah, MD, doctor’s office' },
	{ email: 'admin@demo.test', who: 'Jordan Reyes, administrator' }
] as const;

/** Creates a first clinic from the environment so patients have somewhere to sign up. */
export function hasClinic(db: Db): boolean {
	return (db.select({ n: count() }).from(clinics).get()?.n ?? 0) > 0;
}

export function ensureClinic(db: Db, now: number, name: string, phone: string): void {
	const existing = db.select({ n: count() }).from(clinics).get();
	if ((existing?.n ?? 0) > 0) return;
	db.insert(clinics).values({ id: crypto.randomUUID(), name, phone, createdAt: now }).onConflictDoNothing().run();
}

const DEMO_STAFF = [
	{ email: 'support@demo.test', name: 'Alex Kim', kind: 'support', channel: 'call_center' },
	{ email: 'nurse@demo.test', name: 'Sam Lee', kind: 'nurse', channel: 'telehealth' },
	{ email: 'doctor@demo.test', name: 'Dr. Priya Shah', kind: 'doctor', channel: 'office' },
	{ email: 'admin@demo.test', name: 'Jordan Reyes', kind: 'admin', channel: 'office' }
] as const;

/**
 * Seeds the demo clinic, its accounts and a week of history (demo-week.ts), only into a database
 * with no users. Returns whether it did.
 */
export async function seedDemo(db: Db, now: number): Promise<boolean> {
	const existing = db.select({ n: count() }).from(users).get();
	if ((existing?.n ?? 0) > 0) return false;
	ensureClinic(db, now, 'Riverside Family Medicine', '555-0100');
	const password = DEMO_PASSWORD;
	const results = await Promise.all([
		createPatient(
			db,
			{
				email: 'patient@demo.test',
				password,
				name: 'Pat Morgan',
				phone: '555-0142',
				dateOfBirth: '1952-03-14',
				sex: 'female'
			},
			now
		),
		// The demo's passwords are published in the README: they are not temporary ones to change.
		...DEMO_STAFF.map((staff) => createStaff(db, { ...staff, password }, now, { temporary: false }))
	]);
	for (const result of results) {
		if (!result.ok) throw new Error(`Demo seeding failed: ${result.problem.message}`);
	}
	await seedDemoWeek(db, now);
	return true;
}
