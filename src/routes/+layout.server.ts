import type { LayoutServerLoad } from './$types';

/** Only what the header and the phone's outbox need (the account id: whose unsent reports to send): never the session or the raw user row. */
export const load: LayoutServerLoad = ({ locals }) => ({
	viewer: locals.user ? { id: locals.user.id, name: locals.user.name, role: locals.user.role } : null
});
