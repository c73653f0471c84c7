/**
 * The question step: after the description, the few red-flag questions a
 * triage nurse would ask for the complaint the patient described (Schmitt-
 * Thompson per-complaint protocols; NHS Pathways' "not sure" rule). The
 * families and questions are reviewed data (data/questions.json). The engine
 * never asks what the text, the form or an earlier answer already says, asks
 * each family's most dangerous questions first, and offers a one-tap picker
 * instead of guessing when the text names no complaint it knows.
 */
import type { Analysis, Finding } from './analyse';
import { decideOn, evaluate, readReport } from './engine';
import { Evaluation } from './evaluation';
import type { CompiledRuleSet } from './ruleset';
import type { AnswerEffect, QuestionDef, VitalKind } from './schema';
import { isRedFlag, recognisedFamilies } from './told';
import type { AskedQuestion, QuestionStep, TriageInput } from './types';

export function questionStep(rawInput: TriageInput, rs: CompiledRuleSet): QuestionStep {
	const { input, analysis: a } = readReport(rawInput, rs);
	const level = decideOn(input, a, rs).level;
	const lang = input.lang ?? 'en';
	const ev = new Evaluation(input, a, rs);
	const families = recognisedFamilies(ev, rs);
	const complaints = [...families.keys()].map((f) => f.id);
	// Already an emergency: the call-911 screen, not questions. A request with nothing clinical: nothing to ask.
	if (level === 'emergency' || level === 'admin') return { complaints, questions: [], level };
	if (families.size === 0) {
		return {
			complaints,
			questions: [],
			picker: rs.questions.families.map((f) => ({ id: f.id, label: f.label[lang] })),
			level
		};
	}
	const answered = new Set(Object.keys(input.answers ?? {}));
	const queues = [...families].map(([family, about]) =>
		family.questions.filter((q) => !answered.has(q.id) && !answeredByText(q, about, ev, a)).map((q) => ({ q, family }))
	);
	// Each family's most dangerous question first, then each one's next; the same question once.
	const out: AskedQuestion[] = [];
	const seen = new Set<string>();
	const longest = Math.max(...queues.map((q) => q.length));
	for (let round = 0; round < longest && out.length < rs.questions.maxQuestions; round++) {
		for (const queue of queues) {
			const item = queue[round];
			if (!item || out.length >= rs.questions.maxQuestions) continue;
			const sameAs = JSON.stringify(item.q.yes);
			if (seen.has(sameAs)) continue;
			seen.add(sameAs);
			// What a "yes" would decide for this report, so the form can say "call 911" the moment it is tapped.
			const ifYes = evaluate({ ...rawInput, answers: { ...input.answers, [item.q.id]: 'yes' } }, rs);
			out.push({
				id: item.q.id,
				text: item.q.text[lang],
				complaint: item.family.id,
				redFlag: isRedFlag(item.q),
				emergency: ifYes.level === 'emergency',
				crisis: ifYes.crisisLine
			});
		}
	}
	return { complaints, questions: out, level };
}

/**
 * Has the patient already said it, either way? Yes: everything a "yes" means is written, on the
 * form or answered ("sudden sharp pain" answers "Did it start suddenly?"), or one of the question's
 * `answeredBy` is. No: a finding a "yes" needs is denied or past ("no shortness of breath"), or a
 * fact is (pregnancy "no" on the form). Only then is the question not asked.
 */
function answeredByText(q: QuestionDef, about: readonly Finding[], ev: Evaluation, a: Analysis): boolean {
	const present = (e: AnswerEffect | { vital: VitalKind }): boolean => {
		if ('vital' in e) return a.vitals.some((v) => v.kind === e.vital);
		if ('finding' in e) return ev.eval(e.site ? { finding: e.finding, site: e.site } : { finding: e.finding }) !== null;
		if ('modifier' in e) {
			const on = about.length > 0 ? about.flatMap((f) => f.modifiers) : a.modifiers;
			return on.some((m) => m.id === e.modifier);
		}
		return ev.eval({ fact: e.fact }) !== null || (e.fact === 'pregnancy' && ev.input.pregnant === true);
	};
	const denied = (e: AnswerEffect): boolean => {
		if (present(e)) return false;
		if ('finding' in e) return a.findings.some((f) => f.id === e.finding && f.said === undefined);
		if ('fact' in e)
			return (
				a.mentions.some((m) => m.kind === 'fact' && m.id === e.fact) ||
				(e.fact === 'pregnancy' && ev.input.pregnant === false)
			);
		return false;
	};
	return q.yes.every(present) || q.yes.some(denied) || (q.answeredBy ?? []).some(present);
}
