import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { fieldErrors } from '../../schemas';
import { firstValues } from '../../report-form';
import { problemStatus, type Problem } from '../problem';

export type FormValues = Record<string, string>;

/** Text fields of a form, for validation and for echoing back (minus secrets). */
export function formValues(
	data: FormData,
	secret: readonly string[] = ['password']
): { all: FormValues; echo: FormValues } {
	const all = firstValues(data) as FormValues;
	const echo = Object.fromEntries(Object.entries(all).filter(([key]) => !secret.includes(key)));
	return { all, echo };
}

export function validate<S extends z.ZodType>(
	schema: S,
	input: unknown
): { ok: true; value: z.output<S> } | { ok: false; errors: Record<string, string> } {
	const result = schema.safeParse(input);
	return result.success ? { ok: true, value: result.data } : { ok: false, errors: fieldErrors(result.error) };
}

/** A domain problem as a form failure: field errors where it names fields, a form-level message otherwise. */
export function failWith(p: Problem, values: FormValues) {
	return fail(problemStatus(p.code), { errors: { ...(p.fields ?? {}), _: p.message }, values });
}
