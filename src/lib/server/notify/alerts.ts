/**
 * Push alerts to clinicians' devices when a report needs one (DESIGN.md:
 * urgent and emergency reports, and the escalation ladder's re-alerts).
 *
 * Listens to the LiveBus, which announces only committed events. Sending never
 * runs inside the publisher's call stack: events are queued and handled on the
 * next turn of the event loop, so a request never waits for a push service and
 * a failing push service can never throw into the command that published.
 */
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { alertRecipients } from '../auth/staff';
import type { Db } from '../db';
import { reportEvents } from '../db/schema';
import { whoIsAlerted } from '../queues/deadlines';
import { parseEvent, type EventPayload } from '../reports/event-types';
import type { LiveBus, LiveEvent } from '../queues/live';
import { levelRank } from '../../triage/types';
import { isClinicalLevel } from '../../vocabulary';
import { config } from '../config';
import { endpointHost, isGone, pushOptions, pushStatus, webPushSend, type AlertPayload, type PushSend } from './push';
import { forgetSubscription, subscriptionsOf } from './subscriptions';
import { vapidKeys, vapidSubject, type VapidDetails } from './vapid';

export type AlertKind = 'urgent' | 'emergency' | 'deadline';

const CLINICIAN_QUEUE_URL = '/queue/clinician';
const TAG = 'clearline-urgent';
const BODY = 'Open Clearline to see it.';

/** The only texts an alert can carry. Fixed strings: no report text, names, references or ids can reach a lock screen. */
export const ALERT_PAYLOADS: Readonly<Record<AlertKind, Readonly<AlertPayload>>> = {
	urgent: { title: 'Urgent report waiting', body: BODY, url: CLINICIAN_QUEUE_URL, tag: TAG },
	emergency: { title: 'Emergency report waiting', body: BODY, url: CLINICIAN_QUEUE_URL, tag: TAG },
	deadline: { title: 'Report past its deadline', body: BODY, url: CLINICIAN_QUEUE_URL, tag: TAG }
};

/** When one device is owed several alerts at once it gets one: the most pressing. */
const PRECEDENCE: Record<AlertKind, number> = { urgent: 1, deadline: 2, emergency: 3 };

export interface Alert {
	kind: AlertKind;
	/** Also alert the clinical lead (admins), the ladder's second rung. */
	includeLead: boolean;
}

function levelAlert(event: LiveEvent): Alert | null {
	// Claimed means a clinician already has it (a rise to urgent takes it away from support staff).
	if (!isClinicalLevel(event.level) || event.status !== 'open') return null;
	return { kind: event.level === 'emergency' ? 'emergency' : 'urgent', includeLead: false };
}

/**
 * Whether a committed event needs clinicians alerted, and whom. `stored` reads
 * the stored event's typed payload, needed only for level changes and missed deadlines.
 */
export function alertFor(event: LiveEvent, stored: () => EventPayload | null): Alert | null {
	switch (event.type) {
		case 'triaged':
		case 'escalated':
		case 'clinician_requested':
			return levelAlert(event);
		case 'level_changed': {
			// A clinician lowering emergency to urgent is not a new alert; a rise is.
			const e = stored();
			const from = e?.type === 'level_changed' ? e.data.from : null;
			if (from !== null && levelRank(from) >= levelRank(event.level)) return null;
			return levelAlert(event);
		}
		case 'deadline_missed': {
			if (event.status !== 'open') return null;
			const e = stored();
			const step = e?.type === 'deadline_missed' ? e.data.step : 1;
			return { kind: 'deadline', includeLead: whoIsAlerted(step) === 'clinical_lead' };
		}
		case 'submitted':
		case 'claimed':
		case 'released':
		case 'note_added':
		case 'patient_update':
		case 'contact_attempted':
		case 'callback_changed':
		case 'resolved':
			return null;
	}
}

const CANDIDATES: ReadonlySet<LiveEvent['type']> = new Set([
	'triaged',
	'level_changed',
	'escalated',
	'clinician_requested',
	'deadline_missed'
]);

export type AlertLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface PushAlertOptions {
	send?: PushSend;
	vapid?: VapidDetails;
}

export interface PushAlerts {
	/** Resolves when every queued event has been handled and every send has finished. */
	settled(): Promise<void>;
	stop(): void;
}

/** Starts alerting; call once per process (hooks.server.ts `init`). */
export function startPushAlerts(db: Db, bus: LiveBus, logger: AlertLogger, options: PushAlertOptions = {}): PushAlerts {
	const send = options.send ?? webPushSend;
	let vapid: VapidDetails;
	try {
		vapid = options.vapid ?? { ...vapidKeys(db), subject: vapidSubject(config.vapidSubject) };
	} catch (error) {
		// Patients must still be able to report and clinicians still see the live queue: start without push, loudly.
		logger.error(
			{ err: error instanceof Error ? error.message : 'unknown' },
			'push alerts are OFF: no usable VAPID keys'
		);
		return { settled: () => Promise.resolve(), stop: () => {} };
	}
	if (!options.vapid && vapid.subject !== config.vapidSubject) {
		logger.warn('VAPID_SUBJECT is not a mailto: or https: URL; using the default contact');
	}
	const sendOptions = pushOptions(vapid);

	let queued: LiveEvent[] = [];
	let scheduled = false;
	const inFlight = new Set<Promise<void>>();

	const storedEvent = (seq: number): EventPayload | null => {
		const row = db.select().from(reportEvents).where(eq(reportEvents.seq, seq)).get();
		return row ? parseEvent(row) : null;
	};

	async function sendTo(
		endpoint: string,
		keys: { p256dh: string; auth: string },
		payload: AlertPayload
	): Promise<'sent' | 'gone' | 'failed'> {
		try {
			await send({ endpoint, keys }, JSON.stringify(payload), sendOptions);
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
			logger.warn({ service: endpointHost(endpoint), status: pushStatus(error), code }, 'push alert failed');
			return 'failed';
		}
	}

	async function deliver(events: LiveEvent[]): Promise<void> {
		const recipients = new Map<boolean, string[]>();
		const owed = new Map<string, AlertKind>();
		for (const event of events) {
			const alert = alertFor(event, () => storedEvent(event.seq));
			if (!alert) continue;
			let users = recipients.get(alert.includeLead);
			if (!users) recipients.set(alert.includeLead, (users = alertRecipients(db, alert.includeLead)));
			for (const user of users) {
				const current = owed.get(user);
				if (!current || PRECEDENCE[alert.kind] > PRECEDENCE[current]) owed.set(user, alert.kind);
			}
		}
		if (owed.size === 0) return;
		const subscriptions = subscriptionsOf(db, [...owed.keys()]);
		const results = await Promise.all(
			subscriptions.map((s) => sendTo(s.endpoint, s.keys, ALERT_PAYLOADS[owed.get(s.userId) ?? 'urgent']))
		);
		logger.info(
			{
				recipients: owed.size,
				sent: results.filter((r) => r === 'sent').length,
				failed: results.filter((r) => r === 'failed').length
			},
			'push alerts delivered'
		);
	}

	function flush(): void {
		scheduled = false;
		const events = queued;
		queued = [];
		const job: Promise<void> = deliver(events)
			.catch((error: unknown) =>
				logger.error(
					{ err: error instanceof Error ? { name: error.name, message: error.message } : 'unknown' },
					'push alerts failed'
				)
			)
			.finally(() => inFlight.delete(job));
		inFlight.add(job);
	}

	const unsubscribe = bus.subscribe((event) => {
		if (!CANDIDATES.has(event.type)) return;
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
