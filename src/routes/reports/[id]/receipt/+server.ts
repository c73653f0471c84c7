import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { issueReceipt } from '$lib/server/reports/receipts';
import { db, now } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The patient's receipt for their report as it stands now, as a file to keep or share. */
export const GET: RequestHandler = ({ params }) => {
	const user = requireRole('patient');
	const receipt = issueReceipt(db(), user.id, params.id, now());
	if (!receipt) error(404, { message: 'We could not find that report.' });
	return new Response(JSON.stringify(receipt, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="clearline-receipt-${receipt.reference}.json"`,
			'cache-control': 'no-store'
		}
	});
};
