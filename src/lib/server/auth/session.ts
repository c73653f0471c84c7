/**
 * Sessions in the Lucia pattern: the token is `<id>.<secret>`; only the
 * SHA-256 of the secret is stored, compared in constant time; expiry slides
 * forward while the session is used.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, eq, ne, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Db, Tx } from '../db';
import { sessions, staffProfiles, users } from '../db/schema';
import type { Channel, Role } from '../../vocabulary';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** Patients stay signed in on their phone; staff sessions last a shift. */
export function sessionLifetime(role: Role): number {
	switch (role) {
		case 'patient':
			return 30 * DAY;
		case 'support':
		case 'clinician':
		case 'admin':
			return 12 * HOUR;
	}
}

export const SESSION_COOKIE = 'clearline_session';

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	role: Role;
	staff: { channel: Channel; credential: string; team: string; onDuty: boolean } | null;
	/** An admin set a temporary password: the user must choose their own before anything else. */
	mustChangePassword: boolean;
}

export interface Session {
	id: string;
	userId: string;
	expiresAt: number;
}

export type ValidatedSession = { session: Session; user: SessionUser } | { session: null; user: null };

function randomString(bytes: number): string {
	const buffer = new Uint8Array(bytes);
	crypto.getRandomValues(buffer);
	return encodeBase32LowerCaseNoPadding(buffer);
}

function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export function createSession(db: Db, userId: string, role: Role, now: number): { token: string; session: Session } {
	const id = randomString(15);
	const secret = randomString(20);
	const expiresAt = now + sessionLifetime(role);
	db.insert(sessions)
		.values({ id, secretHash: Buffer.from(hashSecret(secret)), userId, createdAt: now, lastUsedAt: now, expiresAt })
		.run();
	return { token: `${id}.${secret}`, session: { id, userId, expiresAt } };
}

/** Every authenticated request runs this: prepared once. */
const sessionById = (db: Db) =>
	db
		.select({
			id: sessions.id,
			secretHash: sessions.secretHash,
			expiresAt: sessions.expiresAt,
			userId: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			disabledAt: users.disabledAt,
			mustChangePassword: users.mustChangePassword,
			channel: staffProfiles.channel,
			credential: staffProfiles.credential,
			team: staffProfiles.team,
			onDuty: staffProfiles.onDuty
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.leftJoin(staffProfiles, eq(staffProfiles.userId, users.id))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare();

export function validateSessionToken(db: Db, token: string, now: number): ValidatedSession {
	const none = { session: null, user: null } as const;
	const parts = token.split('.');
	if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 128) return none;
	const [id, secret] = parts;

	const row = prepared(db, 'session.byId', sessionById).get({ id });
	if (!row) return none;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return none;
	if (now >= row.expiresAt || row.disabledAt !== null) {
		db.delete(sessions).where(eq(sessions.id, id)).run();
		return none;
	}

	let expiresAt = row.expiresAt;
	const lifetime = sessionLifetime(row.role);
	// Slide the expiry forward once half the lifetime is used, not on every request.
	if (expiresAt - now < lifetime / 2) {
		expiresAt = now + lifetime;
		db.update(sessions).set({ expiresAt, lastUsedAt: now }).where(eq(sessions.id, id)).run();
	}

	const staff =
		row.channel !== null && row.credential !== null && row.team !== null
			? { channel: row.channel, credential: row.credential, team: row.team, onDuty: row.onDuty ?? false }
			: null;
	return {
		session: { id: row.id, userId: row.userId, expiresAt },
		user: {
			id: row.userId,
			email: row.email,
			name: row.name,
			role: row.role,
			staff,
			mustChangePassword: row.mustChangePassword
		}
	};
}

export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function invalidateUserSessions(db: Db | Tx, userId: string, exceptSessionId?: string): void {
	db.delete(sessions)
		.where(
			exceptSessionId === undefined
				? eq(sessions.userId, userId)
				: and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
		)
		.run();
}
