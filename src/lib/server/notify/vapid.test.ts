import { describe, expect, it } from 'vitest';
import { settings } from '../db/schema';
import { testDb } from '../testing/db';
import { DEFAULT_VAPID_SUBJECT, VAPID_PRIVATE_KEY, VAPID_PUBLIC_KEY, vapidKeys, vapidSubject } from './vapid';

describe('VAPID keys', () => {
	it('generates a real P-256 pair on first use and stores it under the agreed settings keys', () => {
		const { db } = testDb();
		const keys = vapidKeys(db);
		// Uncompressed public point (65 bytes, 0x04 first) and a 32-byte private scalar, base64url.
		expect(Buffer.from(keys.publicKey, 'base64url')).toHaveLength(65);
		expect(Buffer.from(keys.publicKey, 'base64url')[0]).toBe(0x04);
		expect(Buffer.from(keys.privateKey, 'base64url')).toHaveLength(32);
		const rows = Object.fromEntries(
			db
				.select()
				.from(settings)
				.all()
				.map((r) => [r.key, r.value])
		);
		expect(rows[VAPID_PUBLIC_KEY]).toBe(keys.publicKey);
		expect(rows[VAPID_PRIVATE_KEY]).toBe(keys.privateKey);
		expect(VAPID_PUBLIC_KEY).toBe('vapid_public_key');
		expect(VAPID_PRIVATE_KEY).toBe('vapid_private_key');
	});

	it('never regenerates once stored', () => {
		const { db } = testDb();
		let generated = 0;
		const generate = () => {
			generated++;
			return { publicKey: `pub-${generated}`, privateKey: `priv-${generated}` };
		};
		const first = vapidKeys(db, generate);
		const again = vapidKeys(db, generate);
		expect(generated).toBe(1);
		expect(again).toEqual(first);
		expect(first).toEqual({ publicKey: 'pub-1', privateKey: 'priv-1' });
	});

	it('keeps a pair stored by another process rather than overwriting it', () => {
		const { db } = testDb();
		db.insert(settings)
			.values([
				{ key: VAPID_PUBLIC_KEY, value: 'theirs-pub' },
				{ key: VAPID_PRIVATE_KEY, value: 'theirs-priv' }
			])
			.run();
		expect(vapidKeys(db, () => ({ publicKey: 'mine', privateKey: 'mine' }))).toEqual({
			publicKey: 'theirs-pub',
			privateKey: 'theirs-priv'
		});
	});

	it('refuses a half-stored pair instead of replacing the half devices may rely on', () => {
		const { db } = testDb();
		db.insert(settings).values({ key: VAPID_PUBLIC_KEY, value: 'only-public' }).run();
		expect(() => vapidKeys(db)).toThrow(/incomplete/);
		expect(db.select().from(settings).all()).toEqual([{ key: VAPID_PUBLIC_KEY, value: 'only-public' }]);
	});

	it.each([
		[undefined, DEFAULT_VAPID_SUBJECT],
		['', DEFAULT_VAPID_SUBJECT],
		['mailto:oncall@clinic.example', 'mailto:oncall@clinic.example'],
		['https://clinic.example/contact', 'https://clinic.example/contact'],
		['oncall@clinic.example', DEFAULT_VAPID_SUBJECT],
		['http://clinic.example', DEFAULT_VAPID_SUBJECT]
	])('subject %s → %s', (configured, expected) => {
		expect(vapidSubject(configured)).toBe(expected);
	});
});
