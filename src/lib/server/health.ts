import { sql } from 'drizzle-orm';
import type { Db } from './db';

/** Liveness plus a real read of the database. */
export function health(db: Db): { status: 'ok' | 'degraded'; database: 'ok' | 'unavailable' } {
	try {
		db.get(sql`select 1`);
		return { status: 'ok', database: 'ok' };
	} catch {
		return { status: 'degraded', database: 'unavailable' };
	}
}
