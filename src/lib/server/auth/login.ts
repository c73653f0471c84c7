/**
 * Signing in and signing up, shared by the forms and the JSON API, with the
 * rate limits that keep password guessing and sign-up floods slow.
 */
import type { Db } from '../db';
import { m } from '../../paraglide/messages';
import { problem, type Result } from '../problem';
import type { SignupInput } from '../../schemas';
import type { Lang } from '../../triage/types';
import type { AuthLimits } from './rate-limit';
import { createSession, type Session } from './session';
import { authenticate, createPatient, type AccountRef } from './user';

export interface SignedIn {
	account: AccountRef;
	token: string;
	session: Session;
}

const tooMany = (retryAfterMs: number) =>
	problem('rate_limited', m.p_tooMany({ minutes: Math.max(1, Math.ceil(retryAfterMs / 60_000)) }));

export async function logIn(
	db: Db,
	limits: AuthLimits | null,
	email: string,
	password: string,
	address: string,
	now: number
): Promise<Result<SignedIn>> {
	const key = email.trim().toLowerCase();
	if (limits) {
		const byAddress = limits.loginByAddress.consume(address, 1, now);
		if (!byAddress.ok) return tooMany(byAddress.retryAfterMs);
		const byEmail = limits.loginByEmail.check(key, 1, now);
		if (!byEmail.ok) return tooMany(byEmail.retryAfterMs);
	}
	const account = await authenticate(db, key, password);
	if (!account.ok) {
		// Only failures spend the account's budget, so successful logins never lock anyone out.
		limits?.loginByEmail.consume(key, 1, now);
		return account;
	}
	limits?.loginByEmail.reset(key);
	const { token, session } = createSession(db, account.value.id, account.value.role, now);
	return { ok: true, value: { account: account.value, token, session } };
}

export async function signUp(
	db: Db,
	limits: AuthLimits | null,
	input: SignupInput,
	address: string,
	now: number,
	language: Lang | null = null
): Promise<Result<SignedIn>> {
	if (limits) {
		const allowed = limits.signupByAddress.consume(address, 1, now);
		if (!allowed.ok) return tooMany(allowed.retryAfterMs);
	}
	const created = await createPatient(db, input, now, language);
	if (!created.ok) return created;
	const { token, session } = createSession(db, created.value.id, 'patient', now);
	return { ok: true, value: { account: created.value, token, session } };
}
