import { fail } from '@sveltejs/kit';
import { requestPasswordReset, RESET_LIFETIME_MS } from '$lib/server/auth/account';
import { config } from '$lib/server/config';
import { formValues, validate } from '$lib/server/http/form';
import { log } from '$lib/server/log';
import { sendPasswordReset } from '$lib/server/notify/mail';
import { db, now } from '$lib/server/runtime';
import { passwordResetRequestSchema } from '$lib/schemas';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, url }) => {
		const { all, echo } = formValues(await request.formData());
		const input = validate(passwordResetRequestSchema, all);
		if (!input.ok) return fail(400, { errors: input.errors, values: echo });
		const token = requestPasswordReset(db(), input.value.email, now());
		const minutes = RESET_LIFETIME_MS / 60_000;
		if (config.smtpUrl) {
			// The same answer whether or not the address has an account, and whether or not the mail went.
			if (token) {
				const link = `${url.origin}/reset?token=${token}`;
				await sendPasswordReset(config.smtpUrl, config.mailFrom, input.value.email, link, minutes).catch((error) =>
					log.error({ err: error instanceof Error ? error.message : String(error) }, 'password reset mail failed')
				);
			}
			return { sent: 'mail' as const };
		}
		// Without mail (the demo), the link goes to the server's console, as a mail would.
		if (config.seedDemo) {
			if (token)
				console.log(`Password reset link (demo mode, valid ${minutes} minutes): ${url.origin}/reset?token=${token}`);
			return { sent: 'demo' as const };
		}
		if (token) log.warn('password reset requested, but SMTP_URL is not set: no mail was sent');
		return { sent: 'admin' as const };
	}
};
