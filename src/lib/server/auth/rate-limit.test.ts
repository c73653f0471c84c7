import { describe, expect, it } from 'vitest';
import { RefillingTokenBucket } from './rate-limit';

describe('RefillingTokenBucket', () => {
	it('allows up to max, then refuses with a wait time', () => {
		const bucket = new RefillingTokenBucket<string>(3, 1000);
		for (let i = 0; i < 3; i += 1) expect(bucket.consume('a', 1, 0).ok).toBe(true);
		const refused = bucket.consume('a', 1, 100);
		expect(refused).toEqual({ ok: false, retryAfterMs: 900 });
		expect(bucket.consume('b', 1, 100).ok).toBe(true);
	});

	it('refills one token per interval, never above max', () => {
		const bucket = new RefillingTokenBucket<string>(2, 1000);
		bucket.consume('a', 2, 0);
		expect(bucket.consume('a', 1, 999).ok).toBe(false);
		expect(bucket.consume('a', 1, 1000).ok).toBe(true);
		expect(bucket.consume('a', 1, 1500).ok).toBe(false);
		expect(bucket.consume('a', 2, 1_000_000).ok).toBe(true);
		expect(bucket.consume('a', 1, 1_000_000).ok).toBe(false);
	});

	it('checks without spending', () => {
		const bucket = new RefillingTokenBucket<string>(1, 60_000);
		expect(bucket.check('a', 1, 0).ok).toBe(true);
		expect(bucket.check('a', 1, 0).ok).toBe(true);
		bucket.consume('a', 1, 0);
		expect(bucket.check('a', 1, 0).ok).toBe(false);
	});

	it('resets a key', () => {
		const bucket = new RefillingTokenBucket<string>(1, 60_000);
		bucket.consume('a', 1, 0);
		bucket.reset('a');
		expect(bucket.consume('a', 1, 1).ok).toBe(true);
	});

	it('forgets the oldest keys past its size limit', () => {
		const bucket = new RefillingTokenBucket<number>(1, 60_000, 2);
		bucket.consume(1, 1, 0);
		bucket.consume(2, 1, 0);
		bucket.consume(3, 1, 0);
		expect(bucket.consume(1, 1, 0).ok).toBe(true);
	});
});
