/**
 * Vignette lines (snake_case JSON, see shared/triage/README.md) → TriageInput.
 * Only the input fields are read here; labels are parsed separately for
 * scoring so they can never leak into a decision.
 */
import {
	ANSWERS,
	EMERGENCY_SCREEN_IDS,
	LANGS,
	SEXES,
	SUBJECTS,
	TRIAGE_LEVELS,
	type Answer,
	type EmergencyScreenId,
	type Measurements,
	type Sex,
	type TriageInput,
	type TriageLevel
} from './types';

export class VignetteError extends Error {
	constructor(
		message: string,
		readonly id: string | null
	) {
		super(message);
		this.name = 'VignetteError';
	}
}

export interface Vignette {
	id: string;
	input: TriageInput;
}

export interface LabelledVignette extends Vignette {
	expected: TriageLevel;
	acceptable: TriageLevel[];
	category: string | null;
	/** Variant tags of probe sets ("typo", "es", "third", …). */
	tags: string[];
}

type Json = Record<string, unknown>;

function parseObject(line: string): Json {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		throw new VignetteError('line is not valid JSON', null);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new VignetteError('line is not a JSON object', null);
	}
	return value as Json;
}

function readId(obj: Json): string {
	const id = obj['id'];
	if (typeof id === 'string' && id.length > 0) return id;
	if (typeof id === 'number' && Number.isFinite(id)) return String(id);
	throw new VignetteError('"id" must be a non-empty string', null);
}

function nullableNumber(obj: Json, key: string, id: string, min: number, max: number): number | null {
	const v = obj[key];
	if (v === undefined || v === null) return null;
	if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
		throw new VignetteError(`"${key}" must be a number from ${min} to ${max}, or null`, id);
	}
	return v;
}

function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
	return typeof v === 'string' && (list as readonly string[]).includes(v);
}

function readInput(obj: Json, id: string): TriageInput {
	const text = obj['text'];
	if (typeof text !== 'string') throw new VignetteError('"text" must be a string', id);
	const sexRaw = obj['sex'];
	let sex: Sex | null = null;
	if (sexRaw !== undefined && sexRaw !== null) {
		if (!isOneOf(SEXES, sexRaw)) throw new VignetteError(`"sex" must be one of ${SEXES.join(', ')} or null`, id);
		sex = sexRaw;
	}
	const pregRaw = obj['pregnant'];
	if (pregRaw !== undefined && pregRaw !== null && typeof pregRaw !== 'boolean') {
		throw new VignetteError('"pregnant" must be true, false or null', id);
	}
	const screenRaw = obj['emergency_screen'] ?? [];
	if (!Array.isArray(screenRaw)) throw new VignetteError('"emergency_screen" must be an array', id);
	const emergencyScreen: EmergencyScreenId[] = [];
	for (const item of screenRaw) {
		if (!isOneOf(EMERGENCY_SCREEN_IDS, item))
			throw new VignetteError(`unknown emergency_screen id ${JSON.stringify(item)}`, id);
		emergencyScreen.push(item);
	}
	return {
		text,
		emergencyScreen,
		ageYears: nullableNumber(obj, 'age_years', id, 0, 130),
		sex,
		pregnant: typeof pregRaw === 'boolean' ? pregRaw : null,
		severity: nullableNumber(obj, 'severity', id, 0, 10),
		durationHours: nullableNumber(obj, 'duration_hours', id, 0, 1_000_000),
		...readTold(obj, id)
	};
}

const MEASUREMENT_KEYS: Record<string, keyof Measurements> = {
	temperature_c: 'temperatureC',
	glucose_mg_dl: 'glucoseMgDl',
	systolic: 'systolic',
	diastolic: 'diastolic',
	spo2: 'spo2'
};

function idList(obj: Json, key: string, id: string): string[] | undefined {
	const v = obj[key];
	if (v === undefined || v === null) return undefined;
	if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
		throw new VignetteError(`"${key}" must be an array of ids`, id);
	return v as string[];
}

