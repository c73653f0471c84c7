/**
 * `npm run --silent triage`: JSON Lines in (vignette shape), one JSON line out
 * per input line: {"id","level","reasons","ruleSetVersion"}. Invalid lines
 * produce {"id","error"} and a non-zero exit code at the end.
 */
import { createInterface } from 'node:readline';
import { triage } from '../src/lib/triage/index';
import { lineId, parseVignetteLine, VignetteError } from '../src/lib/triage/vignette';

async function main(): Promise<void> {
	const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
	let failed = false;
	for await (const raw of lines) {
		const line = raw.trim();
		if (line.length === 0) continue;
		let out: string;
		try {
			const { id, input } = parseVignetteLine(line);
			const decision = triage(input);
			out = JSON.stringify({
				id,
				level: decision.level,
				reasons: decision.reasons.map((r) => r.id),
				ruleSetVersion: decision.ruleSetVersion
			});
		} catch (err) {
			failed = true;
			const id = err instanceof VignetteError && err.id !== null ? err.id : lineId(line);
			out = JSON.stringify({ id, error: err instanceof Error ? err.message : String(err) });
		}
		if (!process.stdout.write(out + '\n')) await new Promise((resolve) => process.stdout.once('drain', resolve));
	}
	if (failed) process.exitCode = 1;
}

main().catch((err: unknown) => {
	process.stderr.write(`triage: ${err instanceof Error ? err.message : String(err)}\n`);
	process.exitCode = 2;
});
