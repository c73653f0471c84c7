/**
 * The "new version" banner's state, wired to the page's service worker registration. One instance,
 * made by the root layout (browser only) and handed to the banner as a prop.
 */
import {
	SKIP_WAITING,
	UPDATE_CHECK_MS,
	nextUpdateState,
	reloadsOnControllerChange,
	type UpdateEvent,
	type UpdateState
} from './pwa-update';
import { listen } from './listen';

/** If the new worker never takes over (it failed, or another tab holds it), the reload the patient asked for still happens. */
const RELOAD_FALLBACK_MS = 4000;

export class UpdatePrompt {
	state = $state<UpdateState>('none');
	readonly visible = $derived(this.state === 'ready');

	#registration: ServiceWorkerRegistration | null = null;
	#reloaded = false;
	readonly #reloadPage: () => void;

	constructor(reloadPage: () => void = () => location.reload()) {
		this.#reloadPage = reloadPage;
	}

	#send(event: UpdateEvent): void {
		this.state = nextUpdateState(this.state, event);
	}

	#reloadOnce(): void {
		if (this.#reloaded) return;
		this.#reloaded = true;
		this.#reloadPage();
	}

	/** Follows a registration: a version already waiting, each one that installs later, and the switch-over. Returns the stop. */
	watch(registration: ServiceWorkerRegistration, container: ServiceWorkerContainer): () => void {
		this.#registration = registration;
		const replaces = () => registration.active !== null;
		if (registration.waiting) this.#send({ type: 'installed', replaces: replaces(), fresh: false });

		const onUpdateFound = () => {
			const worker = registration.installing;
			worker?.addEventListener('statechange', () => {
				if (worker.state === 'installed') this.#send({ type: 'installed', replaces: replaces(), fresh: true });
			});
		};
		const onControllerChange = () => {
			if (reloadsOnControllerChange(this.state)) this.#reloadOnce();
		};
		let lastCheck = Date.now();
		const onVisible = () => {
			if (document.visibilityState !== 'visible' || Date.now() - lastCheck < UPDATE_CHECK_MS) return;
			lastCheck = Date.now();
			registration.update().catch(() => undefined);
		};
		return listen(
			[registration, 'updatefound', onUpdateFound],
			[container, 'controllerchange', onControllerChange],
			[document, 'visibilitychange', onVisible]
		);
	}

	dismiss(): void {
		this.#send({ type: 'dismiss' });
	}

	/** The patient asked: the waiting version takes over, and the page reloads when it controls this page. */
	reload(): void {
		this.#send({ type: 'reload' });
		if (!reloadsOnControllerChange(this.state)) return;
		const waiting = this.#registration?.waiting;
		if (!waiting) {
			// Another tab already switched to it: this page only needs to load the new version.
			this.#reloadOnce();
			return;
		}
		waiting.postMessage(SKIP_WAITING);
		setTimeout(() => this.#reloadOnce(), RELOAD_FALLBACK_MS);
	}
}

/** Whether anything on the page was typed, ticked or chosen and not sent: what a reload would lose. */
export function hasTypedInput(root: ParentNode = document): boolean {
	for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
		if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
			if (field.checked !== field.defaultChecked) return true;
		} else if (field.type !== 'hidden' && field.value !== field.defaultValue) {
			return true;
		}
	}
	return false;
}
