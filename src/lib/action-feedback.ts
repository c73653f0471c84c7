/**
 * Pages with several forms post each to its own action and echo its name in
 * `values.action`; a failure is shown beside the form that sent it, not all of them.
 */
export interface ActionFeedback {
	errorsOf(action: string): Record<string, string>;
	valuesOf(action: string): Record<string, string>;
}

interface FailedForm {
	errors?: unknown;
	values?: unknown;
}

export function actionFeedback(form: FailedForm | null | undefined): ActionFeedback {
	const values = (form?.values ?? {}) as Record<string, string>;
	const failedAction = form?.errors ? values.action : undefined;
	const errors = (form?.errors ?? {}) as Record<string, string>;
	return {
		errorsOf: (action) => (failedAction === action ? errors : {}),
		valuesOf: (action) => (failedAction === action ? values : {})
	};
}
