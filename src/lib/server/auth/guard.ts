import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { Role } from '../../vocabulary';
import type { SessionUser } from './session';

/**
 * Authorises the current page load or action. Call it in every load and
 * action: layout loads do not re-run on every navigation.
 */
export function requireRole(...roles: Role[]): SessionUser {
	const { locals, url } = getRequestEvent();
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	if (roles.length > 0 && !roles.includes(locals.user.role)) {
		error(403, { message: 'This page is not available to your account.' });
	}
	return locals.user;
}

export { homeFor } from '../../home';
