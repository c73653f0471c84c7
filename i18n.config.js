/**
 * Paraglide's compiler options, shared by the Vite plugin (builds, dev, tests)
 * and `npm run i18n` (run by `prepare` and `check`, so the typed message
 * functions exist before svelte-check reads them). The messages are
 * `messages/{locale}.json`; the compiled output in src/lib/paraglide is not committed.
 *
 * The locale is chosen by the PARAGLIDE_LOCALE cookie (set by the language
 * switch and, at sign-in, from the account's remembered language), then the
 * browser's languages, then English.
 */
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
	// The message files are the source; the README in the output says so, nothing else is needed.
	emitGitIgnore: false,
	emitPrettierIgnore: false
};
