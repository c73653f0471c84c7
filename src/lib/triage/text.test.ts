import { describe, expect, it } from 'vitest';
import { quote, tokenize } from './text';

const sentences = (text: string): number[][] => {
	const out: number[][] = [];
	for (const [i, t] of tokenize(text, new Map()).entries()) (out[t.sent] ??= []).push(i);
	return out;
};

describe('tokenize', () => {
	it('ends a sentence at every line break, even where wink reads one sentence', () => {
		// wink keeps "tired\nno fever\nchest pain" as one sentence; each line is its own here.
		expect(sentences('tired\nno fever\nchest pain').map((s) => s.length)).toEqual([1, 2, 2]);
		expect(sentences('tired\r\n\tno fever\n\nchest pain')).toHaveLength(3);
	});

	it('keeps tabs and line breaks out of the tokens and out of quotes', () => {
		const tokens = tokenize('my chest\n\thurts', new Map());
		expect(tokens.map((t) => t.raw)).toEqual(['my', 'chest', 'hurts']);
		expect(quote(tokens, 0, tokens.length)).toBe('my chest hurts');
	});
});
