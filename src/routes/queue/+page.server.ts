import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

/** /queue on its own: the queue this person works. */
export const load: PageServerLoad = () => {
	const user = requireRole('clinician', 'support', 'admin');
	redirect(303, user.role === 'support' ? '/queue/support' : '/queue/clinician');
};
