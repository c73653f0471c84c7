/**
 * Expected failures are values: a code, a message for people, and the fields
 * they concern. `problemStatus` is the one mapping from code to HTTP status.
 */
export type ProblemCode =
	| 'validation_failed'
	| 'malformed_json'
	| 'unsupported_media_type'
	| 'payload_too_large'
	| 'unauthenticated'
	| 'invalid_credentials'
	| 'forbidden'
	| 'not_found'
	| 'email_taken'
	| 'id_conflict'
	| 'invalid_state'
	| 'rule_violation'
	| 'raised_not_closed'
	| 'rate_limited';

export interface Problem {
	code: ProblemCode;
	message: string;
	fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const problem = (
	code: ProblemCode,
	message: string,
	fields?: Record<string, string>
): { ok: false; problem: Problem } => ({ ok: false, problem: { code, message, ...(fields ? { fields } : {}) } });

export function problemStatus(code: ProblemCode): number {
	switch (code) {
		case 'validation_failed':
			return 422;
		case 'malformed_json':
			return 400;
		case 'unsupported_media_type':
			return 415;
		case 'payload_too_large':
			return 413;
		case 'unauthenticated':
		case 'invalid_credentials':
			return 401;
		case 'forbidden':
			return 403;
		case 'not_found':
			return 404;
		case 'email_taken':
		case 'id_conflict':
		case 'invalid_state':
		case 'raised_not_closed':
			return 409;
		case 'rule_violation':
			return 422;
		case 'rate_limited':
			return 429;
	}
}
