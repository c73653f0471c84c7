import { json } from '@sveltejs/kit';
import { apiProblem, apiUser } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/**
 * Who this session belongs to: the phone's outbox asks before sending a report saved offline,
 * so a report is never sent under another account that has since logged in on the device.
 */
export const GET: RequestHandler = (event) => {
	const user = apiUser(event);
	if (!user.ok) return apiProblem(user.problem);
	return json({ user: { id: user.value.id, role: user.value.role } }, { headers: { 'cache-control': 'no-store' } });
};
