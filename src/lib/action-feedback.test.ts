import { describe, expect, it } from 'vitest';
import { actionFeedback } from './action-feedback';

describe('actionFeedback', () => {
	it('shows a failure only beside the form that sent it', () => {
		const feedback = actionFeedback({ errors: { text: 'Write the note.' }, values: { action: 'note', text: '' } });
		expect(feedback.errorsOf('note')).toEqual({ text: 'Write the note.' });
		expect(feedback.valuesOf('note')).toMatchObject({ text: '' });
		expect(feedback.errorsOf('resolve')).toEqual({});
		expect(feedback.valuesOf('resolve')).toEqual({});
	});

	it('has nothing to show after a success or before any post', () => {
		expect(actionFeedback({ values: { action: 'note' } }).errorsOf('note')).toEqual({});
		expect(actionFeedback(null).valuesOf('note')).toEqual({});
	});
});
