import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/session';
import { db } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

// Logging out changes state, so it is a POST; a GET just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals, cookies }) => {
		if (locals.session) invalidateSession(db(), locals.session.id);
		deleteSessionCookie(cookies);
		redirect(303, '/login');
	}
};
