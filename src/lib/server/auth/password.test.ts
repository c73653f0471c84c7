import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
	it('hashes with Argon2id and verifies only the right password', async () => {
		const hashed = await hashPassword('correct horse battery');
		expect(hashed.startsWith('$argon2id$')).toBe(true);
		expect(hashed).not.toContain('correct horse battery');
		expect(await verifyPassword(hashed, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(hashed, 'correct horse batterY')).toBe(false);
	});

	it('salts: the same password hashes differently', async () => {
		expect(await hashPassword('same password 123')).not.toBe(await hashPassword('same password 123'));
	});

	it('treats a corrupt stored hash as a failed login, not a crash', async () => {
		expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false);
	});
});
