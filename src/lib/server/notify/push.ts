/**
 * Sending one Web Push message. The sender is a plain function so tests (and
 * any future transport) can replace it; production uses the `web-push` library,
 * which encrypts the payload (RFC 8291, aes128gcm) and signs a VAPID JWT.
 */
import type { Agent } from 'node:https';
import webpush from 'web-push';
import type { PushAudience } from '../../push-message';
import type { VapidDetails } from './vapid';

/** Everything a notification may say. Nothing about the patient or the report: push services and lock screens are not private. */
export interface AlertPayload {
	title: string;
	body: string;
	url: string;
	tag: string;
	/** Who it is for: the device's fallback for a tap when `url` is unusable ($lib/push-message). */
	audience: PushAudience;
}

export interface PushTarget {
	endpoint: string;
	keys: { p256dh: string; auth: string };
}

/** How the push service should treat a message: how long to keep it, how hard to wake the device, what it replaces. */
export interface Delivery {
	/** Seconds the push service keeps an undelivered message. */
	TTL: number;
	urgency: 'normal' | 'high';
	/** Undelivered messages with the same topic replace each other, so a phone that was offline gets one, not twenty. */
	topic: string;
}

export interface PushOptions extends Delivery {
	timeout: number;
	vapidDetails: VapidDetails;
}

export type PushSend = (subscription: PushTarget, payload: string, options: PushOptions) => Promise<unknown>;

export const ALERT_TTL_SECONDS = 300;
export const ALERT_TOPIC = 'clearline-alert';
/** Staff alerts: a stale "report waiting" is worse than none. */
export const ALERT_DELIVERY: Delivery = { TTL: ALERT_TTL_SECONDS, urgency: 'high', topic: ALERT_TOPIC };
const SEND_TIMEOUT_MS = 10_000;

/** The `web-push` sender. `agent` only changes how the HTTPS connection is made (tests route it to a local service). */
export function createWebPushSend(transport: { agent?: Agent } = {}): PushSend {
	return (subscription, payload, options) =>
		webpush.sendNotification(subscription, payload, { ...options, ...transport });
}

export const webPushSend: PushSend = createWebPushSend();

export function pushOptions(vapidDetails: VapidDetails, delivery: Delivery = ALERT_DELIVERY): PushOptions {
	return { ...delivery, timeout: SEND_TIMEOUT_MS, vapidDetails };
}

/** The push service's HTTP status on a refused send, if there was one. */
export function pushStatus(error: unknown): number | null {
	if (typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number')
		return error.statusCode;
	return null;
}

/** 404/410: the browser unsubscribed or the subscription expired; it will never work again. */
export function isGone(error: unknown): boolean {
	const status = pushStatus(error);
	return status === 404 || status === 410;
}

/** What may be logged about an endpoint: its push service's host. The path is a bearer capability for that device. */
export function endpointHost(endpoint: string): string {
	try {
		return new URL(endpoint).host;
	} catch {
		return 'invalid';
	}
}
