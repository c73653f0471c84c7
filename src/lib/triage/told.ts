/**
 * What the form tells beside the text: who the report is about, the
 * risk-factor taps, the patient's own readings and the answers to the question
 * step. Each becomes the same kind of fact the text gives (a finding, a
 * modifier of the complaint, a patient fact, a vital sign), carrying its own
 * wording as evidence ("answer: Did it start suddenly? yes"), so the rules
 * decide on it exactly as they would on the words, and a nurse reads why.
 * Told facts are only ever added: an answer never takes away what the text said.
 */
import type { Analysis, Finding } from './analyse';
import { Evaluation } from './evaluation';
import type { Mention, MentionKind } from './lexicon';
import type { CompiledRuleSet } from './ruleset';
import type { FamilyDef, QuestionDef, RiskFactorDef, VitalsData } from './schema';
import { levelRank, type Answer, type Measurements, type Subject, type TriageInput } from './types';

/** "Not sure" counts as "yes" where a "yes" would reach a clinician (NHS Pathways: doubt goes up, never down). */
export function isRedFlag(q: QuestionDef): boolean {
	return levelRank(q.level) >= levelRank('urgent');
}

/** Does this answer tell the engine what the question's "yes" means? */
export function countsAsYes(q: QuestionDef, answer: Answer): boolean {
	return answer === 'yes' || (answer === 'unsure' && isRedFlag(q));
}

export const ANSWER_WORDS: Record<Answer, string> = { yes: 'yes', no: 'no', unsure: 'not sure' };
export const SUBJECT_WORDS: Record<Subject, string> = {
	self: 'the patient',
	child: 'their child',
	parent: 'their parent',
	other: 'someone else'
};

/** The evidence each told item carries: one wording, whether a decision quotes it or a staff summary looks for it. */
export const toldSaid = {
	subject: (subject: Subject): string => `about: ${SUBJECT_WORDS[subject]}`,
	complaint: (family: FamilyDef): string => `about: ${family.label.en}`,
	answer: (q: QuestionDef, answer: Answer): string => `answer: ${q.text.en} ${ANSWER_WORDS[answer]}`,
	riskFactor: (r: RiskFactorDef): string => `risk factor: ${r.label.en}`,
	reading: (r: Reading): string => `measured: ${r.words}`
};

export interface Reading {
	kind: Analysis['vitals'][number]['kind'];
	value: number | [number, number];
	/** "BP 182/110", "temperature 38.5 °C". */
	words: string;
}

/** The patient's readings that a body can have (vitals.json's plausible ranges), as the engine reads them. */
export function readingsOf(m: Measurements | undefined, vitals: VitalsData): Reading[] {
	if (!m) return [];
	const p = vitals.plausible;
	const ok = (v: number | undefined, [lo, hi]: [number, number]): v is number =>
		typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
	const out: Reading[] = [];
	if (ok(m.temperatureC, p.temperatureC))
		out.push({ kind: 'temperature', value: m.temperatureC, words: `temperature ${m.temperatureC} °C` });
	if (ok(m.glucoseMgDl, p.glucoseMgDl))
		out.push({ kind: 'glucose', value: m.glucoseMgDl, words: `blood sugar ${m.glucoseMgDl} mg/dL` });
	if (ok(m.systolic, p.systolic)) {
		const dia = ok(m.diastolic, p.diastolic) ? m.diastolic : 0;
		out.push({ kind: 'bp', value: [m.systolic, dia], words: `BP ${m.systolic}${dia > 0 ? `/${dia}` : ''}` });
	}
	if (ok(m.spo2, p.spo2)) out.push({ kind: 'spo2', value: m.spo2, words: `oxygen ${m.spo2}%` });
	return out;
}

/**
 * The findings a family's questions are about, for each family the text (or a pick) names: the
 * text's findings that made it recognised. Empty when only a site or a pick named it.
 */
