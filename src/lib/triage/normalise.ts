/**
 * Turns patient text into a token array in one linear pass: lower case,
 * texting shorthand and common misspellings expanded, punctuation reduced to
 * clause and sentence boundaries. Every token keeps the offsets of the
 * original characters it came from, so evidence quotes the patient's own words.
 */

export const WORD = 0;
export const CLAUSE = 1;
export const SENTENCE = 2;
export type TokenKind = typeof WORD | typeof CLAUSE | typeof SENTENCE;

export interface Token {
	w: string;
	kind: TokenKind;
	/** Offsets into the original text. */
	s: number;
	e: number;
	sent: number;
	/** Clause index: commas, brackets and contrast words ("but") start a new clause. */
	clause: number;
	/** Numeric value for number tokens. */
	num: number | null;
}

/** Shorthand, contractions without apostrophes and frequent misspellings. */
const EXPAND_WORDS: Readonly<Record<string, string>> = {
	cant: 'can not',
	cannot: 'can not',
	dont: 'do not',
	doesnt: 'does not',
	didnt: 'did not',
	isnt: 'is not',
	wasnt: 'was not',
	arent: 'are not',
	werent: 'were not',
	wont: 'will not',
	wouldnt: 'would not',
	couldnt: 'could not',
	shouldnt: 'should not',
	havent: 'have not',
	hasnt: 'has not',
	hadnt: 'had not',
	aint: 'is not',
	dnt: 'do not',
	cnt: 'can not',
	idk: 'unsure',
	u: 'you',
	ur: 'your',
	bc: 'because',
	bcz: 'because',
	bcuz: 'because',
	cuz: 'because',
	coz: 'because',
	becuase: 'because',
	abt: 'about',
	thru: 'through',
	tho: 'though',
	rn: 'right now',
	pls: 'please',
	plz: 'please',
	tmrw: 'tomorrow',
	hrs: 'hours',
	hr: 'hour',
	min: 'minutes',
	mins: 'minutes',
	wk: 'week',
	wks: 'weeks',
	yr: 'year',
	yrs: 'years',
	ppl: 'people',
	kms: 'kill myself',
	unalive: 'kill',
	sui: 'suicidal',
	suicidle: 'suicidal',
	sucidal: 'suicidal',
	suicidial: 'suicidal',
	suacidal: 'suicidal',
	diarea: 'diarrhea',
	diarhea: 'diarrhea',
	diarrea: 'diarrhea',
	diarrhoea: 'diarrhea',
	diahrrea: 'diarrhea',
	diarreha: 'diarrhea',
	diarhhea: 'diarrhea',
	diarreah: 'diarrhea',
	vomitting: 'vomiting',
	vommiting: 'vomiting',
	vomming: 'vomiting',
	voming: 'vomiting',
	nausious: 'nauseous',
	nauseus: 'nauseous',
	nausous: 'nauseous',
	naseous: 'nauseous',
	stomache: 'stomach',
	stomac: 'stomach',
	stomch: 'stomach',
	tummyache: 'tummy ache',
	stomachache: 'stomach ache',
	bellyache: 'belly ache',
	headach: 'headache',
	hedache: 'headache',
	headake: 'headache',
	haedache: 'headache',
	breth: 'breath',
	brething: 'breathing',
	breating: 'breathing',
	breathng: 'breathing',
	pregant: 'pregnant',
	pregnet: 'pregnant',
	pregnat: 'pregnant',
	prego: 'pregnant',
	preggo: 'pregnant',
	preggers: 'pregnant',
	seizer: 'seizure',
	siezure: 'seizure',
	seazure: 'seizure',
	seisure: 'seizure',
	unconcious: 'unconscious',
	unconsious: 'unconscious',
	temprature: 'temperature',
	tempature: 'temperature',
	temperture: 'temperature',
	feaver: 'fever',
	fevor: 'fever',
	fevr: 'fever',
	bleding: 'bleeding',
	bledding: 'bleeding',
	swolen: 'swollen',
	swolled: 'swollen',
	testical: 'testicle',
	testicals: 'testicles',
	testicule: 'testicle',
	tounge: 'tongue',
	tonge: 'tongue',
	alergic: 'allergic',
	allergick: 'allergic',
	alergy: 'allergy',
	realy: 'really',
	rly: 'really',
	dizy: 'dizzy',
	dizzie: 'dizzy',
	diziness: 'dizziness',
	numbess: 'numbness',
	chestpain: 'chest pain',
	heartattack: 'heart attack',
	lightheaded: 'light headed',
	lightheadedness: 'light headed',
	shortnessofbreath: 'shortness of breath',
	sob: 'sob',
	poo: 'poop',
	nappy: 'diaper',
	nappies: 'diapers',
	loo: 'toilet',
	pian: 'pain',
	paine: 'pain',
	alot: 'a lot',
	stol: 'stool',
	stoll: 'stool',
	stomak: 'stomach',
	stomack: 'stomach',
	stumach: 'stomach',
	wheesing: 'wheezing',
	weezing: 'wheezing',
	wheazing: 'wheezing',
	wheesy: 'wheezy',
	breathin: 'breathing',
	bleedin: 'bleeding',
	blod: 'blood',
	bloood: 'blood',
	vomitted: 'vomited',
	vommited: 'vomited',
	throwin: 'throwing',
	dizzey: 'dizzy',
	conffused: 'confused',
	confussed: 'confused',
	cofused: 'confused',
	husbend: 'husband',
	husbund: 'husband',
	daugther: 'daughter',
	dauther: 'daughter',
	chist: 'chest',
	chesst: 'chest',
	brest: 'breast',
	hart: 'heart',
	sezure: 'seizure',
	seziure: 'seizure',
	ribbs: 'ribs',
	anxiaty: 'anxiety',
	depresion: 'depression',
	sucide: 'suicide',
	suiside: 'suicide',
	swallen: 'swollen',
	sweling: 'swelling',
	swelled: 'swollen',
	pooped: 'poop',
	poops: 'poop',
	pooping: 'pooping',
	peed: 'peed',
	urinate: 'urinate',
	eliquis: 'eliquis',
	od: 'overdose',
	ods: 'overdose',
	odd: 'odd',
	cvs: 'cvs',
	appt: 'appointment',
	appts: 'appointments',
	apt: 'appointment',
	rx: 'prescription',
	rxs: 'prescriptions',
	refil: 'refill',
	perscription: 'prescription',
	prescripton: 'prescription',
	xray: 'x ray',
	bp: 'bp',
	fmla: 'fmla',
	epi: 'epi',
	epipen: 'epi pen',
	abd: 'abdomen',
	tummy: 'tummy',
	diabetic: 'diabetic'
};

