/**
 * This browser's push subscription, for whoever is signed in: staff get
 * alerts, patients get updates on their reports. The one implementation of
 * turning notifications on and off, and of re-registering the device on each
 * visit; `PushToggle.svelte` is its only face.
 */
import { base64UrlToBytes } from '$lib/push-message';

const SUBSCRIPTIONS = '/api/v1/push/subscriptions';

export type PushDeviceState = 'unsupported' | 'blocked' | 'off' | 'on';

/** Why turning notifications on or off failed. `detail` is the server's own message, when it sent one. */
export class PushDeviceError extends Error {
	constructor(
		readonly reason: 'installing' | 'failed',
		readonly detail: string | null = null
	) {
		super(detail ?? reason);
	}
}

export function pushSupported(): boolean {
	return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The service worker's registration; waits at most `ms` (it may still be installing on the first visit). */
async function registration(ms = 10_000): Promise<ServiceWorkerRegistration> {
	const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new PushDeviceError('installing')), ms));
	return Promise.race([navigator.serviceWorker.ready, timeout]);
}

async function refused(response: Response): Promise<PushDeviceError> {
	try {
		const body: unknown = await response.json();
		const error = (body as { error?: { message?: unknown } } | null)?.error;
		if (typeof error?.message === 'string') return new PushDeviceError('failed', error.message);
	} catch {
		// not the API's error shape
	}
	return new PushDeviceError('failed', `The server answered ${response.status}.`);
}

async function register(subscription: PushSubscription): Promise<void> {
	const response = await fetch(SUBSCRIPTIONS, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(subscription.toJSON())
	});
	if (response.status !== 201) throw await refused(response);
}

function sameKey(subscription: PushSubscription, key: Uint8Array): boolean {
	const current = subscription.options.applicationServerKey;
	if (!current) return false;
	const bytes = new Uint8Array(current);
	return bytes.length === key.length && bytes.every((b, i) => b === key[i]);
}

function failure(error: unknown): PushDeviceError {
	return error instanceof PushDeviceError ? error : new PushDeviceError('failed');
}

/**
 * Where this device stands. A device that is subscribed is registered again: it may now belong to whoever
 * signed in, or the server may have dropped it (a logout ends the device's registration with the session).
 */
export async function pushState(): Promise<PushDeviceState> {
	if (!pushSupported()) return 'unsupported';
	if (Notification.permission === 'denied') return 'blocked';
	try {
		const subscription = await (await registration()).pushManager.getSubscription();
		if (!subscription || Notification.permission !== 'granted') return 'off';
		await register(subscription);
		return 'on';
	} catch {
		return 'off';
	}
}

/** Asks for permission, subscribes with the server's key (replacing a subscription made with another) and registers. */
export async function turnOnPush(): Promise<'on' | 'blocked'> {
	try {
		const permission = await Notification.requestPermission();
		if (permission !== 'granted') return 'blocked';
		const keyResponse = await fetch('/api/v1/push/key');
		if (!keyResponse.ok) throw await refused(keyResponse);
		const { publicKey } = (await keyResponse.json()) as { publicKey: string };
		const key = base64UrlToBytes(publicKey);
		const reg = await registration();
		let subscription = await reg.pushManager.getSubscription();
		if (subscription && !sameKey(subscription, key)) {
			await subscription.unsubscribe();
			subscription = null;
		}
		subscription ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
		await register(subscription);
		return 'on';
	} catch (error) {
		throw failure(error);
	}
}

/** Forgets this device on the server, then in the browser. */
export async function turnOffPush(): Promise<'off'> {
	try {
		const subscription = await (await registration()).pushManager.getSubscription();
		if (subscription) {
			const response = await fetch(SUBSCRIPTIONS, {
				method: 'DELETE',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ endpoint: subscription.endpoint })
			});
			if (response.status !== 204) throw await refused(response);
			await subscription.unsubscribe();
		}
		return 'off';
	} catch (error) {
		throw failure(error);
	}
}
