import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from '../../triage';
import type { RuleSet } from '../../triage/types';
import { compileRuleSet } from '../../triage/ruleset';
import { testDb } from '../testing/db';
import { context, patient, report } from '../testing/fixtures';
import { replayReports } from './replay';

describe('triage replay', () => {
	it('lists exactly the stored reports whose level a candidate rule set would change', async () => {
		const { db } = testDb();
		const who = await patient(db);
		const bleed = report(context(db), who, 'stomach pain and blood in stool');
		report(context(db), who, 'please send me a copy of my records for my new insurance');
		// A (bad) candidate data set that demotes every urgent rule to routine.
		const data = defaultRuleSet().data;
		const candidate: RuleSet = compileRuleSet({
			...data,
			rules: {
				...data.rules,
				rules: data.rules.rules.map((r) => (r.level === 'urgent' ? { ...r, level: 'routine' as const } : r))
			}
		});
		expect(candidate.version).not.toBe(defaultRuleSet().version);
		const summary = replayReports(db, candidate);
		expect(summary.reports).toBe(2);
		expect(summary.changes).toEqual([
			expect.objectContaining({
				reference: bleed.reference,
				storedLevel: 'urgent',
				currentLevel: 'urgent',
				candidateLevel: 'routine',
				direction: 'down'
			})
		]);
		expect(summary.down).toBe(1);
	});

	it('reports no change for the live rule set itself', async () => {
		const { db } = testDb();
		report(context(db), await patient(db), 'sudden sharp rib pain when I breathe');
		expect(replayReports(db, defaultRuleSet()).changes).toEqual([]);
	});
});
