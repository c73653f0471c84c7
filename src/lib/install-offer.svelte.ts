/**
 * The browser's side of the install offer: the `beforeinstallprompt` Chrome hands over (kept
 * instead of its own mini-infobar), `appinstalled`, whether Clearline runs from the home screen,
 * and the dismissals kept in localStorage. Made once by the root layout, which listens from its
 * first mount (the browser's event can come before the home page's card exists); the card finds it
 * by context.
 */
import { createContext } from 'svelte';
import { listen } from './listen';
import { DISMISS_KEYS, installOffer, isIosSafari, parseDismissal, type InstallOffer as Offer } from './install-offer';

/** Chrome's event; not in TypeScript's DOM library. */
interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

function storedDismissal(key: string): number | null {
	try {
		return parseDismissal(localStorage.getItem(key));
	} catch {
		return null; // storage refused (some private windows): ask as if never dismissed
	}
}

export class InstallOffer {
	#prompt = $state<BeforeInstallPromptEvent | null>(null);
	installed = $state(false);
	standalone = $state(false);
	ios = $state(false);
	dismissedAt = $state<{ prompt: number | null; ios: number | null }>({ prompt: null, ios: null });

	/** Starts listening (browser only); returns the stop. */
	start(): () => void {
		this.ios = isIosSafari(navigator.userAgent, navigator.maxTouchPoints);
		this.dismissedAt = { prompt: storedDismissal(DISMISS_KEYS.prompt), ios: storedDismissal(DISMISS_KEYS.ios) };
		const display = matchMedia('(display-mode: standalone)');
		const readDisplay = () => {
			this.standalone = display.matches || (navigator as { standalone?: boolean }).standalone === true;
		};
		readDisplay();
		const onPrompt = (event: Event) => {
			event.preventDefault(); // no mini-infobar: the card asks, where and when it is polite to
			this.#prompt = event as BeforeInstallPromptEvent;
		};
		const onInstalled = () => {
			this.installed = true;
			this.#prompt = null;
		};
		return listen(
			[window, 'beforeinstallprompt', onPrompt],
			[window, 'appinstalled', onInstalled],
			[display, 'change', readDisplay]
		);
	}

	/** What to offer on this page, if anything. */
	offer(pathname: string, emergency: boolean): Offer | null {
		return installOffer({
			pathname,
			emergency,
			standalone: this.standalone,
			installed: this.installed,
			canPrompt: this.#prompt !== null,
			ios: this.ios,
			dismissedAt: this.dismissedAt,
			now: Date.now()
		});
	}

	/** Shows the browser's own install dialog (a prompt can be used once); "cancel" there counts as "No thanks". */
	async install(): Promise<void> {
		const prompt = this.#prompt;
		if (!prompt) return;
		this.#prompt = null;
		await prompt.prompt();
		const { outcome } = await prompt.userChoice;
		if (outcome === 'dismissed') this.dismiss('prompt');
	}

	dismiss(offer: Offer): void {
		const at = Date.now();
		this.dismissedAt = { ...this.dismissedAt, [offer]: at };
		try {
			localStorage.setItem(DISMISS_KEYS[offer], String(at));
		} catch {
			// storage refused: dismissed for this visit only
		}
	}
}

export const [installOfferContext, setInstallOfferContext] = createContext<InstallOffer>();
