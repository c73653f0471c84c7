/**
 * Account basics: changing one's password (which ends every other session), a
 * one-time reset link for a forgotten one, and what an admin does to staff
 * accounts (disable, enable, edit, a temporary password that must be changed
 * at the next login). Reset tokens are kept only as their SHA-256, work once,
 * and expire in 30 minutes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Db } from '../db';
import { m } from '../../paraglide/messages';
import { passwordResets, staffProfiles, users } from '../db/schema';
import { ok, problem, type Result } from '../problem';
import { credentialRefusal } from '../reports/policy';
import type { Channel } from '../../vocabulary';
import { hashPassword, verifyPassword } from './password';
import { invalidateUserSessions } from './session';
import { releaseFromDisabledAccounts } from '../queues/deadlines';
import type { Ctx } from '../reports/context';

export const RESET_LIFETIME_MS = 30 * 60_000;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Changes the signed-in user's password after checking the current one; every other session ends. */
export async function changePassword(
	db: Db,
	userId: string,
	currentSessionId: string,
	current: string,
	next: string
): Promise<Result<null>> {
	const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
	if (!row || !(await verifyPassword(row.hash, current)))
		return problem('validation_failed', m.p_wrongCurrent(), { current: m.p_wrongCurrentField() });
	if (await verifyPassword(row.hash, next))
		return problem('validation_failed', m.p_samePassword(), { password: m.p_samePasswordField() });
	const passwordHash = await hashPassword(next);
	db.transaction((tx) => {
		tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId)).run();
		invalidateUserSessions(tx, userId, currentSessionId);
	});
	return ok(null);
}

/**
 * A reset link's token for the account with this email, or null when there is none (or it is
 * disabled). The caller answers the same either way, so the form never reveals who has an account.
 */
export function requestPasswordReset(db: Db, email: string, now: number): string | null {
	const user = db
		.select({ id: users.id, disabledAt: users.disabledAt })
		.from(users)
		.where(eq(users.email, email.trim().toLowerCase()))
		.get();
	if (!user || user.disabledAt !== null) return null;
	const token = encodeBase32LowerCaseNoPadding(randomBytes(20));
	db.insert(passwordResets)
		.values({ tokenHash: sha256(token), userId: user.id, createdAt: now, expiresAt: now + RESET_LIFETIME_MS })
		.run();
	return token;
}

/** Sets a new password from a reset link: once, before it expires; every session of the account ends. */
export async function resetPassword(db: Db, token: string, next: string, now: number): Promise<Result<null>> {
	const tokenHash = sha256(token);
	const reset = db
		.select()
		.from(passwordResets)
		.where(
			and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now))
		)
		.get();
	const refused = problem('invalid_state', m.p_resetExpired());
	if (!reset) return refused;
	const passwordHash = await hashPassword(next);
	return db.transaction((tx) => {
		// Claimed inside the transaction: two uses of one link cannot both succeed.
		const claimed = tx
			.update(passwordResets)
			.set({ usedAt: now })
			.where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt)))
			.run();
		if (claimed.changes === 0) return refused;
		tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, reset.userId)).run();
		invalidateUserSessions(tx, reset.userId);
		return ok(null);
	});
}

function staffRow(db: Db, staffId: string) {
	return db
		.select({ id: users.id, role: users.role })
		.from(users)
		.innerJoin(staffProfiles, eq(staffProfiles.userId, users.id))
		.where(eq(users.id, staffId))
		.get();
}

const notStaff = () => problem('not_found', 'No staff account with that id.');

/**
 * Disables (every session ends at once, and every report they held goes back to the queue) or
 * re-enables a staff account. An admin cannot disable themself.
 */
export function setStaffDisabled(ctx: Ctx, adminId: string, staffId: string, disabled: boolean): Result<null> {
	const { db, now } = ctx;
	if (!staffRow(db, staffId)) return notStaff();
	if (staffId === adminId && disabled) return problem('invalid_state', 'You cannot disable your own account.');
	db.transaction((tx) => {
		tx.update(users)
			.set({ disabledAt: disabled ? now : null })
			.where(eq(users.id, staffId))
			.run();
		if (disabled) invalidateUserSessions(tx, staffId);
	});
	if (disabled) releaseFromDisabledAccounts(ctx);
	return ok(null);
}

/** A temporary password, shown once to the admin: the account must change it at its next login. */
export async function setTemporaryPassword(db: Db, staffId: string): Promise<Result<{ password: string }>> {
	if (!staffRow(db, staffId)) return notStaff();
	// 16 characters of base32: about 80 bits, read out or typed once.
	const password = encodeBase32LowerCaseNoPadding(randomBytes(10));
	const passwordHash = await hashPassword(password);
	db.transaction((tx) => {
		tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, staffId)).run();
		invalidateUserSessions(tx, staffId);
	});
	return ok({ password });
}

export interface StaffEdit {
	name: string;
	channel: Channel;
	credential: string;
	team: string;
}

/** Edits what patients see of a staff member; credentials stay tied to the role (DESIGN 9). */
export function editStaff(db: Db, staffId: string, edit: StaffEdit): Result<null> {
	const row = staffRow(db, staffId);
	if (!row) return notStaff();
	const refusal = credentialRefusal(row.role, edit.credential, edit.team);
	if (refusal) return problem('validation_failed', refusal.message, { [refusal.field]: refusal.message });
	db.transaction((tx) => {
		tx.update(users).set({ name: edit.name }).where(eq(users.id, staffId)).run();
		tx.update(staffProfiles)
			.set({ channel: edit.channel, credential: edit.credential, team: edit.team })
			.where(eq(staffProfiles.userId, staffId))
			.run();
	});
	return ok(null);
}
