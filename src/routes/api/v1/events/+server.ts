import { apiProblem, apiUser } from '$lib/server/http/api';
import { eventStream, parseLastEventId } from '$lib/server/queues/stream';
import { bus, db } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const user = apiUser(event);
	if (!user.ok) return apiProblem(user.problem);
	const lastSeq = parseLastEventId(
		event.request.headers.get('last-event-id') ?? event.url.searchParams.get('lastEventId')
	);
	return new Response(eventStream(db(), bus(), user.value, lastSeq, event.request.signal), {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
};
