import crypto from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { sendReport, signUpPatient, switchToSpanish } from './report-flow';

/**
 * Headless Chromium has no push service to subscribe with, so the page gets a stand-in PushManager that
 * hands out a subscription the way Chrome's would: an FCM endpoint and real P-256/auth keys. Everything
 * from there on (the permission, the server's key, the API and its validation, the store) is the real thing.
 */
async function fakePushService(page: Page): Promise<string> {
	const endpoint = `https://fcm.googleapis.com/fcm/send/e2e-${crypto.randomUUID()}`;
	const keys = {
		p256dh: crypto.createECDH('prime256v1').generateKeys().toString('base64url'),
		auth: crypto.randomBytes(16).toString('base64url')
	};
	await page.context().grantPermissions(['notifications']);
	await page.addInitScript(
		({ endpoint, keys }) => {
			const STORE = 'e2e-push-subscription';
			const make = (serverKey: number[]) => ({
				endpoint,
				options: { applicationServerKey: new Uint8Array(serverKey).buffer },
				toJSON: () => ({ endpoint, expirationTime: null, keys }),
				unsubscribe: async () => {
					localStorage.removeItem(STORE);
					return true;
				}
			});
			PushManager.prototype.getSubscription = async function () {
				const stored = localStorage.getItem(STORE);
				return stored ? (make(JSON.parse(stored) as number[]) as unknown as PushSubscription) : null;
			};
			PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
				const key = Array.from(new Uint8Array(options?.applicationServerKey as ArrayBuffer));
				localStorage.setItem(STORE, JSON.stringify(key));
				return make(key) as unknown as PushSubscription;
			};
		},
		{ endpoint, keys }
	);
	return endpoint;
}

const registered = (page: Page, method: 'POST' | 'DELETE') =>
	page.waitForResponse((r) => r.url().endsWith('/api/v1/push/subscriptions') && r.request().method() === method);

test('a patient turns on updates on their report page, and the device is registered', async ({ page }) => {
	const endpoint = await fakePushService(page);
	await signUpPatient(page);
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByLabel('Describe your symptoms or request').fill('My ankle is swollen after a fall yesterday');
	await sendReport(page);
	await expect(page.getByRole('heading', { name: 'We have your report' })).toBeVisible();

	const updates = page.getByRole('region', { name: 'Updates on this device' });
	await expect(updates.getByRole('status')).toHaveText(/Get a notification on this device when someone picks up/);
	const subscribed = registered(page, 'POST');
	await updates.getByRole('button', { name: 'Notify me on this device' }).click();
	const response = await subscribed;
	expect(response.status()).toBe(201);
	expect(response.request().postDataJSON()).toMatchObject({ endpoint });
	await expect(updates.getByRole('status')).toHaveText(/never say anything about your health/);

	// The next visit registers the device again (a logout elsewhere may have dropped it) and says it is on.
	const again = registered(page, 'POST');
	await page.reload();
	expect((await again).status()).toBe(201);
	await expect(updates.getByRole('button', { name: 'Stop notifications on this device' })).toBeVisible();

	// In Spanish too.
	await switchToSpanish(page);
	const avisos = page.getByRole('region', { name: 'Avisos en este dispositivo' });
	await expect(avisos.getByRole('button', { name: 'Dejar de avisarme en este dispositivo' })).toBeVisible();

	const removed = registered(page, 'DELETE');
	await avisos.getByRole('button', { name: 'Dejar de avisarme en este dispositivo' }).click();
	expect((await removed).status()).toBe(204);
	await expect(avisos.getByRole('button', { name: 'Avisarme en este dispositivo' })).toBeVisible();
});
