import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { m } from '../../paraglide/messages';
import { clinics, patientProfiles, staffProfiles, users } from '../db/schema';
import { ok, problem, type Result } from '../problem';
import type { SignupInput, StaffAccountInput } from '../../schemas';
import type { Lang } from '../../triage/types';
import type { Channel, Role } from '../../vocabulary';
import { credentialRefusal } from '../reports/policy';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';

export interface AccountRef {
	id: string;
	email: string;
	name: string;
	role: Role;
	/** The language the person last chose, if they ever did. */
	language: Lang | null;
}

function isUniqueViolation(error: unknown): boolean {
	return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Patients join the clinic they signed up through; a single-clinic install has one. */
export function defaultClinicId(db: Db): string | null {
	return db.select({ id: clinics.id }).from(clinics).orderBy(asc(clinics.createdAt)).limit(1).get()?.id ?? null;
}

export async function createPatient(
	db: Db,
	input: SignupInput,
	now: number,
	language: Lang | null = null
): Promise<Result<AccountRef>> {
	const clinicId = defaultClinicId(db);
	if (!clinicId) return problem('invalid_state', m.p_noClinic());
	const passwordHash = await hashPassword(input.password);
	const id = crypto.randomUUID();
	try {
		db.transaction((tx) => {
			tx.insert(users)
				.values({ id, email: input.email, passwordHash, role: 'patient', name: input.name, createdAt: now, language })
				.run();
			tx.insert(patientProfiles)
				.values({ userId: id, phone: input.phone, dateOfBirth: input.dateOfBirth, sex: input.sex ?? null, clinicId })
				.run();
		});
	} catch (error) {
		if (isUniqueViolation(error)) {
			return problem('email_taken', m.p_emailTaken(), { email: m.p_emailTakenField() });
		}
		throw error;
	}
	return ok({ id, email: input.email, name: input.name, role: 'patient', language });
}

function staffDefaults(
	kind: StaffAccountInput['kind'],
	channel: Channel
): { role: Role; credential: string; team: string } {
	const place = channel === 'office' ? 'Office' : channel === 'call_center' ? 'Call center' : 'Telehealth';
	switch (kind) {
		case 'nurse':
			return { role: 'clinician', credential: 'RN', team: `${place} nurse team` };
		case 'doctor':
			return { role: 'clinician', credential: 'MD', team: `${place} physicians` };
		case 'support':
			return { role: 'support', credential: 'Support specialist (non-clinical)', team: `${place} support team` };
		case 'admin':
			return { role: 'admin', credential: 'Administrator (non-clinical)', team: `${place} administration` };
	}
}

/**
 * A staff account made by an admin. The admin chose its password, so it is temporary: the
 * person must choose their own at their first login (`temporary: false` only for demo seeding).
 */
export async function createStaff(
	db: Db,
	input: StaffAccountInput,
	now: number,
	{ temporary = true }: { temporary?: boolean } = {}
): Promise<Result<AccountRef>> {
	const defaults = staffDefaults(input.kind, input.channel);
	const credential = input.credential || defaults.credential;
	const team = input.team || defaults.team;
	// A non-clinical account can never be shown to patients as a nurse or doctor (DESIGN 9).
	const refusal = credentialRefusal(defaults.role, credential, team);
	if (refusal) return problem('validation_failed', refusal.message, { [refusal.field]: refusal.message });
	const passwordHash = await hashPassword(input.password);
	const id = crypto.randomUUID();
	const clinicId = defaultClinicId(db);
	try {
		db.transaction((tx) => {
			tx.insert(users)
				.values({
					id,
					email: input.email,
					passwordHash,
					role: defaults.role,
					name: input.name,
					createdAt: now,
					mustChangePassword: temporary
				})
				.run();
			tx.insert(staffProfiles)
				.values({
					userId: id,
					channel: input.channel,
					credential,
					team,
					clinicId,
					onDuty: defaults.role === 'clinician'
				})
				.run();
		});
	} catch (error) {
		if (isUniqueViolation(error)) {
			return problem('email_taken', 'An account with this email already exists.', { email: 'Already in use.' });
		}
		throw error;
	}
	return ok({ id, email: input.email, name: input.name, role: defaults.role, language: null });
}

/** Same answer and similar time for an unknown email and a wrong password. */
export async function authenticate(db: Db, email: string, password: string): Promise<Result<AccountRef>> {
	const row = db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			passwordHash: users.passwordHash,
			disabledAt: users.disabledAt,
			language: users.language
		})
		.from(users)
		.where(eq(users.email, email.trim().toLowerCase()))
		.get();
	const valid = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), password);
	if (!row || !valid || row.disabledAt !== null) {
		return problem('invalid_credentials', m.p_badLogin());
	}
	return ok({ id: row.id, email: row.email, name: row.name, role: row.role, language: row.language });
}

/** Remembers the language someone chose, so their next sign-in on any phone opens in it. */
export function setLanguage(db: Db, userId: string, language: Lang): void {
	db.update(users).set({ language }).where(eq(users.id, userId)).run();
}
