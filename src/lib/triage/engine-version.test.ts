import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { describe, expect, it } from 'vitest';
import fingerprint from './engine-version.json';
import { ENGINE_VERSION } from './ruleset';

/**
 * The rule-set version stored with every decision hashes the data files and
 * ENGINE_VERSION. This test holds the hash of the matching code itself: when
 * the code changes, bump ENGINE_VERSION (so stored decisions name the new
 * code) and record the new hash in engine-version.json.
 */
const SOURCES = ['text.ts', 'lexicon.ts', 'analyse.ts', 'evaluation.ts', 'told.ts', 'engine.ts', 'ruleset.ts'];

describe('engine version', () => {
	it('changes whenever the matching code changes', () => {
		const text = SOURCES.map((f) =>
			readFileSync(fileURLToPath(new URL(`./${f}`, import.meta.url)), 'utf8').replace(/\r\n/g, '\n')
		).join('\n');
		const hash = encodeHexLowerCase(sha256(new TextEncoder().encode(text))).slice(0, 16);
		const message = `the engine's code changed: bump ENGINE_VERSION in ruleset.ts and set engine-version.json to {"version": "<new>", "sourceHash": "${hash}"}`;
		expect({ version: ENGINE_VERSION, sourceHash: hash }, message).toEqual(fingerprint);
	});
});
