import { apiProblem } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** Unknown API paths answer in the API's error shape, not with an HTML page. */
export const fallback: RequestHandler = () =>
	apiProblem({ code: 'not_found', message: 'There is no such API endpoint.' });
