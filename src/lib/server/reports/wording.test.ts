import { describe, expect, it } from 'vitest';
import { triage } from '../../triage';
import { EMERGENCY_SCREEN_IDS } from '../../triage/types';
import { staffWording } from './wording';

describe('triage reasons as staff read them', () => {
	it('names every ticked checklist box by its label, never its id', () => {
		for (const id of EMERGENCY_SCREEN_IDS) {
			const d = triage({
				text: '',
				emergencyScreen: [id],
				ageYears: 82,
				sex: null,
				pregnant: null,
				severity: 9,
				durationHours: null
			});
			for (const r of d.reasons) {
				expect(staffWording(r)).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
				expect(staffWording(r)).not.toContain(`checklist: ${id}`);
			}
		}
	});
});
