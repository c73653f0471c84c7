/**
 * The process-wide database handle, live event bus and clock. Opened lazily
 * (the build imports server modules without a database) and once per process.
 */
import { config } from './config';
import { openDatabase, type Db } from './db';
import { LiveBus } from './queues/live';
import { authLimits, type AuthLimits } from './auth/rate-limit';
import type { Ctx } from './reports/context';
import { GroupCommit } from './reports/group-commit';

let opened: { db: Db; commits: GroupCommit } | undefined;
const liveBus = new LiveBus();
const limits = config.rateLimits ? authLimits() : null;

function open() {
	if (!opened) {
		const { db, sqlite } = openDatabase(config.databasePath, config.migrationsFolder, {
			create: !config.production || config.init
		});
		opened = { db, commits: new GroupCommit(sqlite, liveBus) };
	}
	return opened;
}

export function db(): Db {
	return open().db;
}

/** Submits report commands through group commit: many reports, one durable fsync. */
export function submit<T>(command: (context: Ctx) => T): Promise<T> {
	return open().commits.run((publisher) => command({ db: db(), now: now(), bus: publisher }));
}

export function bus(): LiveBus {
	return liveBus;
}

/** Login and sign-up rate limits, or null where they are switched off (load tests). */
export function rateLimits(): AuthLimits | null {
	return limits;
}

export function now(): number {
	return Date.now();
}

/** The context for one command: the time is read once, so a command sees one instant. */
export function ctx(): Ctx {
	return { db: db(), now: now(), bus: liveBus };
}
