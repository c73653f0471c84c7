/**
 * The phone's outbox: a report made without a connection is kept on the phone (IndexedDB) with
 * its client-made id until the server acknowledges it, then removed. Shared by the pages and the
 * service worker (Background Sync); the server's idempotent ids make a repeated send one report.
 *
 * Unlike Workbox's background-sync queue, nothing here drops a report on a failed answer or
 * after some days: a 2xx removes it; a refusal the patient can fix (a validation 4xx) keeps it
 * with the message; an expired session keeps it until that patient logs in again; anything
 * else (no network, a 5xx, a redirect from a captive portal) keeps it for the next try.
 *
 * Each report belongs to the account that was signed in on this phone when it was saved, and is
 * only ever sent by that account's session: a shared phone never files one person's report
 * under another's name.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ReportPayload } from './report-form';

export type OutboxState = 'queued' | 'login' | 'rejected';

export interface OutboxEntry {
	/** The client-made report id the server will keep. */
	id: string;
	/** The patient account it belongs to; null when nobody was known on this phone. */
	owner: string | null;
	payload: ReportPayload;
	/** ISO time it was saved on the phone. */
	savedAt: string;
	state: OutboxState;
	/** Why the server refused it (state `rejected`), in the server's words. */
	problem?: string;
	attempts: number;
	lastTriedAt?: string;
}

/** The patient last signed in on this phone (forgotten at logout): who an offline report is for. */
export interface DeviceAccount {
	id: string;
	name: string;
	phone: string;
}

interface Schema extends DBSchema {
	outbox: { key: string; value: OutboxEntry };
	device: { key: string; value: DeviceAccount };
}

export const SYNC_TAG = 'clearline-outbox';
const CHANNEL = 'clearline-outbox';
const ACCOUNT_KEY = 'account';

let opened: Promise<IDBPDatabase<Schema>> | null = null;

function db(): Promise<IDBPDatabase<Schema>> {
	opened ??= openDB<Schema>('clearline', 1, {
		upgrade(database) {
			database.createObjectStore('outbox', { keyPath: 'id' });
			database.createObjectStore('device');
		}
	});
	return opened;
}

/** Tells every open page (and the worker) that the outbox changed. */
function announce(): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(CHANNEL);
	channel.postMessage('changed');
	channel.close();
}

/** Calls `onChange` whenever any page or the worker changes the outbox; returns the unsubscribe. */
export function watchOutbox(onChange: () => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = () => onChange();
	return () => channel.close();
}

export async function deviceAccount(): Promise<DeviceAccount | undefined> {
	return (await db()).get('device', ACCOUNT_KEY);
}

/** Records who is signed in on this phone; a phone number already known for them is kept unless a new one is given. */
export async function rememberDeviceAccount(account: DeviceAccount): Promise<void> {
	const database = await db();
	const known = await database.get('device', ACCOUNT_KEY);
	const phone = account.phone || (known?.id === account.id ? known.phone : '');
	await database.put('device', { ...account, phone }, ACCOUNT_KEY);
}

/** At logout: the next person on this phone is not taken for this patient. Their unsent reports stay theirs. */
export async function forgetDeviceAccount(): Promise<void> {
	await (await db()).delete('device', ACCOUNT_KEY);
}

