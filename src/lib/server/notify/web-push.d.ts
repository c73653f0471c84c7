/**
 * The part of `web-push` (3.6, CommonJS, ships no types) that Clearline uses.
 * Kept here rather than adding @types/web-push as another dependency.
 */
declare module 'web-push' {
	import type { Agent } from 'node:https';

	export interface PushSubscription {
		endpoint: string;
		keys: { p256dh: string; auth: string };
	}

	export interface VapidDetails {
		subject: string;
		publicKey: string;
		privateKey: string;
	}

	export interface RequestOptions {
		TTL?: number;
		urgency?: 'very-low' | 'low' | 'normal' | 'high';
		topic?: string;
		vapidDetails?: VapidDetails;
		contentEncoding?: 'aes128gcm' | 'aesgcm';
		timeout?: number;
		agent?: Agent;
		headers?: Record<string, string>;
	}

	export interface SendResult {
		statusCode: number;
		body: string;
		headers: Record<string, string | string[] | undefined>;
	}

	export class WebPushError extends Error {
		statusCode: number;
		headers: Record<string, string | string[] | undefined>;
		body: string;
		endpoint: string;
	}

	interface WebPush {
		generateVAPIDKeys(): { publicKey: string; privateKey: string };
		sendNotification(
			subscription: PushSubscription,
			payload?: string | Buffer | null,
			options?: RequestOptions
		): Promise<SendResult>;
		WebPushError: typeof WebPushError;
	}

	const webpush: WebPush;
	export default webpush;
}
