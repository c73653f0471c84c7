import type { Db } from '.';

/**
 * Queries on the hot path, built and prepared once per database instead of on
 * every request (building SQL and preparing it cost more than running it).
 */
const cache = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
	let statements = cache.get(db);
	if (!statements) {
		statements = new Map();
		cache.set(db, statements);
	}
	let statement = statements.get(key) as T | undefined;
	if (statement === undefined) {
		statement = build(db);
		statements.set(key, statement);
	}
	return statement;
}
