/**
 * Token buckets in the Lucia example's style: each key (an IP address, an
 * email) holds up to `max` tokens, refilled one per `refillMs`. Guessing
 * passwords or flooding sign-ups runs dry quickly; a person who mistypes does not.
 */
export class RefillingTokenBucket<Key> {
	readonly #buckets = new Map<Key, { tokens: number; refilledAt: number }>();

	constructor(
		readonly max: number,
		readonly refillMs: number,
		/** Forget idle keys so the map does not grow without bound. */
		readonly maxKeys = 100_000
	) {}

	/** Takes `cost` tokens if there are enough; otherwise returns how long to wait. */
	consume(key: Key, cost: number, now: number): { ok: true } | { ok: false; retryAfterMs: number } {
		const bucket = this.#refilled(key, now);
		if (bucket.tokens < cost) {
			return { ok: false, retryAfterMs: (cost - bucket.tokens) * this.refillMs - (now - bucket.refilledAt) };
		}
		bucket.tokens -= cost;
		this.#buckets.set(key, bucket);
		if (this.#buckets.size > this.maxKeys) this.#buckets.delete(this.#buckets.keys().next().value as Key);
		return { ok: true };
	}

	/** Whether `cost` tokens are available, without taking them. */
	check(key: Key, cost: number, now: number): { ok: true } | { ok: false; retryAfterMs: number } {
		const bucket = this.#refilled(key, now);
		return bucket.tokens >= cost
			? { ok: true }
			: { ok: false, retryAfterMs: (cost - bucket.tokens) * this.refillMs - (now - bucket.refilledAt) };
	}

	/** Gives the tokens back, e.g. after a successful login. */
	reset(key: Key): void {
		this.#buckets.delete(key);
	}

	#refilled(key: Key, now: number): { tokens: number; refilledAt: number } {
		const bucket = this.#buckets.get(key);
		if (!bucket) return { tokens: this.max, refilledAt: now };
		const refill = Math.floor((now - bucket.refilledAt) / this.refillMs);
		if (refill <= 0) return bucket;
		return {
			tokens: Math.min(this.max, bucket.tokens + refill),
			refilledAt: refill >= this.max ? now : bucket.refilledAt + refill * this.refillMs
		};
	}
}

const MINUTE = 60_000;

export interface AuthLimits {
	/** Login attempts per client address. */
	loginByAddress: RefillingTokenBucket<string>;
	/** Failed-login budget per account email, whatever the address. */
	loginByEmail: RefillingTokenBucket<string>;
	/** Sign-ups per client address. */
	signupByAddress: RefillingTokenBucket<string>;
}

export function authLimits(): AuthLimits {
	return {
		loginByAddress: new RefillingTokenBucket(30, MINUTE / 2),
		loginByEmail: new RefillingTokenBucket(10, MINUTE),
		signupByAddress: new RefillingTokenBucket(20, 3 * MINUTE)
	};
}
