/** Shared helpers for the triage tests (not imported by app code). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLabelledVignette, type LabelledVignette } from './vignette';
import type { EmergencyScreenId, Sex, TriageInput } from './types';

export function loadFixture(name: string): LabelledVignette[] {
	const path = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
	return readFileSync(path, 'utf8')
		.split('\n')
		.filter((l) => l.trim().length > 0)
		.map(parseLabelledVignette);
}

export interface InputOptions {
	age?: number | null;
	sex?: Sex | null;
	pregnant?: boolean | null;
	severity?: number | null;
	duration?: number | null;
	screen?: EmergencyScreenId[];
}

export function report(text: string, o: InputOptions = {}): TriageInput {
	return {
		text,
		emergencyScreen: o.screen ?? [],
		ageYears: o.age === undefined ? 40 : o.age,
		sex: o.sex === undefined ? null : o.sex,
		pregnant: o.pregnant === undefined ? null : o.pregnant,
		severity: o.severity ?? null,
		durationHours: o.duration ?? null
	};
}
