/**
 * The server's VAPID identity for Web Push. Generated once, on first start,
 * and kept in `settings`: every browser subscription is bound to this public
 * key, so a new pair would silently cut every device off from alerts.
 */
import { inArray } from 'drizzle-orm';
import webpush from 'web-push';
import type { Db } from '../db';
import { settings } from '../db/schema';

export const VAPID_PUBLIC_KEY = 'vapid_public_key';
export const VAPID_PRIVATE_KEY = 'vapid_private_key';
export const DEFAULT_VAPID_SUBJECT = 'mailto:alerts@clearline.invalid';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
}

export interface VapidDetails extends VapidKeys {
	subject: string;
}

function stored(db: Db): Partial<VapidKeys> {
	const rows = db
		.select()
		.from(settings)
		.where(inArray(settings.key, [VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY]))
		.all();
	const value = (key: string) => rows.find((r) => r.key === key)?.value;
	return { publicKey: value(VAPID_PUBLIC_KEY), privateKey: value(VAPID_PRIVATE_KEY) };
}

/**
 * The stored key pair, generating and storing one if there is none. Two
 * processes starting together both converge on whichever pair committed first.
 */
export function vapidKeys(db: Db, generate: () => VapidKeys = () => webpush.generateVAPIDKeys()): VapidKeys {
	const existing = stored(db);
	if (existing.publicKey && existing.privateKey)
		return { publicKey: existing.publicKey, privateKey: existing.privateKey };
	// Half a pair means the table was edited by hand: refuse rather than overwrite the half that devices may rely on.
	if (existing.publicKey || existing.privateKey)
		throw new Error('The stored VAPID key pair is incomplete; restore both settings or delete both.');

	const fresh = generate();
	db.transaction((tx) => {
		tx.insert(settings).values({ key: VAPID_PUBLIC_KEY, value: fresh.publicKey }).onConflictDoNothing().run();
		tx.insert(settings).values({ key: VAPID_PRIVATE_KEY, value: fresh.privateKey }).onConflictDoNothing().run();
	});
	const now = stored(db);
	if (!now.publicKey || !now.privateKey) throw new Error('The VAPID key pair could not be stored.');
	return { publicKey: now.publicKey, privateKey: now.privateKey };
}

/** Push services accept only a mailto: or https: contact; anything else would make every send fail. */
export function vapidSubject(configured: string | undefined): string {
	if (!configured) return DEFAULT_VAPID_SUBJECT;
	return /^mailto:[^\s@]+@[^\s@]+$/i.test(configured) || /^https:\/\/[^\s]+$/i.test(configured)
		? configured
		: DEFAULT_VAPID_SUBJECT;
}
