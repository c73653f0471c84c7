/**
 * Push updates to a patient's own devices when something happens to their
 * report that they would want to know at once: someone picked it up, someone
 * tried to call them, it was closed. The notification says only that there is
 * news on report CL-…; what changed stays behind the login.
 *
 * Staff notes are internal (the patient's timeline shows that a note was
 * added, never its text), so the domain has no staff-to-patient message to
 * announce yet.
 */
import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { m } from '../../paraglide/messages';
import { PATIENT_TAG_PREFIX } from '../../push-message';
import { baseLocale, type Locale } from '../../paraglide/runtime';
import type { EventType } from '../../vocabulary';
import type { Db } from '../db';
import { reports, users } from '../db/schema';
import type { LiveBus, LiveEvent } from '../queues/live';
import { startPushWorker, type PushLogger, type PushWorker, type PushWorkerOptions } from './dispatch';
import type { AlertPayload, Delivery } from './push';
import { subscriptionsOf } from './subscriptions';

/** Whether the patient is told about this event on their devices. */
export function notifiesPatient(type: EventType): boolean {
	switch (type) {
		case 'claimed':
		case 'contact_attempted':
		case 'resolved':
			return true;
		case 'submitted':
		case 'triaged':
		case 'released':
		case 'note_added':
		case 'patient_update':
		case 'escalated':
		case 'level_changed':
		case 'deadline_missed':
		case 'callback_changed':
		case 'clinician_requested':
			return false;
	}
}

/** A day: news about a report is still worth showing the next morning; after that the page says it better. */
export const PATIENT_UPDATE_TTL_SECONDS = 86_400;

/** The whole notification, in the patient's language: the reference they were given, and nothing about their health. */
export function patientUpdatePayload(report: { id: string; reference: string }, locale: Locale): AlertPayload {
	return {
		title: m.push_updateTitle({ reference: report.reference }, { locale }),
		body: m.push_updateBody({}, { locale }),
		url: `/reports/${report.id}`,
		// The device shows one notification per report, the latest.
		tag: `${PATIENT_TAG_PREFIX}${report.id}`,
		audience: 'patient'
	};
}

/**
 * Undelivered updates on one report replace each other at the push service. The topic travels in clear to the
 * push service, so it is a digest of the id (at most 32 base64url characters), not the id or the reference.
 */
export function patientUpdateDelivery(reportId: string): Delivery {
	const topic = createHash('sha256').update(`clearline-report:${reportId}`).digest('base64url').slice(0, 32);
	return { TTL: PATIENT_UPDATE_TTL_SECONDS, urgency: 'normal', topic };
}

/** Starts telling patients; call once per process (hooks.server.ts `init`). */
export function startPatientUpdates(
	db: Db,
	bus: LiveBus,
	logger: PushLogger,
	options: PushWorkerOptions = {}
): PushWorker {
	function messages(events: LiveEvent[]) {
		// Several events on one report in one burst make one notification per device.
		const reportIds = [...new Set(events.map((e) => e.reportId))];
		const targets = db
			.select({ id: reports.id, reference: reports.reference, patientId: reports.patientId, language: users.language })
			.from(reports)
			.innerJoin(users, eq(users.id, reports.patientId))
			.where(inArray(reports.id, reportIds))
			.all();
		return targets.flatMap((report) => {
			const payload = patientUpdatePayload(report, report.language ?? baseLocale);
			const delivery = patientUpdateDelivery(report.id);
			return subscriptionsOf(db, [report.patientId]).map((subscription) => ({ subscription, payload, delivery }));
		});
	}

	return startPushWorker(db, bus, logger, options, {
		name: 'patient updates',
		accepts: (event) => notifiesPatient(event.type),
		messages
	});
}
