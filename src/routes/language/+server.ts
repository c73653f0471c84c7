import { error, redirect } from '@sveltejs/kit';
import { setLanguageCookie } from '$lib/server/auth/cookie';
import { setLanguage } from '$lib/server/auth/user';
import { db } from '$lib/server/runtime';
import { toLocale } from '$lib/i18n.svelte';
import type { RequestHandler } from './$types';

/** Only a path on this site: never an open redirect. */
function backTo(value: FormDataEntryValue | null): string {
	return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')
		? value
		: '/';
}

/**
 * The language switch. The page switches at once by itself (src/lib/i18n.svelte.ts)
 * and posts here to remember it; without JavaScript the form posts here and
 * comes back to the same page in the new language.
 */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const form = await request.formData().catch(() => null);
	const locale = toLocale(form?.get('locale'));
	if (!locale) error(400, 'Choose English (en) or Spanish (es).');
	setLanguageCookie(cookies, locale);
	if (locals.user) setLanguage(db(), locals.user.id, locale);
	if (request.headers.get('accept')?.includes('application/json')) return new Response(null, { status: 204 });
	redirect(303, backTo(form?.get('back') ?? null));
};