const EXPAND: ReadonlyMap<string, readonly string[]> = new Map(
	Object.entries(EXPAND_WORDS)
		.filter(([from, to]) => from !== to)
		.map(([from, to]) => [from, to.split(' ')])
);

/** The lexicon's own words, used to restore dropped final g's ("sittin" → "sitting"). */
export type Vocabulary = ReadonlySet<string>;

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}
function isAsciiLetter(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
const APOSTROPHES = new Set([39, 0x2019, 0x2018, 0x02bc, 0x60, 0xb4]);
const SENTENCE_CHARS = new Set([46, 33, 63, 59, 10, 13, 0x2026, 0x3002, 0xff01, 0xff1f]);
const CLAUSE_CHARS = new Set([44, 58, 40, 41, 91, 93, 123, 125, 34, 0x201c, 0x201d, 0x2014, 0x2013, 0xff0c, 0x3001]);

function isWordChar(c: number): boolean {
	if (isAsciiLetter(c) || isDigit(c)) return true;
	if (c < 0xc0) return false;
	// General punctuation, symbols, spaces and surrogates are not letters.
	if (c >= 0x2000 && c <= 0x2bff) return false;
	if (c >= 0x3000 && c <= 0x303f) return false;
	if (c >= 0xd800 && c <= 0xdfff) return false;
	if (c >= 0xfe00 && c <= 0xfe0f) return false;
	if (c >= 0xff00 && c <= 0xff65) return false;
	return c !== 0xd7 && c !== 0xf7;
}

const CONTRAST = new Set(['but', 'however', 'although', 'though', 'except', 'whereas']);

interface RawWord {
	w: string;
	s: number;
	e: number;
}

/** Tokenises and normalises `text`. Linear in its length. */
export function tokenise(text: string, vocabulary: Vocabulary): Token[] {
	const out: Token[] = [];
	let sent = 0;
	let clause = 0;
	const n = text.length;
	let i = 0;

	const pushBoundary = (kind: typeof CLAUSE | typeof SENTENCE, at: number): void => {
		const last = out[out.length - 1];
		if (last === undefined) return;
		if (last.kind !== WORD) {
			if (kind === SENTENCE && last.kind === CLAUSE) {
				last.kind = SENTENCE;
				last.w = '.';
				sent++;
			}
			return;
		}
		out.push({ w: kind === SENTENCE ? '.' : ',', kind, s: at, e: at + 1, sent, clause, num: null });
		clause++;
		if (kind === SENTENCE) sent++;
	};

	const pushWord = (raw: RawWord): void => {
		for (const w of normaliseWord(raw.w, vocabulary)) {
			const num = isDigit(w.charCodeAt(0)) ? Number(w) : null;
			if (CONTRAST.has(w)) clause++;
			out.push({
				w,
				kind: WORD,
				s: raw.s,
				e: raw.e,
				sent,
				clause,
				num: num !== null && Number.isFinite(num) ? num : null
			});
		}
	};

	while (i < n) {
		const c = text.charCodeAt(i);
		if (isWordChar(c)) {
			const start = i;
			let word: string;
			if (isDigit(c)) {
				while (i < n && isDigit(text.charCodeAt(i))) i++;
				// Decimal point inside a number: "100.4".
				if (i + 1 < n && text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
					i++;
					while (i < n && isDigit(text.charCodeAt(i))) i++;
				}
				word = text.slice(start, i);
			} else {
				let apostrophe = false;
				while (i < n) {
					const d = text.charCodeAt(i);
					if (isWordChar(d) && !isDigit(d)) {
						i++;
						continue;
					}
					// Apostrophe inside a word: "can't" → "cant".
					if (
						APOSTROPHES.has(d) &&
						i + 1 < n &&
						isWordChar(text.charCodeAt(i + 1)) &&
						!isDigit(text.charCodeAt(i + 1))
					) {
						apostrophe = true;
						i++;
						continue;
					}
					break;
				}
				word = text.slice(start, i).toLowerCase();
				if (apostrophe) word = stripApostrophes(word);
			}
			// Texting slashes: "w/" = with, "w/o" = without, "b/c" = because.
			if (text.charCodeAt(i) === 47 && (word === 'w' || word === 'b')) {
				const next = text.charCodeAt(i + 1);
				const after = text.charCodeAt(i + 2);
				const afterIsWord = i + 2 < n && isWordChar(after);
				if (word === 'w' && (next === 111 || next === 79) && !afterIsWord) {
					pushWord({ w: 'without', s: start, e: i + 2 });
					i += 2;
					continue;
				}
				if (word === 'b' && (next === 99 || next === 67) && !afterIsWord) {
					pushWord({ w: 'because', s: start, e: i + 2 });
					i += 2;
					continue;
				}
				if (word === 'w') {
					pushWord({ w: 'with', s: start, e: i + 1 });
					i += 1;
					continue;
				}
			}
			pushWord({ w: word, s: start, e: i });
			continue;
		}
		if (SENTENCE_CHARS.has(c)) pushBoundary(SENTENCE, i);
		else if (CLAUSE_CHARS.has(c)) pushBoundary(CLAUSE, i);
		i++;
	}
	return out;
}

function stripApostrophes(word: string): string {
	let out = '';
	for (const ch of word) if (!APOSTROPHES.has(ch.charCodeAt(0))) out += ch;
	return out;
}

function hasTripleLetter(word: string): boolean {
	for (let k = 2; k < word.length; k++) {
		const ch = word.charCodeAt(k);
		if (ch === word.charCodeAt(k - 1) && ch === word.charCodeAt(k - 2)) return true;
	}
	return false;
}

function normaliseWord(word: string, vocabulary: Vocabulary): readonly string[] {
	const mapped = EXPAND.get(word);
	if (mapped !== undefined) return mapped;
	// Dropped final g: "sittin", "throwin", "bleedin".
	if (word.length >= 5 && word.endsWith('in') && !vocabulary.has(word) && vocabulary.has(word + 'g')) {
		return [word + 'g'];
	}
	// Stretched letters: "sooooo", "plzzzz" → at most two in a row.
	if (word.length > 3 && hasTripleLetter(word)) {
		let squeezed = '';
		for (let k = 0; k < word.length; k++) {
			const ch = word[k]!;
			if (k >= 2 && word[k - 1] === ch && word[k - 2] === ch) continue;
			squeezed += ch;
		}
		return normaliseWord(squeezed, vocabulary);
	}
	return [word];
}
