import type { ParamMatcher } from '@sveltejs/kit';
import { QUEUES, type Queue } from '$lib/vocabulary';

export const match = ((param: string): param is Queue =>
	(QUEUES as readonly string[]).includes(param)) satisfies ParamMatcher;
