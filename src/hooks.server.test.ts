import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { handleError } from './hooks.server';

const event = { route: { id: '/api/v1/reports' } } as RequestEvent;

describe('handleError', () => {
	it('answers an unexpected failure safely, in the API error shape, without its details', async () => {
		const body = await handleError({
			error: new Error('SQLITE_FULL: database or disk is full near "stomach pain"'),
			status: 500,
			message: 'Internal Error',
			event
		});
		expect(body).toMatchObject({ error: { code: 'internal_error', message: expect.stringMatching(/our side/) } });
		expect(body?.errorId).toMatch(/^[0-9a-f-]{36}$/);
		expect(JSON.stringify(body)).not.toMatch(/SQLITE|stomach|stack/);
	});

	it('keeps a plain not-found', async () => {
		expect(await handleError({ error: new Error('nope'), status: 404, message: 'Not Found', event })).toEqual({
			message: 'Not found'
		});
	});
});
