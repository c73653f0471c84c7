import { json } from '@sveltejs/kit';
import { health } from '$lib/server/health';
import { db } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	const result = health(db());
	return json(result, { status: result.status === 'ok' ? 200 : 503 });
};
