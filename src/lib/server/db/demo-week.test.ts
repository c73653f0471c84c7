import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { reports } from './schema';
import { seedDemo } from './seed';
import { DEMO_WEEK, seedDemoWeek } from './demo-week';
import { fileDb } from '../testing/fixtures';
import { columnsDiffering } from '../reports/audit';
import { fold } from '../reports/projection';
import { eventsOf, verifyChain } from '../reports/events';
import { verifyAccessChain, accessesOf } from '../reports/access';
import { safetyDashboard } from '../safety/dashboard';
import { FAILURE_KINDS } from '../safety/figures';

let cleanup = () => {};
afterEach(() => cleanup());

// A Saturday and a Wednesday: the business-day deadlines fall differently, the week must hold either way.
const NOWS = { saturday: new Date(2026, 10, 28, 12, 0).getTime(), wednesday: new Date(2026, 11, 2, 8, 30).getTime() };

describe.each(Object.entries(NOWS))('the demo week, seeded on a %s', (_day, now) => {
	async function seeded() {
		const file = fileDb();
		cleanup = file.cleanup;
		const db = file.open();
		expect(await seedDemo(db, now)).toBe(true);
		return db;
	}

	it('leaves every story a closed report whose row is what its events say, on an intact chain', async () => {
		const db = await seeded();
		const all = db.select().from(reports).all();
		expect(all).toHaveLength(DEMO_WEEK.length);
		for (const report of all) {
			expect(report.status, report.reference).toBe('resolved');
			expect(columnsDiffering(report, fold(eventsOf(db, report.id)))).toEqual([]);
			expect(report.createdAt).toBeLessThan(now);
		}
		expect(verifyChain(db).ok).toBe(true);
		const accesses = all.flatMap((r) => accessesOf(db, r.id));
		expect(accesses.length).toBeGreaterThan(0);
		expect(verifyAccessChain(accesses.sort((a, b) => a.seq - b.seq)).ok).toBe(true);
	});

	it('gives the dashboard of the last 7 days every kind of failure it finds, breaches and a lowering', async () => {
		const db = await seeded();
		const dashboard = safetyDashboard(db, new URLSearchParams(), now);
		if (!dashboard.ok) throw new Error(dashboard.problem.message);
		const { figures } = dashboard.value;
		expect(figures.total).toBe(DEMO_WEEK.length);
		const kinds = new Set(figures.failures.map((f) => f.kind));
		// "Still unacknowledged" needs an open report, and the demo's queues start empty.
		for (const kind of FAILURE_KINDS.filter((k) => k !== 'unacknowledged_overdue')) expect(kinds, kind).toContain(kind);
		expect(figures.breaches.some((b) => b.step === 2)).toBe(true);
		expect(figures.lowerings).toHaveLength(1);
		const closers = new Set(figures.closedBy.map((c) => c.role));
		expect(closers).toEqual(new Set(['support', 'clinician']));
	});

	it('is made once: a second seeding adds nothing', async () => {
		const db = await seeded();
		expect(await seedDemoWeek(db, now + 60_000)).toBe(0);
		expect(db.select().from(reports).where(eq(reports.status, 'open')).all()).toHaveLength(0);
	});
});
