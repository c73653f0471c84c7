/**
 * Push alerts to clinicians' devices when a report needs one (DESIGN.md:
 * urgent and emergency reports, and the escalation ladder's re-alerts).
 *
 * Sent after the commit, off the request, by the shared dispatch (./dispatch).
 */
import { eq } from 'drizzle-orm';
import { alertRecipients } from '../auth/staff';
import type { Db } from '../db';
import { reportEvents } from '../db/schema';
import { whoIsAlerted } from '../queues/deadlines';
import { parseEvent, type EventPayload } from '../reports/event-types';
import type { LiveBus, LiveEvent } from '../queues/live';
import { STAFF_TAG } from '../../push-message';
import { levelRank } from '../../triage/types';
import { isClinicalLevel } from '../../vocabulary';
import { startPushWorker, type PushLogger, type PushWorker, type PushWorkerOptions } from './dispatch';
import { ALERT_DELIVERY, type AlertPayload } from './push';
import { subscriptionsOf } from './subscriptions';

export type AlertKind = 'urgent' | 'emergency' | 'deadline';

const CLINICIAN_QUEUE_URL = '/queue/clinician';
const BODY = 'Open Clearline to see it.';

/** The only texts an alert can carry. Fixed strings: no report text, names, references or ids can reach a lock screen. */
export const ALERT_PAYLOADS: Readonly<Record<AlertKind, Readonly<AlertPayload>>> = {
	urgent: { title: 'Urgent report waiting', body: BODY, url: CLINICIAN_QUEUE_URL, tag: STAFF_TAG, audience: 'staff' },
	emergency: {
		title: 'Emergency report waiting',
		body: BODY,
		url: CLINICIAN_QUEUE_URL,
		tag: STAFF_TAG,
		audience: 'staff'
	},
	deadline: {
		title: 'Report past its deadline',
		body: BODY,
		url: CLINICIAN_QUEUE_URL,
		tag: STAFF_TAG,
		audience: 'staff'
	}
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

export type AlertLogger = PushLogger;
export type PushAlertOptions = PushWorkerOptions;
export type PushAlerts = PushWorker;

/** Starts alerting; call once per process (hooks.server.ts `init`). */
export function startPushAlerts(db: Db, bus: LiveBus, logger: AlertLogger, options: PushAlertOptions = {}): PushAlerts {
	const storedEvent = (seq: number): EventPayload | null => {
		const row = db.select().from(reportEvents).where(eq(reportEvents.seq, seq)).get();
		return row ? parseEvent(row) : null;
	};

	function messages(events: LiveEvent[]) {
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
		return subscriptionsOf(db, [...owed.keys()]).map((subscription) => ({
			subscription,
			payload: ALERT_PAYLOADS[owed.get(subscription.userId) ?? 'urgent'],
			delivery: ALERT_DELIVERY
		}));
	}

	return startPushWorker(db, bus, logger, options, {
		name: 'alerts',
		accepts: (event) => CANDIDATES.has(event.type),
		messages
	});
}
