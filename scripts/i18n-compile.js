// Compiles messages/*.json into typed message functions (src/lib/paraglide) with the build's own options.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../i18n.config.js';

await compile(paraglideOptions);
