/**
 * What the question step told, as a nurse reads it in three seconds:
 * "Sudden onset: yes · Short of breath: not sure · On a blood thinner · BP 182/110".
 * An item is `deciding` when the decision in force quotes it as evidence (the
 * engine's own wording of it, from told.ts).
 */
import { defaultRuleSet } from '../../triage';
import { formatAge } from '../../triage/evaluation';
import { ANSWER_WORDS, SUBJECT_WORDS, readingsOf, toldSaid, type Reading } from '../../triage/told';
import type { FiredRule, Told } from '../../triage/types';

export interface ToldItem {
	text: string;
	deciding: boolean;
}

/** How a reading reads on the summary, in the order a nurse scans them. */
const READING_TEXT: Record<string, (r: Reading) => string> = {
	bp: (r) => r.words,
	temperature: (r) => {
		const c = r.value as number;
		return `Temp ${c} °C (${Math.round(((c * 9) / 5 + 32) * 10) / 10} °F)`;
	},
	glucose: (r) => `Sugar ${String(r.value)} mg/dL`,
	spo2: (r) => `O₂ ${String(r.value)}%`
};
const READING_ORDER = Object.keys(READING_TEXT);

export function toldSummary(told: Told | null, reasons: readonly FiredRule[]): ToldItem[] {
	if (!told) return [];
	const rs = defaultRuleSet();
	const evidence = new Set(reasons.flatMap((r) => r.evidence));
	const out: ToldItem[] = [];
	if (told.subject !== 'self') {
		const age = told.subjectAgeYears;
		const ageText = age === null ? '' : `, ${formatAge(age >= 2 ? Math.floor(age) : age)}`;
		out.push({ text: `About ${SUBJECT_WORDS[told.subject]}${ageText}`, deciding: false });
	}
	for (const id of told.complaints) {
		const family = rs.questions.families.find((f) => f.id === id);
		out.push({
			text: `Mostly about: ${family?.label.en ?? id}`,
			deciding: family ? evidence.has(toldSaid.complaint(family)) : false
		});
	}
	// In the data's clinical order, not the order the answers arrived in.
	for (const [id, { question }] of rs.questions.byId) {
		const answer = told.answers[id];
		if (!answer) continue;
		out.push({
			text: `${question.summary}: ${ANSWER_WORDS[answer]}`,
			deciding: evidence.has(toldSaid.answer(question, answer))
		});
	}
	for (const [id, unknown] of Object.entries(told.answers))
		if (!rs.questions.byId.has(id))
			out.push({ text: `${id} (question retired): ${ANSWER_WORDS[unknown]}`, deciding: false });
	for (const id of told.riskFactors) {
		const r = rs.questions.riskFactors.get(id);
		out.push({ text: r?.summary ?? id, deciding: r ? evidence.has(toldSaid.riskFactor(r)) : false });
	}
	const readings = readingsOf(told.measurements, rs.vitals).sort(
		(a, b) => READING_ORDER.indexOf(a.kind) - READING_ORDER.indexOf(b.kind)
	);
	for (const r of readings) out.push({ text: READING_TEXT[r.kind]!(r), deciding: evidence.has(toldSaid.reading(r)) });
	return out;
}
