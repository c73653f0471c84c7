import { json } from '@sveltejs/kit';
import { apiProblem, apiUser, readJson } from '$lib/server/http/api';
import {
	deleteOwnSubscription,
	pushSubscriptionSchema,
	pushUnsubscribeSchema,
	saveSubscription
} from '$lib/server/notify/subscriptions';
import { problem } from '$lib/server/problem';
import { db, now } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Staff register a device for alerts; the same endpoint again is an upsert to whoever is signed in now. */
export const POST: RequestHandler = async (event) => {
	const user = apiUser(event, 'clinician', 'admin', 'support');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, pushSubscriptionSchema);
	if (!input.ok) return apiProblem(input.problem);
	const session = event.locals.session;
	if (!session) return apiProblem(problem('unauthenticated', 'Log in first.').problem);
	saveSubscription(db(), user.value.id, session.id, input.value, now());
	return json({ subscribed: true }, { status: 201 });
};

/** Removes one of the caller's own devices; another user's endpoint is left alone. */
export const DELETE: RequestHandler = async (event) => {
	const user = apiUser(event, 'clinician', 'admin', 'support');
	if (!user.ok) return apiProblem(user.problem);
	const input = await readJson(event.request, pushUnsubscribeSchema);
	if (!input.ok) return apiProblem(input.problem);
	deleteOwnSubscription(db(), user.value.id, input.value.endpoint);
	return new Response(null, { status: 204 });
};
