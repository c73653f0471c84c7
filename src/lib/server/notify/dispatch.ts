/**
 * The one place that sends push messages: staff alerts and patient updates
 * both plan their messages from committed events and hand them here.
 *
 * Listens to the LiveBus, which announces only committed events. Sending never
 * runs inside the publisher's call stack: events are queued and handled on the
 * next turn of the event loop, so a request never waits for a push service and
 * a failing push service can never throw into the command that published.
 */
import type { Logger } from 'pino';
import type { Db } from '../db';
import { config } from '../config';
import type { LiveBus, LiveEvent } from '../queues/live';
import {
	endpointHost,
	isGone,
	pushOptions,
	pushStatus,
	webPushSend,
	type AlertPayload,
	type Delivery,
	type PushSend
} from './push';
import { forgetSubscription, type StoredSubscription } from './subscriptions';
import { vapidKeys, vapidSubject, type VapidDetails } from './vapid';

export type PushLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface PushMessage {
	subscription: StoredSubscription;
	payload: AlertPayload;
	delivery: Delivery;
}

export interface PushWorkerOptions {
	send?: PushSend;
	vapid?: VapidDetails;
}

export interface PushWorker {
	/** Resolves when every queued event has been handled and every send has finished. */
	settled(): Promise<void>;
	stop(): void;
}

export interface PushPlan {
	/** What the messages are, for the logs: 'alerts' or 'patient updates'. */
	name: string;
	/** Whether an event may need a message; the rest are not queued at all. */
	accepts(event: LiveEvent): boolean;
	/** The messages a burst of committed events calls for. */
	messages(events: LiveEvent[]): PushMessage[];
}

type Outcome = 'sent' | 'gone' | 'failed';

/** Starts sending what `plan` asks for after each commit; call once per process and plan (hooks.server.ts `init`). */
export function startPushWorker(
	db: Db,
	bus: LiveBus,
	logger: PushLogger,
	options: PushWorkerOptions,
	plan: PushPlan
): PushWorker {
	const send = options.send ?? webPushSend;
	let vapid: VapidDetails;
	try {
		vapid = options.vapid ?? { ...vapidKeys(db), subject: vapidSubject(config.vapidSubject) };
	} catch (error) {
		// Patients must still be able to report and clinicians still see the live queue: start without push, loudly.
		logger.error(
			{ err: error instanceof Error ? error.message : 'unknown' },
			`push ${plan.name} are OFF: no usable VAPID keys`
		);
		return { settled: () => Promise.resolve(), stop: () => {} };
	}
	if (!options.vapid && vapid.subject !== config.vapidSubject) {
		logger.warn('VAPID_SUBJECT is not a mailto: or https: URL; using the default contact');
	}

	async function sendOne({ subscription, payload, delivery }: PushMessage): Promise<Outcome> {
		const { endpoint, keys } = subscription;
		try {
			await send({ endpoint, keys }, JSON.stringify(payload), pushOptions(vapid, delivery));
			return 'sent';
		} catch (error) {
			if (isGone(error)) {
				forgetSubscription(db, endpoint);
				logger.info(
					{ service: endpointHost(endpoint), status: pushStatus(error) },
					'push subscription expired; removed'
				);
				return 'gone';
			}
			// Only the status and the service's host: the error object carries the endpoint and the service's reply.
			const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
			logger.warn(
				{ service: endpointHost(endpoint), status: pushStatus(error), code, kind: plan.name },
				'push alert failed'
			);
			return 'failed';
		}
	}

	async function deliver(events: LiveEvent[]): Promise<void> {
		const messages = plan.messages(events);
		if (messages.length === 0) return;
		const results = await Promise.all(messages.map(sendOne));
		logger.info(
			{
				devices: messages.length,
				sent: results.filter((r) => r === 'sent').length,
				failed: results.filter((r) => r === 'failed').length
			},
			`push ${plan.name} delivered`
		);
	}

	let queued: LiveEvent[] = [];
	let scheduled = false;
	const inFlight = new Set<Promise<void>>();

	function flush(): void {
		scheduled = false;
		const events = queued;
		queued = [];
		const job: Promise<void> = deliver(events)
			.catch((error: unknown) =>
				logger.error(
					{ err: error instanceof Error ? { name: error.name, message: error.message } : 'unknown' },
					`push ${plan.name} failed`
				)
			)
			.finally(() => inFlight.delete(job));
		inFlight.add(job);
	}

	const unsubscribe = bus.subscribe((event) => {
		if (!plan.accepts(event)) return;
		queued.push(event);
		if (!scheduled) {
			scheduled = true;
			setImmediate(flush);
		}
	});

	return {
		async settled() {
			while (scheduled || inFlight.size > 0) {
				if (scheduled) await new Promise((r) => setImmediate(r));
				await Promise.all([...inFlight]);
			}
		},
		stop: unsubscribe
	};
}
