/**
 * When Clearline offers to be added to the phone's home screen: once the browser says it can
 * (Chrome's `beforeinstallprompt`), or on iOS Safari, which has no prompt and only the Share
 * menu; on the patient's home page and My reports only, never on the report form or while an
 * emergency is on screen, not when it already runs installed, and not again for a while after
 * "No thanks". Pure, so each rule is a line in a table test; $lib/install-offer.svelte.ts holds
 * the browser's side.
 */

/** How long "No thanks" to the install prompt holds. */
export const DISMISS_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** localStorage keys: when each offer was dismissed (epoch ms). Nothing about the patient. */
export const DISMISS_KEYS = { prompt: 'clearline.install.dismissedAt', ios: 'clearline.install.iosHintDismissedAt' };

export type InstallOffer = 'prompt' | 'ios';

export interface InstallSituation {
	/** The page the card would sit on. */
	pathname: string;
	/** An emergency (call 911) is on this screen. */
	emergency: boolean;
	/** Running from the home screen (`display-mode: standalone`, or iOS's `navigator.standalone`). */
	standalone: boolean;
	/** `appinstalled` fired while this page was open. */
	installed: boolean;
	/** The browser handed over a `beforeinstallprompt` to show. */
	canPrompt: boolean;
	ios: boolean;
	/** When each offer was last dismissed, epoch ms. */
	dismissedAt: { prompt: number | null; ios: number | null };
	now: number;
}

/** The pages a patient returns to: not the report form (they are busy), not the emergency advice. */
const OFFERED_ON = new Set(['/', '/reports']);

export function dismissalHolds(dismissedAt: number | null, now: number, days: number = DISMISS_DAYS): boolean {
	return dismissedAt !== null && now >= dismissedAt && now - dismissedAt < days * DAY_MS;
}

export function installOffer(s: InstallSituation): InstallOffer | null {
	if (!OFFERED_ON.has(s.pathname) || s.emergency || s.standalone || s.installed) return null;
	if (s.canPrompt) return dismissalHolds(s.dismissedAt.prompt, s.now) ? null : 'prompt';
	// The iOS hint is shown until it is dismissed, then never again.
	if (s.ios) return s.dismissedAt.ios === null ? 'ios' : null;
	return null;
}

/**
 * iOS Safari: an iPhone or iPod, or an iPad (which since iPadOS 13 says it is a Mac, but has a
 * touch screen). Other iOS browsers name themselves (CriOS, FxiOS, EdgiOS) and install differently.
 */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
	const apple = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
	return apple && /Safari\//.test(userAgent) && !/CriOS|FxiOS|EdgiOS|OPiOS/.test(userAgent);
}

/** A stored dismissal time, or null for none or anything unreadable (it then asks again). */
export function parseDismissal(raw: string | null): number | null {
	if (raw === null || !/^\d+$/.test(raw)) return null;
	const at = Number(raw);
	return Number.isSafeInteger(at) ? at : null;
}

/** An open report triaged as an emergency: the page's call-911 advice is all it should ask for attention for. */
export function emergencyOpen(reports: readonly { level: string; status: string }[]): boolean {
	return reports.some((r) => r.level === 'emergency' && r.status !== 'resolved');
}
