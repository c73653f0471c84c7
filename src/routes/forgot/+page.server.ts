import { fail } from '@sveltejs/kit';
import { requestPasswordReset, RESET_LIFETIME_MS } from '$lib/server/auth/account';
import { config } from '$lib/server/config';
import { formValues, validate } from '$lib/server/http/form';
import { log } from '$lib/server/log';
import { db, now } from '$lib/server/runtime';
import { passwordResetRequestSchema } from '$lib/schemas';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, url }) => {
		const { all, echo } = formValues(await request.formData());
		const input = validate(passwordResetRequestSchema, all);
		if (!input.ok) return fail(400, { errors: input.errors, values: echo });
		const token = requestPasswordReset(db(), input.value.email, now());
		// No mail is sent from the demo: the link goes to the server's console, as a mail would.
		// Production has no mail transport yet, so it says so instead of promising an email.
		if (config.seedDemo) {
			if (token)
				console.log(
					`Password reset link (demo mode, valid ${RESET_LIFETIME_MS / 60_000} minutes): ${url.origin}/reset?token=${token}`
				);
			return { sent: 'demo' as const };
		}
		if (token) log.warn('password reset requested, but no mail transport is configured');
		return { sent: 'admin' as const };
	}
};
