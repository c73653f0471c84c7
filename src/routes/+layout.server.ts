import type { LayoutServerLoad } from './$types';

/** Only what the header needs: never the session or the raw user row. */
export const load: LayoutServerLoad = ({ locals }) => ({
	viewer: locals.user ? { name: locals.user.name, role: locals.user.role } : null
});
