/** FHIR's error shape: an OperationOutcome with the HTTP status it goes with, thrown from deep and answered in one place. */
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

export type OutcomeStatus = 400 | 401 | 403 | 404;

export class FhirOutcomeError extends Error {
	override name = 'FhirOutcomeError';
	constructor(
		readonly status: OutcomeStatus,
		readonly code: OperationOutcomeIssue['code'],
		message: string,
		readonly expression?: string
	) {
		super(message);
	}

	get outcome(): OperationOutcome {
		return operationOutcome(this.code, this.message, this.expression);
	}
}

export function operationOutcome(
	code: OperationOutcomeIssue['code'],
	diagnostics: string,
	expression?: string
): OperationOutcome {
	return {
		resourceType: 'OperationOutcome',
		issue: [{ severity: 'error', code, diagnostics, ...(expression ? { expression: [expression] } : {}) }]
	};
}

export const badSearch = (message: string, parameter: string) =>
	new FhirOutcomeError(400, 'invalid', message, parameter);