export function recognisedFamilies(ev: Evaluation, rs: CompiledRuleSet): Map<FamilyDef, Finding[]> {
	const picked = new Set(ev.input.complaints ?? []);
	const out = new Map<FamilyDef, Finding[]>();
	for (const family of rs.questions.families) {
		let found: Finding[] | null = picked.has(family.id) ? [] : null;
		for (const c of family.recognise) {
			const m = ev.eval(c);
			if (m) found = [...(found ?? []), ...m.findings];
		}
		if (found) out.set(family, found);
	}
	return out;
}

/** Adds what the form told to the analysis of the text (in place). */
export function addTold(input: TriageInput, a: Analysis, rs: CompiledRuleSet): void {
	const at = a.tokens.length;
	const told = (kind: MentionKind, id: string, said: string): Mention => ({
		kind,
		id,
		start: at,
		end: at,
		sent: -1,
		clause: -1,
		said
	});
	const subject = input.subject ?? 'self';
	if (subject !== 'self') a.subjects.push(told('subject', subject, toldSaid.subject(subject)));
	for (const id of input.riskFactors ?? []) {
		const r = rs.questions.riskFactors.get(id);
		if (r) a.facts.push(told('fact', r.fact, toldSaid.riskFactor(r)));
	}
	addMeasurements(input.measurements, a, rs.vitals);

	const answers = Object.entries(input.answers ?? {});
	const picked = input.complaints ?? [];
	if (answers.length === 0 && picked.length === 0) return;

	// Which findings each family is about is read before anything is added.
	const families = recognisedFamilies(new Evaluation(input, a, rs), rs);
	const finding = (id: string, said: string, sites: Mention[] = []): Finding => ({
		id,
		start: at,
		end: at,
		sent: -1,
		clause: -1,
		negated: false,
		historical: false,
		family: false,
		hypothetical: false,
		who: subject,
		sites,
		modifiers: [],
		said
	});
	/** The family's complaint as told by a pick (or implied by answering its questions), added once. */
	const complaints = new Map<string, Finding | undefined>();
	const complaintOf = (family: FamilyDef): Finding | undefined => {
		let f = complaints.get(family.id);
		if (f || complaints.has(family.id) || !family.complaint) return f;
		const said = toldSaid.complaint(family);
		const c = family.complaint;
		if ('fact' in c) {
			a.facts.push(told('fact', c.fact, said));
			complaints.set(family.id, undefined);
			return undefined;
		}
		f = finding(c.finding, said, c.site ? [told('site', c.site, said)] : []);
		a.findings.push(f);
		a.sites.push(...f.sites);
		complaints.set(family.id, f);
		return f;
	};
	// A pick names the complaint only where the text did not: "my ribs hurt" picked as chest stays rib pain.
	for (const id of picked) {
		const family = rs.questions.families.find((f) => f.id === id);
		if (family && (families.get(family)?.length ?? 0) === 0) complaintOf(family);
	}
	for (const [id, answer] of answers) {
		const asked = rs.questions.byId.get(id);
		if (!asked || !countsAsYes(asked.question, answer)) continue;
		const said = toldSaid.answer(asked.question, answer);
		for (const effect of asked.question.yes) {
			if ('finding' in effect) {
				const sites = effect.site ? [told('site', effect.site, said)] : [];
				a.findings.push(finding(effect.finding, said, sites));
				a.sites.push(...sites);
			} else if ('modifier' in effect) {
				const m = told('modifier', effect.modifier, said);
				a.modifiers.push(m);
				const about = families.get(asked.family);
				const on = about && about.length > 0 ? about : [complaintOf(asked.family)];
				for (const f of on) if (f) f.modifiers = [...f.modifiers, m];
			} else a.facts.push(told('fact', effect.fact, said));
		}
	}
}

function addMeasurements(m: Measurements | undefined, a: Analysis, vitals: VitalsData): void {
	const at = a.tokens.length;
	for (const r of readingsOf(m, vitals))
		a.vitals.push({ kind: r.kind, value: r.value, evidence: toldSaid.reading(r), start: at, end: at, sent: -1 });
}
