/**
 * Live page updates from the server-sent event stream (`/api/v1/events`).
 * Messages carry no health details, only "report X changed": the page reloads
 * its own data (`invalidateAll`), so what it shows is always what the server
 * lets this viewer see.
 */
import { invalidateAll } from '$app/navigation';
import { navigating } from '$app/state';
import { parseMessage, type LiveMessage } from '$lib/live-message';
import type { TriageLevel } from '$lib/triage/types';

export { isUrgentArrival, type LiveMessage } from '$lib/live-message';

export interface UrgentAlert {
	reportId: string;
	level: TriageLevel;
	type: LiveMessage['type'];
}

export interface LiveOptions {
	/** Which messages concern this page; others are ignored. Default: all. */
	relevant?: (message: LiveMessage) => boolean;
	/** Which messages raise the banner and beep (clinicians' queue pages pass `isUrgentArrival`). Default: none. */
	alert?: (message: LiveMessage) => boolean;
	/** Several events from one command arrive together: refresh once for all of them. */
	debounceMs?: number;
}

/** A short tone. Browsers may block audio until the user has interacted with the page; the banner still shows. */
function beep(): void {
	try {
		const audio = new AudioContext();
		if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
		const tone = audio.createOscillator();
		const volume = audio.createGain();
		tone.type = 'sine';
		tone.frequency.value = 880;
		volume.gain.setValueAtTime(0.2, audio.currentTime);
		volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.35);
		tone.connect(volume).connect(audio.destination);
		tone.onended = () => void audio.close().catch(() => undefined);
		tone.start();
		tone.stop(audio.currentTime + 0.35);
	} catch {
		// No Web Audio, or autoplay refused: nothing else to do.
	}
}

export class LiveUpdates {
	/** Whether the stream is open; pages say "live" only when it is. */
	connected = $state(false);
	alert = $state<UrgentAlert | null>(null);

	readonly #options: LiveOptions;
	#refresh: ReturnType<typeof setTimeout> | undefined;

	constructor(options: LiveOptions = {}) {
		this.#options = options;
	}

	/**
	 * Opens the stream after event `since` (the newest one the page's data
	 * includes), so nothing between load and connect is missed. Returns the
	 * function that closes it: hand it to `onMount`.
	 */
	connect(since: number): () => void {
		const source = new EventSource(`/api/v1/events?lastEventId=${since}`);
		source.addEventListener('open', () => (this.connected = true));
		source.addEventListener('error', () => (this.connected = source.readyState === EventSource.OPEN));
		source.addEventListener('report', (event) => this.#receive(event.data));
		return () => {
			source.close();
			clearTimeout(this.#refresh);
			this.#refresh = undefined;
			this.connected = false;
		};
	}

	dismiss(): void {
		this.alert = null;
	}

	#receive(data: unknown): void {
		const message = typeof data === 'string' ? parseMessage(data) : null;
		if (!message || (this.#options.relevant && !this.#options.relevant(message))) return;
		if (message.reportId && message.level && this.#options.alert?.(message)) {
			this.alert = { reportId: message.reportId, level: message.level, type: message.type };
			beep();
		}
		// Coalesce a burst into one refresh rather than postponing it while events keep coming.
		this.#refresh ??= setTimeout(() => {
			this.#refresh = undefined;
			// A navigation under way (e.g. "Claim" opening the report) loads fresh data anyway, and
			// refreshing this page now would cancel it and leave the user where they were.
			if (navigating.to) return;
			void invalidateAll();
		}, this.#options.debounceMs ?? 150);
	}
}
