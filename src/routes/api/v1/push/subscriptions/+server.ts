import { apiProblem, apiResult, apiUser, readJson } from '$lib/server/http/api';
import {
	deleteOwnSubscription,
	pushSubscriptionSchema,
	pushUnsubscribeSchema,
	registerDevice
} from '$lib/server/notify/subscriptions';
import { problem } from '$lib/server/problem';
import { db, now } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * Anyone signed in registers a device: staff for alerts, patients for updates on their reports. The same
 * endpoint again is an upsert to whoever is signed in now.
 */
export const POST: RequestHandler = async (event) => {
	const user = apiUser(event);
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, pushSubscriptionSchema);
	if (!input.ok) return apiProblem(input.problem);
	const session = event.locals.session;
	if (!session) return apiProblem(problem('unauthenticated', 'Log in first.').problem);
	return apiResult(registerDevice(db(), user.value, session.id, input.value, now()), () => ({ subscribed: true }), 201);
};

/** Removes one of the caller's own devices; another user's endpoint is left alone. */
export const DELETE: RequestHandler = async (event) => {
	const user = apiUser(event);
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, pushUnsubscribeSchema);
	if (!input.ok) return apiProblem(input.problem);
	deleteOwnSubscription(db(), user.value.id, input.value.endpoint);
	return new Response(null, { status: 204 });
};
