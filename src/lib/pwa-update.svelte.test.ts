import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpdatePrompt } from './pwa-update.svelte';
import { SKIP_WAITING, UPDATE_CHECK_MS } from './pwa-update';

/** Just enough of a ServiceWorker and its registration to drive the lifecycle by hand. */
class FakeWorker extends EventTarget {
	state: ServiceWorkerState = 'installing';
	readonly messages: unknown[] = [];
	postMessage(message: unknown): void {
		this.messages.push(message);
	}
}

class FakeRegistration extends EventTarget {
	active: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	installing: FakeWorker | null = null;
	updates = 0;
	update(): Promise<void> {
		this.updates++;
		return Promise.resolve();
	}
	/** A worker installs, as the browser reports it: updatefound, then its state reaching `installed`. */
	install(): FakeWorker {
		const worker = new FakeWorker();
		this.installing = worker;
		this.dispatchEvent(new Event('updatefound'));
		this.installing = null;
		this.waiting = worker;
		worker.state = 'installed';
		worker.dispatchEvent(new Event('statechange'));
		return worker;
	}
}

let registration: FakeRegistration;
let container: EventTarget;
let reloads: number;
let prompt: UpdatePrompt;

function open(): () => void {
	return prompt.watch(
		registration as unknown as ServiceWorkerRegistration,
		container as unknown as ServiceWorkerContainer
	);
}

const takeOver = () => container.dispatchEvent(new Event('controllerchange'));

beforeEach(() => {
	vi.useFakeTimers();
	vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
	registration = new FakeRegistration();
	container = new EventTarget();
	reloads = 0;
	prompt = new UpdatePrompt(() => reloads++);
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('the new-version banner on a real lifecycle', () => {
	it('asks nothing on the first install, and the first worker claiming the page reloads nothing', () => {
		open();
		const first = registration.install();
		expect(prompt.visible).toBe(false);
		registration.active = first;
		registration.waiting = null;
		takeOver();
		vi.runAllTimers();
		expect(reloads).toBe(0);
	});

	it('shows a version installed while the page is open, and never reloads by itself', () => {
		registration.active = new FakeWorker();
		open();
		const next = registration.install();
		expect(prompt.visible).toBe(true);
		expect(next.messages).toEqual([]);
		// Another tab switched versions: this page keeps what the patient is typing.
		takeOver();
		vi.advanceTimersByTime(60_000);
		expect(reloads).toBe(0);
		expect(prompt.visible).toBe(true);
	});

	it('on "Reload", tells the waiting worker to take over and reloads once it has', () => {
		registration.active = new FakeWorker();
		open();
		const next = registration.install();
		prompt.reload();
		expect(next.messages).toEqual([SKIP_WAITING]);
		expect(reloads).toBe(0);
		takeOver();
		expect(reloads).toBe(1);
		vi.runAllTimers();
		expect(reloads).toBe(1);
	});

	it('reloads anyway when the new worker never takes over after the patient asked', () => {
		registration.active = new FakeWorker();
		open();
		registration.install();
		prompt.reload();
		vi.advanceTimersByTime(3000);
		expect(reloads).toBe(0);
		vi.advanceTimersByTime(2000);
		expect(reloads).toBe(1);
	});

	it('finds a version already waiting when the page opens; "Not now" hides it until a newer one', () => {
		registration.active = new FakeWorker();
		registration.waiting = new FakeWorker();
		open();
		expect(prompt.visible).toBe(true);
		prompt.dismiss();
		expect(prompt.visible).toBe(false);
		prompt.reload();
		expect(registration.waiting.messages).toEqual([]);
		registration.install();
		expect(prompt.visible).toBe(true);
	});

	it('reloads at once when another tab already switched to the new version', () => {
		registration.active = new FakeWorker();
		open();
		registration.install();
		registration.waiting = null;
		prompt.reload();
		expect(reloads).toBe(1);
	});

	it('asks the server for a new version when the page comes back, at most hourly, until stopped', () => {
		const stop = open();
		const visible = () => document.dispatchEvent(new Event('visibilitychange'));
		visible();
		expect(registration.updates).toBe(0);
		vi.advanceTimersByTime(UPDATE_CHECK_MS);
		visible();
		visible();
		expect(registration.updates).toBe(1);
		stop();
		vi.advanceTimersByTime(UPDATE_CHECK_MS);
		visible();
		registration.active = new FakeWorker();
		registration.install();
		expect(registration.updates).toBe(1);
		expect(prompt.visible).toBe(false);
	});
});
