import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { context, fileDb, patient, report, staffMember } from '../testing/fixtures';
import { claim } from './actions';
import { issueReceipt, verifyReceipt, type Receipt } from './receipts';

let cleanup = () => {};
afterEach(() => cleanup());

async function setUp() {
	const handle = fileDb();
	cleanup = handle.cleanup;
	const db = handle.open();
	const p = await patient(db);
	const r = report(context(db), p, 'stomach pain and blood in stool');
	claim(context(db), await staffMember(db, 'nurse'), r.id);
	return { db, p, r };
}

/** What someone editing a receipt would do to make its own hash agree again. */
function rehashed(receipt: Receipt): string {
	const { receiptHash: _old, ...body } = receipt;
	const canonical = (v: unknown): string =>
		Array.isArray(v)
			? `[${v.map(canonical).join(',')}]`
			: v !== null && typeof v === 'object'
				? `{${Object.entries(v)
						.sort(([a], [b]) => (a < b ? -1 : 1))
						.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
						.join(',')}}`
				: JSON.stringify(v);
	return JSON.stringify({ ...body, receiptHash: createHash('sha256').update(canonical(body)).digest('hex') });
}

describe('receipts', () => {
	it('names the report, what was reported, the level, the handler and the chain head; it verifies', async () => {
		const { db, p, r } = await setUp();
		const receipt = issueReceipt(db, p.id, r.id, Date.now())!;
		expect(receipt).toMatchObject({
			reference: r.reference,
			reported: { description: 'stomach pain and blood in stool' },
			status: 'claimed',
			handledBy: { name: 'Sam Lee', credential: 'RN', channel: 'telehealth' }
		});
		expect(receipt.chainHead.hash).toMatch(/^[0-9a-f]{64}$/);
		expect(verifyReceipt(db, JSON.stringify(receipt))).toMatchObject({ ok: true, reference: r.reference });
	});

	it('is issued to the patient only', async () => {
		const { db, r } = await setUp();
		const other = await patient(db);
		expect(issueReceipt(db, other.id, r.id, Date.now())).toBeNull();
	});

	it('fails when edited, when edited and re-hashed, and when the record was rewritten', async () => {
		const { db, p, r } = await setUp();
		const receipt = issueReceipt(db, p.id, r.id, Date.now())!;
		const edited = { ...receipt, reported: { ...receipt.reported, description: 'mild cough' } };
		expect(verifyReceipt(db, JSON.stringify(edited))).toEqual({ ok: false, reason: 'altered' });
		expect(verifyReceipt(db, rehashed(edited))).toEqual({ ok: false, reason: 'no_match' });
		expect(verifyReceipt(db, rehashed({ ...receipt, level: 'routine' }))).toEqual({ ok: false, reason: 'no_match' });
		expect(verifyReceipt(db, 'not json')).toEqual({ ok: false, reason: 'unreadable' });
		expect(verifyReceipt(db, '{"kind":"something else"}')).toEqual({ ok: false, reason: 'unreadable' });
		// Deleting the newest events (the chain head the receipt names) makes it fail too.
		db.run(sql`drop trigger report_events_no_delete`);
		db.run(sql`delete from report_events where seq = ${receipt.chainHead.seq}`);
		expect(verifyReceipt(db, JSON.stringify(receipt))).toEqual({ ok: false, reason: 'no_match' });
	});
});
