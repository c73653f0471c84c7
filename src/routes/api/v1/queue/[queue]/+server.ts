import { apiProblem, apiResult, apiUser } from '$lib/server/http/api';
import { problem } from '$lib/server/problem';
import { queueRows } from '$lib/server/queues/queue';
import { db, now } from '$lib/server/runtime';
import { QUEUES, type Queue } from '$lib/vocabulary';
import type { RequestHandler } from './$types';

const isQueue = (value: string): value is Queue => (QUEUES as readonly string[]).includes(value);

export const GET: RequestHandler = (event) => {
	const user = apiUser(event, 'clinician', 'support', 'admin');
	if (!user.ok) return apiProblem(user.problem);
	const queue = event.params.queue;
	if (!isQueue(queue)) return apiProblem(problem('not_found', 'There is no such queue.').problem);
	return apiResult(queueRows(db(), user.value, queue, now()), (reports) => ({ queue, reports }));
};
