import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		// Integration tests each start a real server on a temporary database.
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
