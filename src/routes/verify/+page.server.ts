import { fail } from '@sveltejs/kit';
import { verifyReceipt } from '$lib/server/reports/receipts';
import { db } from '$lib/server/runtime';
import type { Actions } from './$types';

const MAX_RECEIPT_BYTES = 64 * 1024;

/** Anyone may check a receipt; the answer reveals nothing the receipt does not already say. */
export const actions: Actions = {
	default: async ({ request }) => {
		const form = await request.formData();
		const file = form.get('file');
		const pasted = form.get('receipt');
		let text = typeof pasted === 'string' ? pasted.trim() : '';
		if (file instanceof File && file.size > 0) {
			if (file.size > MAX_RECEIPT_BYTES)
				return fail(413, { error: 'That file is too large to be a Clearline receipt.' });
			text = (await file.text()).trim();
		}
		if (!text) return fail(400, { error: 'Choose your receipt file, or paste its text.' });
		if (text.length > MAX_RECEIPT_BYTES)
			return fail(413, { error: 'That text is too long to be a Clearline receipt.' });
		return { verdict: verifyReceipt(db(), text) };
	}
};
