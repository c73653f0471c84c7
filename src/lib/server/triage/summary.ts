/**
 * What the question step told, as a nurse reads it in three seconds:
 * "Sudden onset: yes · Short of breath: not sure · On a blood thinner · BP 182/110".
 * An item is `deciding` when the decision in force quotes it as evidence.
 */
import { defaultRuleSet } from '../../triage';
import type { FiredRule, Told } from '../../triage/types';

export interface ToldItem {
	text: string;
	deciding: boolean;
}

const ANSWER_WORDS = { yes: 'yes', no: 'no', unsure: 'not sure' } as const;
const SUBJECT_WORDS = { self: 'the patient', child: 'their child', parent: 'their parent', other: 'someone else' };

function formatAge(years: number): string {
	if (years < 1 / 12) return `${Math.round(years * 365)} days`;
	if (years < 2) return `${Math.round(years * 12)} months`;
	return `${Math.floor(years)} years`;
}

export function toldSummary(told: Told | null, reasons: readonly FiredRule[]): ToldItem[] {
	if (!told) return [];
	const rs = defaultRuleSet();
	const evidence = new Set(reasons.flatMap((r) => r.evidence));
	const out: ToldItem[] = [];
	if (told.subject !== 'self')
		out.push({
			text: `About ${SUBJECT_WORDS[told.subject]}${told.subjectAgeYears !== null ? `, ${formatAge(told.subjectAgeYears)}` : ''}`,
			deciding: false
		});
	for (const id of told.complaints) {
		const family = rs.questions.families.find((f) => f.id === id);
		out.push({ text: `Mostly about: ${family?.label.en ?? id}`, deciding: evidence.has(`about: ${family?.label.en}`) });
	}
	// In the data's clinical order, not the order the answers arrived in.
	for (const [id, { question }] of rs.questions.byId) {
		const answer = told.answers[id];
		if (!answer) continue;
		out.push({
			text: `${question.summary}: ${ANSWER_WORDS[answer]}`,
			deciding: evidence.has(`answer: ${question.text.en} ${ANSWER_WORDS[answer]}`)
		});
	}
	for (const [id, unknown] of Object.entries(told.answers))
		if (!rs.questions.byId.has(id))
			out.push({ text: `${id} (question retired): ${ANSWER_WORDS[unknown]}`, deciding: false });
	for (const id of told.riskFactors) {
		const r = rs.questions.riskFactors.get(id);
		out.push({ text: r?.summary ?? id, deciding: r ? evidence.has(`risk factor: ${r.label.en}`) : false });
	}
	const m = told.measurements;
	const measured = (said: string, text: string) => out.push({ text, deciding: evidence.has(`measured: ${said}`) });
	if (m.systolic !== undefined) {
		const bp = `${m.systolic}${m.diastolic !== undefined ? `/${m.diastolic}` : ''}`;
		measured(`BP ${bp}`, `BP ${bp}`);
	}
	if (m.temperatureC !== undefined) {
		const f = Math.round(((m.temperatureC * 9) / 5 + 32) * 10) / 10;
		measured(`temperature ${m.temperatureC} °C`, `Temp ${m.temperatureC} °C (${f} °F)`);
	}
	if (m.glucoseMgDl !== undefined) measured(`blood sugar ${m.glucoseMgDl} mg/dL`, `Sugar ${m.glucoseMgDl} mg/dL`);
	if (m.spo2 !== undefined) measured(`oxygen ${m.spo2}%`, `O₂ ${m.spo2}%`);
	return out;
}