export async function outboxEntries(): Promise<OutboxEntry[]> {
	const all = await (await db()).getAll('outbox');
	return all.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

export async function outboxEntry(id: string): Promise<OutboxEntry | undefined> {
	return (await db()).get('outbox', id);
}

/** Keeps a report on the phone and asks the browser to send it when the connection returns. */
export async function saveToOutbox(
	payload: ReportPayload & { id: string },
	owner: string | null
): Promise<OutboxEntry> {
	const entry: OutboxEntry = {
		id: payload.id,
		owner,
		payload,
		savedAt: new Date().toISOString(),
		state: 'queued',
		attempts: 0
	};
	await (await db()).put('outbox', entry);
	announce();
	await requestBackgroundSync();
	return entry;
}

/**
 * A refused report, changed by the patient, kept again under a new id (the server may hold the old
 * id for a different report: 409) for the same account.
 */
export async function replaceEntry(
	oldId: string,
	payload: ReportPayload & { id: string },
	owner: string | null
): Promise<OutboxEntry> {
	await (await db()).delete('outbox', oldId);
	return saveToOutbox(payload, owner);
}

/** The patient takes a report nobody was known for as their own (they are signed in). */
export async function claimEntry(id: string, owner: string): Promise<void> {
	const database = await db();
	const entry = await database.get('outbox', id);
	if (!entry || entry.owner !== null) return;
	await database.put('outbox', { ...entry, owner });
	announce();
}

async function requestBackgroundSync(): Promise<void> {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	try {
		const registration = (await navigator.serviceWorker.getRegistration()) as
			(ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
		await registration?.sync?.register(SYNC_TAG);
	} catch {
		// No Background Sync here (or not allowed): the pages send it on the next open or `online` event.
	}
}

export type Outcome =
	| { kind: 'sent'; reference: string | null }
	| { kind: 'retry' }
	| { kind: 'login' }
	| { kind: 'rejected'; message: string };

/** Statuses that mean the server read the report and refused it for a reason the patient can see and fix. */
const REFUSED = new Set([400, 409, 413, 422]);

/** What the server's answer to one send means for the report on the phone. */
export function outcomeOf(status: number, body: unknown): Outcome {
	if (status === 200 || status === 201) {
		const reference = (body as { reference?: unknown } | null)?.reference;
		return { kind: 'sent', reference: typeof reference === 'string' ? reference : null };
	}
	// Not signed in, or signed in as someone who cannot send it (a staff account): keep it for the patient.
	if (status === 401 || status === 403) return { kind: 'login' };
	if (REFUSED.has(status)) {
		const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
		return {
			kind: 'rejected',
			message: typeof message === 'string' && message.length > 0 ? message : 'The report could not be accepted.'
		};
	}
	// No answer, a redirect (status 0 when not followed), 408/429, a 5xx, or anything unknown: try again later.
	return { kind: 'retry' };
}

export interface FlushResult {
	sent: { id: string; reference: string | null }[];
	/** Still on the phone, to be tried again (no connection, the server not answering well). */
	waiting: number;
	/** Waiting for their patient to log in. */
	needLogin: number;
	rejected: number;
	/** The server could not be reached at all. */
	offline: boolean;
}

type Fetch = typeof fetch;

/** Who the current session is, or null when signed out; throws when the server cannot be reached. */
async function sessionUser(fetchFn: Fetch): Promise<{ id: string; role: string } | null> {
	const response = await fetchFn('/api/v1/auth/session', {
		credentials: 'same-origin',
		redirect: 'manual',
		cache: 'no-store',
		headers: { accept: 'application/json' }
	});
	if (response.status === 401) return null;
	if (!response.ok) throw new Error(`session check answered ${response.status}`);
	const body = (await response.json()) as { user?: { id?: unknown; role?: unknown } };
	return typeof body.user?.id === 'string' ? { id: body.user.id, role: String(body.user.role) } : null;
}

async function sendOne(entry: OutboxEntry, fetchFn: Fetch): Promise<Outcome> {
	let response: Response;
	try {
		response = await fetchFn('/api/v1/reports', {
			method: 'POST',
			credentials: 'same-origin',
			redirect: 'manual',
			cache: 'no-store',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(entry.payload)
		});
	} catch {
		return { kind: 'retry' };
	}
	const body: unknown = await response.json().catch(() => null);
	return outcomeOf(response.status, body);
}

async function flushUnlocked(fetchFn: Fetch): Promise<FlushResult> {
	const result: FlushResult = { sent: [], waiting: 0, needLogin: 0, rejected: 0, offline: false };
	const entries = await outboxEntries();
	if (entries.length === 0) return result;
	let user: { id: string; role: string } | null;
	try {
		user = await sessionUser(fetchFn);
	} catch {
		result.offline = true;
		result.waiting = entries.filter((e) => e.state !== 'rejected').length;
		return result;
	}
	const database = await db();
	let changed = false;
	for (const entry of entries) {
		if (entry.state === 'rejected') {
			result.rejected++;
			continue;
		}
		if (!user || entry.owner !== user.id) {
			// Someone else's report, or nobody signed in: it waits for its own patient.
			if (entry.state !== 'login' && entry.owner !== null && !user) {
				await database.put('outbox', { ...entry, state: 'login' });
				changed = true;
			}
			if (entry.owner !== null) result.needLogin++;
			else result.waiting++;
			continue;
		}
		const outcome = await sendOne(entry, fetchFn);
		const tried = { ...entry, attempts: entry.attempts + 1, lastTriedAt: new Date().toISOString() };
		if (outcome.kind === 'sent') {
			await database.delete('outbox', entry.id);
			result.sent.push({ id: entry.id, reference: outcome.reference });
		} else if (outcome.kind === 'rejected') {
			await database.put('outbox', { ...tried, state: 'rejected', problem: outcome.message });
			result.rejected++;
		} else if (outcome.kind === 'login') {
			await database.put('outbox', { ...tried, state: 'login' });
			result.needLogin++;
		} else {
			await database.put('outbox', { ...tried, state: 'queued' });
			result.waiting++;
		}
		// Only what the patient would see differently is announced (another try that failed the same way is not).
		const state = outcome.kind === 'sent' ? null : outcome.kind === 'retry' ? 'queued' : outcome.kind;
		if (state !== entry.state) changed = true;
	}
	if (changed) announce();
	return result;
}

/**
 * Sends every report waiting on this phone that belongs to the signed-in patient. One flush at a
 * time across the pages and the worker (Web Locks); a send repeated anyway is one report.
 */
export async function flushOutbox(fetchFn: Fetch = fetch): Promise<FlushResult> {
	const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
	if (locks) return locks.request(CHANNEL, () => flushUnlocked(fetchFn));
	return flushUnlocked(fetchFn);
}
