import { fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requireRole } from '$lib/server/auth/guard';
import { patientProfiles } from '$lib/server/db/schema';
import { failWith, formValues, validate } from '$lib/server/http/form';
import { ageInYears, submitReport } from '$lib/server/reports/submit';
import { db, now, submit } from '$lib/server/runtime';
import { reportSchema } from '$lib/schemas';
import { EMERGENCY_SCREEN_IDS } from '$lib/triage/types';
import type { Actions, PageServerLoad } from './$types';

const HOURS_PER_UNIT: Record<string, number> = { minutes: 1 / 60, hours: 1, days: 24, weeks: 24 * 7 };

function optionalNumber(value: string | undefined): number | null {
	return value === undefined || value.trim() === '' ? null : Number(value);
}

function tickedScreen(data: FormData): string[] {
	return data.getAll('emergencyScreen').filter((v): v is string => typeof v === 'string');
}

export const load: PageServerLoad = () => {
	const user = requireRole('patient');
	const profile = db().select().from(patientProfiles).where(eq(patientProfiles.userId, user.id)).get();
	const age = profile ? ageInYears(profile.dateOfBirth, now()) : null;
	return {
		phone: profile?.phone ?? '',
		// Asked only where it can matter: it changes triage of pain, bleeding and headache.
		askPregnancy: profile?.sex !== 'male' && age !== null && age >= 10 && age < 60,
		// A fresh id per visit makes a double-tapped submit one report, not two.
		reportId: crypto.randomUUID()
	};
};

export const actions: Actions = {
	/** Step 1: the emergency checklist. Any "yes" is saved and sent as an emergency at once. */
	screen: async ({ request }) => {
		const user = requireRole('patient');
		const data = await request.formData();
		const screen = tickedScreen(data);
		const unknown = screen.filter((id) => !(EMERGENCY_SCREEN_IDS as readonly string[]).includes(id));
		if (unknown.length > 0)
			return fail(400, { step: 'screen' as const, errors: { emergencyScreen: 'Unknown checklist item.' } });
		if (screen.length === 0) return { step: 'details' as const };

		const input = validate(reportSchema, {
			id: data.get('id') || undefined,
			emergencyScreen: screen,
			description: '',
			contactPreference: 'call'
		});
		if (!input.ok) return fail(400, { step: 'screen' as const, errors: input.errors });
		const result = await submit((context) => submitReport(context, user.id, input.value));
		if (!result.ok) return failWith(result.problem, {});
		redirect(303, `/reports/${result.value.report.id}?submitted=1`);
	},

	/** Step 2: the description and callback details. */
	submit: async ({ request }) => {
		const user = requireRole('patient');
		const data = await request.formData();
		const { all, echo } = formValues(data);
		const duration = optionalNumber(all.duration);
		const input = validate(reportSchema, {
			id: all.id || undefined,
			emergencyScreen: tickedScreen(data),
			description: all.description ?? '',
			severity: optionalNumber(all.severity),
			durationHours: duration === null ? null : duration * (HOURS_PER_UNIT[all.durationUnit ?? 'hours'] ?? Number.NaN),
			pregnant: all.pregnant === 'yes' ? true : all.pregnant === 'no' ? false : null,
			callbackPhone: all.callbackPhone,
			contactPreference: all.contactPreference || 'call'
		});
		if (!input.ok) {
			const errors = { ...input.errors };
			if (errors.durationHours) errors.duration = errors.durationHours;
			return fail(400, { step: 'details' as const, errors, values: echo });
		}
		const result = await submit((context) => submitReport(context, user.id, input.value));
		if (!result.ok) return failWith(result.problem, echo);
		redirect(303, `/reports/${result.value.report.id}?submitted=1`);
	}
};
