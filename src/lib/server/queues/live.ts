/**
 * In-process fan-out of committed report events to live listeners (SSE
 * streams, push alerts). The event log is the source of truth: a listener that
 * missed something replays it from report_events by sequence number.
 */
import { EventEmitter } from 'node:events';
import type { TriageLevel } from '../../triage/types';
import type { EventType, Queue, ReportStatus } from '../../vocabulary';

export interface LiveEvent {
	seq: number;
	type: EventType;
	reportId: string;
	patientId: string;
	handlerId: string | null;
	queue: Queue;
	level: TriageLevel;
	status: ReportStatus;
	at: number;
}

export class LiveBus {
	readonly #emitter = new EventEmitter();

	constructor() {
		// One listener per open staff or patient page; not a leak.
		this.#emitter.setMaxListeners(0);
	}

	publish(event: LiveEvent): void {
		this.#emitter.emit('event', event);
	}

	subscribe(listener: (event: LiveEvent) => void): () => void {
		this.#emitter.on('event', listener);
		return () => this.#emitter.off('event', listener);
	}
}