/**
 * What the question step would have told, when a vignette carries it (optional, the API's fields in
 * snake_case): `answers` {question id: "yes" | "no" | "unsure"}, `complaints`, `subject`,
 * `subject_age_years`, `risk_factors`, `measurements` {temperature_c, glucose_mg_dl, systolic,
 * diastolic, spo2}, `lang`. Unknown question and risk-factor ids are the engine's to ignore.
 */
function readTold(obj: Json, id: string): Partial<TriageInput> {
	const out: Partial<TriageInput> = {};
	const answers = obj['answers'];
	if (answers !== undefined && answers !== null) {
		if (typeof answers !== 'object' || Array.isArray(answers))
			throw new VignetteError('"answers" must map question ids to "yes", "no" or "unsure"', id);
		for (const [q, a] of Object.entries(answers))
			if (!isOneOf(ANSWERS, a)) throw new VignetteError(`answer to ${q} must be "yes", "no" or "unsure"`, id);
		out.answers = answers as Record<string, Answer>;
	}
	const complaints = idList(obj, 'complaints', id);
	if (complaints) out.complaints = complaints;
	const riskFactors = idList(obj, 'risk_factors', id);
	if (riskFactors) out.riskFactors = riskFactors;
	const subject = obj['subject'];
	if (subject !== undefined && subject !== null) {
		if (!isOneOf(SUBJECTS, subject)) throw new VignetteError(`"subject" must be one of ${SUBJECTS.join(', ')}`, id);
		out.subject = subject;
	}
	const subjectAge = nullableNumber(obj, 'subject_age_years', id, 0, 130);
	if (subjectAge !== null) out.subjectAgeYears = subjectAge;
	const m = obj['measurements'];
	if (m !== undefined && m !== null) {
		if (typeof m !== 'object' || Array.isArray(m)) throw new VignetteError('"measurements" must be an object', id);
		const measurements: Measurements = {};
		for (const [key, value] of Object.entries(m)) {
			const name = MEASUREMENT_KEYS[key];
			if (!name) throw new VignetteError(`unknown measurement "${key}"`, id);
			if (typeof value !== 'number' || !Number.isFinite(value))
				throw new VignetteError(`measurement "${key}" must be a number`, id);
			measurements[name] = value;
		}
		out.measurements = measurements;
	}
	const lang = obj['lang'];
	if (lang !== undefined && lang !== null) {
		if (!isOneOf(LANGS, lang)) throw new VignetteError('"lang" must be "en" or "es"', id);
		out.lang = lang;
	}
	return out;
}

/** Best-effort id of a line, for error output when the line itself is invalid. */
export function lineId(line: string): string | null {
	try {
		const v: unknown = JSON.parse(line);
		if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
			const id = (v as Json)['id'];
			if (typeof id === 'string' || typeof id === 'number') return String(id);
		}
	} catch {
		// not JSON: no id
	}
	return null;
}

/** Parses one vignette line into a triage input. Throws VignetteError. */
export function parseVignetteLine(line: string): Vignette {
	const obj = parseObject(line);
	const id = readId(obj);
	return { id, input: readInput(obj, id) };
}

/** Parses a line with its scoring labels (expected, acceptable, category). */
export function parseLabelledVignette(line: string): LabelledVignette {
	const obj = parseObject(line);
	const { id, input } = parseVignetteLine(line);
	const expected = obj['expected'];
	if (!isOneOf(TRIAGE_LEVELS, expected)) throw new VignetteError('"expected" must be a triage level', id);
	const acceptableRaw = obj['acceptable'] ?? [];
	if (!Array.isArray(acceptableRaw) || !acceptableRaw.every((l) => isOneOf(TRIAGE_LEVELS, l))) {
		throw new VignetteError('"acceptable" must be an array of triage levels', id);
	}
	const category = obj['category'];
	return {
		id,
		input,
		expected,
		acceptable: acceptableRaw as TriageLevel[],
		category: typeof category === 'string' ? category : null,
		tags: Array.isArray(obj['tags']) ? obj['tags'].filter((t): t is string => typeof t === 'string') : []
	};
}
