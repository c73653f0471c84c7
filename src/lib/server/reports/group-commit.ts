/**
 * Group commit: report submissions that arrive in the same turn of the event
 * loop are written in one SQLite transaction, so one WAL fsync acknowledges
 * many reports instead of one. Each submission still runs in a savepoint of its
 * own (better-sqlite3 nests transactions that way), so one refused or failing
 * submission rolls back alone. Nobody is answered, and nothing is announced,
 * before the shared commit is durable.
 */
import type Database from 'better-sqlite3';
import type { LiveBus, LiveEvent } from '../queues/live';

export type Publisher = Pick<LiveBus, 'publish'>;

interface Pending {
	command: (publisher: Publisher) => unknown;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

export class GroupCommit {
	#pending: Pending[] = [];
	#scheduled = false;

	constructor(
		private readonly sqlite: Database.Database,
		private readonly bus: Publisher,
		/** Upper bound on one transaction, so a burst cannot hold the write lock for long. */
		private readonly maxBatch = 64
	) {}

	/** Runs `command` (synchronous, writing through its own transaction) in the next group commit. */
	run<T>(command: (publisher: Publisher) => T): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			this.#pending.push({ command, resolve: resolve as (value: unknown) => void, reject });
			if (!this.#scheduled) {
				this.#scheduled = true;
				setImmediate(() => this.#flush());
			}
		});
	}

	#flush(): void {
		this.#scheduled = false;
		const batch = this.#pending.splice(0, this.maxBatch);
		if (this.#pending.length > 0) {
			this.#scheduled = true;
			setImmediate(() => this.#flush());
		}
		const announced: LiveEvent[] = [];
		const buffer: Publisher = { publish: (event) => announced.push(event) };
		const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
		try {
			this.sqlite.transaction(() => {
				for (const item of batch) {
					try {
						outcomes.push({ ok: true, value: item.command(buffer) });
					} catch (error) {
						outcomes.push({ ok: false, error });
					}
				}
			})();
		} catch (error) {
			// The shared commit failed: nothing in this batch was stored.
			for (const item of batch) item.reject(error);
			return;
		}
		for (const event of announced) this.bus.publish(event);
		batch.forEach((item, i) => {
			const outcome = outcomes[i]!;
			if (outcome.ok) item.resolve(outcome.value);
			else item.reject(outcome.error);
		});
	}
}
