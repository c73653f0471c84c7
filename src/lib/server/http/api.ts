/**
 * The JSON API's one error shape and its guards: content type, body size,
 * well-formed JSON, schema validation and role checks all answer 4xx with
 * `{"error": {"code", "message", "fields"?}}`.
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { problem, problemStatus, type Problem, type Result } from '../problem';
import { fieldErrors } from '../../schemas';
import type { Role } from '../../vocabulary';
import type { SessionUser } from '../auth/session';

export const MAX_BODY_BYTES = 64 * 1024;

export function apiProblem(p: Problem, headers?: HeadersInit): Response {
	return json({ error: p }, { status: problemStatus(p.code), headers });
}

async function readBody(request: Request): Promise<Result<string>> {
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > MAX_BODY_BYTES) return problem('payload_too_large', 'The request body is larger than 64 KB.');
	if (!request.body) return { ok: true, value: '' };
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > MAX_BODY_BYTES) {
			await reader.cancel();
			return problem('payload_too_large', 'The request body is larger than 64 KB.');
		}
		chunks.push(value);
	}
	return { ok: true, value: Buffer.concat(chunks).toString('utf8') };
}

/** Reads and validates a JSON body. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<Result<z.output<S>>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type)) {
		return problem('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
	}
	const body = await readBody(request);
	if (!body.ok) return body;
	let parsed: unknown;
	try {
		parsed = JSON.parse(body.value);
	} catch {
		return problem('malformed_json', 'The request body is not valid JSON.');
	}
	const result = schema.safeParse(parsed);
	if (!result.success) {
		const fields = fieldErrors(result.error);
		return problem('validation_failed', Object.values(fields)[0] ?? 'The request is not valid.', fields);
	}
	return { ok: true, value: result.data };
}

/** The signed-in user with one of `roles`, or the problem to answer. */
export function apiUser(event: RequestEvent, ...roles: Role[]): Result<SessionUser> {
	const user = event.locals.user;
	if (!user) return problem('unauthenticated', 'Log in, or send Authorization: Bearer <token>.');
	if (roles.length > 0 && !roles.includes(user.role)) return problem('forbidden', 'Your account cannot do this.');
	return { ok: true, value: user };
}

/** A command's result as a response: the rendered value, or the problem in the error shape. */
export function apiResult<T>(result: Result<T>, render: (value: T) => unknown, status = 200): Response {
	return result.ok ? json(render(result.value), { status }) : apiProblem(result.problem);
}
