/**
 * Patient language, as reviewable data. Each concept lists the ways patients
 * say it (after normalisation: lower case, "can't" → "can not", shorthand
 * expanded). Phrase syntax: words separated by spaces; `a|b` alternatives; a
 * trailing `*` matches any ending ("vomit*"); a plain word also matches its
 * plural; `~` skips up to 3 words (`~5` up to 5) inside one sentence.
 *
 * Phrases that begin with a negation ("can not breathe", "no wet diapers",
 * "not making sense") are positive findings: negation is only checked before
 * the phrase. Diagnosis words on their own ("heart attack", "stroke") are not
 * symptoms (they are often family history), so only present-tense phrases
 * ("having a stroke") count.
 *
 * Derived concepts (`near`, `anyOf`) must be declared after what they use.
 */
import type { Lexicon } from './types';

const FAMILY =
	'mom|mum|mother|dad|father|husband|wife|son|daughter|he|she|grandma|grandpa|grandmother|grandfather|child|kid|baby|partner';

export const lexicon: Lexicon = {
	/* ---------- body parts ---------- */
	chest: { phrases: ['chest', 'breastbone', 'sternum'] },
	heart: { phrases: ['heart'] },
	rib: { phrases: ['rib', 'ribcage', 'chest wall', 'side of ~ chest', 'under ~ breast'] },
	abdomen: {
		phrases: [
			'stomach',
			'belly',
			'tummy',
			'abdomen',
			'abdominal',
			'gut',
			'guts',
			'midsection',
			'belly button',
			'navel',
			'epigastric',
			'side of ~ belly|stomach|tummy|abdomen',
			'lower right',
			'lower left',
			'pelvi*'
		]
	},
	lower_side: {
		phrases: [
			'lower right',
			'right lower',
			'lower left',
			'left lower',
			'bottom right',
			'bottom left',
			'low ~ left|right ~ side',
			'left|right side',
			'one side',
			'pelvi*',
			'ovar*',
			'groin',
			'lower belly|abdomen|stomach|tummy',
			'rlq',
			'llq',
			'left|right ~ low'
		]
	},
	rlq: {
		phrases: [
			'lower right',
			'right lower',
			'rlq',
			'low ~ right side',
			'lower ~ right side',
			'right side of ~ belly|stomach|abdomen|tummy',
			'moved ~ right',
			'moving ~ right',
			'appendix',
			'appendicitis',
			'right ~ lower ~ belly|stomach|abdomen|tummy',
			'bottom right',
			'right bottom',
			'lower right side',
			'down ~ right side',
			'low ~ on|to ~ right',
			'right ~ low down',
			'right ~ down low',
			'right iliac'
		]
	},
	head: { phrases: ['head', 'forehead', 'skull', 'scalp', 'temple'] },
	neck: { phrases: ['neck'] },
	radiation_site: { phrases: ['arm', 'arms', 'jaw', 'neck', 'back', 'shoulder', 'shoulder blade'] },
	limb: {
		phrases: ['arm', 'hand', 'leg', 'foot', 'feet', 'finger*', 'face', 'side of ~ body|face', 'half of ~ body|face']
	},
	side: { phrases: ['left', 'right', 'one side', 'half', 'one arm|leg|hand', 'side of ~ body|face'] },
	calf: { phrases: ['calf', 'calves', 'leg', 'thigh', 'one leg'] },
	back: { phrases: ['back', 'spine', 'lower back', 'tailbone'] },
	flank: {
		phrases: [
			'flank',
			'kidney',
			'side of ~ back',
			'side ~ near ~ back',
			'side ~ towards ~ back',
			'back ~ left|right side',
			'left|right side of ~ back',
			'right|left ~ back'
		]
	},
	testicle: {
		phrases: ['testicle', 'testic*', 'testes', 'testis', 'ball', 'balls', 'nut', 'nuts', 'scrotum', 'scrotal', 'groin']
	},
	eye: { phrases: ['eye', 'eyes', 'eyeball', 'eyelid'] },
	face: { phrases: ['face', 'facial', 'eyelid', 'eyes', 'cheek', 'jaw', 'chin', 'gum', 'gums', 'under ~ eye'] },
	airway_part: { phrases: ['lip', 'lips', 'tongue', 'mouth', 'airway', 'windpipe'] },
	hands_face: { phrases: ['face', 'hands', 'fingers', 'eyes', 'eyelid', 'feet', 'ankles', 'legs'] },
	shoulder: { phrases: ['shoulder', 'shoulders', 'shoulder tip'] },
	saddle: {
		phrases: [
			'bum',
			'butt',
			'buttock*',
			'groin',
			'genital*',
			'private*',
			'between ~ legs',
			'saddle',
			'inner thigh*',
			'crotch',
			'bottom',
			'down there',
			'perineum',
			'anus'
		]
	},
	bone_site: {
		phrases: [
			'arm',
			'leg',
			'wrist',
			'ankle',
			'hand',
			'foot',
			'finger*',
			'toe',
			'hip',
			'knee',
			'elbow',
			'shoulder',
			'collarbone',
			'rib',
			'nose',
			'jaw',
			'bone',
			'shin',
			'femur',
			'pelvis',
			'thumb',
			'leg',
			'heel'
		]
	},

	/* ---------- generic symptoms ---------- */
	pain: {
		phrases: [
			'pain',
			'painful',
			'pains',
			'hurt*',
			'ache*',
			'aching',
			'achy',
			'sore*',
			'tender*',
			'cramp*',
			'stab',
			'stabs',
			'stabbing',
			'stabbed',
			'sharp',
			'throb*',
			'agony',
			'agonizing',
			'discomfort',
			'killing me',
			'twinge*',
			'spasm*',
			'pounding',
			'burning pain'
		],
		signal: 'positive'
	},
	pressure: {
		phrases: [
			'pressure',
			'tight',
			'tighter',
			'tightness',
			'tightening',
			'heavy',
			'heaviness',
			'squeez*',
			'crush*',
			'sitting on',
			'elephant',
			'band around',
			'weight on'
		]
	},
	sweating: {
		phrases: ['sweat', 'sweats', 'sweating', 'sweaty', 'sweated', 'clammy', 'diaphore*', 'drenched', 'cold sweat']
	},
	nausea: {
		phrases: [
			'nause*',
			'queasy',
			'sick to ~ stomach',
			'feel* sick',
			'want to throw up',
			'gonna throw up',
			'going to throw up'
		],
		signal: 'positive'
	},
	vomit: {
		phrases: [
			'vomit*',
			'throw* up',
			'threw up',
			'puk*',
			'barf*',
			'hurl*',
			'retch*',
			'being sick',
			'heaving',
			'dry heav*',
			'projectile'
		],
		signal: 'positive'
	},
	dizzy: {
		phrases: [
			'dizz*',
			'light headed',
			'woozy',
			'faint*',
			'vertigo',
			'room ~ spinning',
			'spinning',
			'almost fell',
			'nearly fell',
			'almost passed out',
			'nearly passed out',
			'going to pass out',
			'gonna pass out',
			'about to pass out',
			'see* stars',
			'wobbly',
			'unsteady',
			'off balance',
			'lost ~ balance',
			'head ~ spinning',
			'near faint*'
		],
		signal: 'mention'
	},
	syncope: {
		phrases: [
			'passed out',
			'pass out',
			'passes out',
			'passing out',
			'blacked out',
			'black out',
			'blacking out',
			'fainted',
			'collaps*',
			'unconscious',
			'lost consciousness',
			'knocked out',
			'went limp',
			'keeled over',
			'syncope',
			'went down and'
		],
		signal: 'mention'
	},
	unresponsive: {
		phrases: [
			'unresponsive',
			'not responding',
			'not responsive',
			'will not wake',
			'can not wake',
			'hard to wake',
			'difficult to wake',
			'barely responsive',
			'can not rouse',
			'not waking up',
			'would not wake',
			'could not wake',
			'wake ~ up ~ not',
			'limp and'
		],
		signal: 'mention'
	},
	severe: {
		phrases: [
			'severe*',
			'excruciating',
			'unbearable',
			'worst',
			'intense',
			'terrible',
			'horrible',
			'extreme*',
			'really bad',
			'so bad',
			'very bad',
			'super bad',
			'10 out of 10',
			'10 10',
			'agony',
			'agonizing',
			'can not stand ~ pain',
			'screaming',
			'crying in pain',
			'doubled over',
			'killing me',
			'worst pain',
			'awful pain',
			'bad pain',
			'unreal',
			'insane pain'
		],
		signal: 'positive'
	},
	sudden: {
		phrases: [
			'sudden*',
			'all of a sudden',
			'out of nowhere',
			'out of the blue',
			'came on ~ fast|quick*|sudden*|instantly',
			'abrupt*',
			'instant*',
			'without warning',
			'came out of nowhere',
			'woke up screaming',
			'just started',
			'minutes ago',
			'like a switch',
			'hit me ~ out of'
		]
	},
	worst_ever: {
		phrases: [
			'worst ~ ever',
			'worst ~ of my life',
			'worst ~ i have ever',
			'never had ~ (bad|like this|this bad|worse|anything like)',
			'never felt ~ like this',
			'thunderclap',
			'like ~ hit ~ head',
			'explod*',
			'worst headache'
		],
		signal: 'mention'
	},
	exertion: {
		phrases: [
			'mowing',
			'walking',
			'climbing',
			'running',
			'exercis*',
			'working out',
			'workout',
			'shovel*',
			'lifting',
			'stairs',
			'exertion',
			'when i walk',
			'jogging',
			'hiking',
			'gardening',
			'carrying',
			'on the treadmill',
			'at the gym',
			'yard work',
			'raking'
		]
	},
	radiating: {
		phrases: [
			'radiat*',
			'spread* ~ arm|jaw|neck|back|shoulder',
			'goes ~ into|down|up ~ arm|jaw|neck|back|shoulder',
			'down ~ left arm',
			'into ~ arm|jaw|neck',
			'left arm'
		]
	},
	swelling: {
		phrases: [
			'swell*',
			'swollen',
			'puffy',
			'puffed',
			'puffiness',
			'puffing up',
			'huge',
			'big',
			'fat',
			'enlarged',
			'blown up',
			'ballooned',
			'thick',
			'bloated'
		]
	},

	/* ---------- cardiac ---------- */
	chest_pressure: {
		phrases: [
			'chest ~ tight*',
			'tight* ~ chest',
			'chest ~ heav*',
			'heav* ~ chest',
			'chest ~ pressure',
			'pressure ~ chest',
			'crushing',
			'squeez* ~ chest',
			'chest ~ squeez*',
			'elephant ~ chest',
			'sitting on ~ chest',
			'chest ~ sitting on',
			'chest ~ like ~ sitting',
			'chest ~5 tightness|pressure|heaviness|squeezing|squeezed'
		],
		signal: 'mention'
	},
	chest_pain: {
		phrases: [
			'chest pain*',
			'chest discomfort',
			'angina',
			'heart pain',
			'pain in ~ heart',
			'heart ~ hurt*',
			'heart attack like',
			'chest ~ hurt*',
			'chest ~ burn*'
		],
		anyOf: ['chest_pressure'],
		near: [
			{ of: ['chest', 'pain'], within: 6 },
			{ of: ['chest', 'pressure'], within: 7 }
		],
		signal: 'mention'
	},
	heart_attack_now: {
		phrases: [
			'having a heart attack',
			'think ~ heart attack',
			'heart attack ~ (right now|now)',
			'like ~ heart attack',
			'am having ~ heart attack'
		],
		signal: 'mention'
	},
	palpitations: {
		phrases: [
			'heart ~ (racing|pounding|fluttering|skipping|flutter*|beating fast|irregular|jumping|flip*)',
			'palpitation*',
			'racing heart',
			'heart rate ~ high|fast',
			'heart ~ beating ~ (fast|hard|out of)',
			'skipped beats',
			'afib ~ episode'
		],
		anyOf: ['pulse_abnormal'],
		signal: 'positive'
	},
	rib_pain: {
		phrases: ['rib pain', 'chest wall pain', 'side pain ~ breath*'],
		near: [{ of: ['rib', 'pain'], within: 6 }],
		signal: 'mention'
	},

	/* ---------- breathing ---------- */
	severe_dyspnea: {
		phrases: [
			'can not breath*',
			'can not get ~ air',
			'gasp*',
			'lips ~ blue|grey|gray|purple',
			'blue ~ lips|face|fingers|fingernails',
			'turning blue',
			'turned blue',
			'going blue',
			'only ~ say ~ word*',
			'only ~ few|couple|one|two|single ~ word*',
			'words at a time',
			'can not ~ speak|talk ~ sentence*',
			'can not finish ~ sentence*',
			'struggling to breath*',
			'fighting for air',
			'suffocat*',
			'chok*',
			'not breathing',
			'stopped breathing',

			'can barely breath*',
			'barely breath*',
			'can hardly breath*',
			'hardly breath*',
			'can not catch ~ breath',
			'sucking in ~ ribs|chest',
			'ribs ~ sucking in',
			'ribs ~ showing|sucking|pulling|caving|sinking',
			'skin|chest|belly|tummy ~ sucking|pulling|caving|sinking in',
			'tugging ~ throat|neck|collarbone*',
			'sucking in ~ throat|neck|collarbone*',
			'recession*',
			'retraction*',
			'grunting',
			'nostrils flaring',
			'head bobbing',
			'can not breath'
		],
		anyOf: ['oxygen_low'],
		signal: 'mention'
	},
	dyspnea: {
		phrases: [
			'short of breath',
			'shortness of breath',
			'sob',
			'breathless*',
			'out of breath',
			'winded',
			'hard to breath*',
			'trouble breath*',
			'difficulty breath*',
			'difficult to breath*',
			'can not get ~ breath',
			'can not ~ full breath',
			'air hunger',
			'can not get enough air',
			'breathing ~ fast|hard|heavy|rapid|quick|funny|weird|labored|laboured|deep',
			'fast breathing',
			'rapid breathing',
			'labored breathing',
			'laboured breathing',
			'breathing is ~ bad|hard|difficult',
			'wheez*',
			'panting',
			'breath* ~ problem*',
			'tight* ~ breath*',
			'hurts to breath*'
		],
		anyOf: ['severe_dyspnea'],
		signal: 'mention'
	},
	wheeze: { phrases: ['wheez*', 'whistl* ~ breath*', 'whistling'] },
	asthma: {
		phrases: [
			'asthma*',
			'inhaler*',
			'albuterol',
			'ventolin',
			'puffer',
			'nebuli*',
			'neb',
			'proair',
			'salbutamol',
			'copd',
			'emphysema'
		]
	},
	not_helping: {
		phrases: [
			'not help*',
			'no help',
			'not work*',
			'does nothing',
			'do nothing',
			'not doing anything',
			'nothing help*',
			'not touch*',
			'no relief',
			'not relieving',
			'not improving',
			'not going away',
			'will not go away',
			'no difference',
			'no effect',
			'barely help*'
		]
	},
	inhaler_overuse: {
		phrases: [
			'every ~ hour*',
			'every ~ minutes',
			'more than usual',
			'more often',
			'all the time',
			'constantly',
			'times in ~ hour',
			'times ~ (last hour|today|tonight)',
			'keep* using',
			'need* ~ inhaler',
			'using ~ inhaler ~ lot',
			'asthma ~ (bad|worse|flare*|acting up|attack|playing up)',
			'asthma attack',
			'cough* ~ night',
			'flare*',
			'attack'
		]
	},
	radiation_pain: { near: [{ of: ['radiation_site', 'pain'], within: 4 }] },
	pleuritic: {
		phrases: [
			'deep breath',
			'breath* in',
			'inhale',
			'inhaling',
			'inhalation',
			'when i breath*',
			'take a breath',
			'taking a breath',
			'hurts to breath*',
			'with ~ breath',
			'every breath'
		]
	},
	pleuritic_pain: { near: [{ of: ['pleuritic', 'pain'], within: 6 }], signal: 'positive' },
	cough: { phrases: ['cough*', 'coughing'], signal: 'positive' },
	cough_blood: {
		phrases: [
			'cough* ~ blood',
			'blood ~ cough*',
			'hemoptysis',
			'spit* ~ blood',
			'bloody ~ phlegm|mucus|sputum',
			'pink ~ froth*|foam*|spit|phlegm|mucus',
			'cough* ~ froth*|foam*'
		],
		signal: 'mention'
	},

	/* ---------- neuro ---------- */
	face_droop: {
		phrases: [
			'face ~ droop*|lopsided|uneven|crooked|numb|sagging|fallen|drooping|twisted',
			'droop*',
			'smile ~ crooked|uneven|lopsided|weird',
			'mouth ~ droop*|crooked|lopsided|sagging',
			'mouth ~ down|dropped|hanging|slanted|pulled|twisted',
			'side ~ mouth|face|lip ~ down|dropped|drooping|sagging|hanging|fallen',
			'numb|numbness ~ face|lip|lips|cheek',
			'one side of ~ face',
			'half ~ face',
			'side of ~ face ~ numb|weak|down'
		],
		signal: 'mention'
	},
	speech_problem: {
		phrases: [
			'slurr*',
			'words ~ jumbled|garbled|mixed|wrong|scrambled|weird|funny|nonsense',
			'words ~ not making sense',
			'jumbled',
			'garbled',
			'gibberish',
			'can not ~ get ~ words out',
			'speech ~ slurred|weird|strange|off|funny|thick|garbled',
			'talking ~ funny|weird|strange|drunk',
			'not making sense',
			'makes no sense',
			'word salad',
			'can not find ~ words',
			'wrong words',
			'not speak|speaking|talk|talking ~ good|well|properly|right|clearly|normal',
			'speak|speaks|speaking|talk|talks ~ strange|strangely|funny|weird|weirdly|odd|slow|slowly',
			'can not ~ understand ~ what ~ say*'
		],
		signal: 'mention'
	},
	focal_deficit: {
		phrases: [
			'weak*',
			'numb',
			'numbness',
			'numbing',
			'numbed',
			'tingl*',
			'droop*',
			'drop* ~ things|stuff|cup|glass|phone|everything|fork|spoon',
			'keeps dropping',
			'dropping',
			'can not ~ move',
			'can not ~ lift',
			'can not ~ feel',
			'can not ~ grip',
			'can not ~ hold',
			'paralyz*',
			'dead',
			'heavy',
			'not working',
			'will not work',
			'clumsy',
			'giving out',
			'no strength',
			'no feeling',
			'limp',
			'useless',
			'floppy'
		]
	},
	strong_deficit: {
		phrases: [
			'can not ~ move',
			'can not ~ lift',
			'can not ~ feel',
			'can not ~ grip',
			'can not ~ hold',
			'paralyz*',
			'drop* ~ things|stuff|cup|glass|phone|everything|fork|spoon',
			'keeps dropping',
			'dropping',
			'dead',
			'not working',
			'will not work',
			'useless',
			'no feeling',
			'no strength',
			'droop*'
		]
	},
	weak_numb: {
		phrases: ['weak*', 'numb', 'numbness', 'numbing', 'numbed', 'heavy', 'no feeling', 'dead', 'asleep', 'tingl*']
	},
	stroke_now: {
		phrases: [
			'having a stroke',
			'think ~ stroke',
			'stroke symptoms',
			'mini stroke',
			'tia',
			'like ~ stroke',
			'signs of ~ stroke',
			'is having a stroke'
		],
		signal: 'mention'
	},
	seizure: {
		phrases: [
			'had a seizure',
			'having a seizure',
			'having seizures',
			'a seizure',
			'seizure ~ (today|now|just|minutes|morning|again|lasted|started|stopped|happened|last night|lasting|still|going on|happening|will not stop|earlier)',
			'seizing',
			'convuls*',
			'having a fit',
			'had a fit',
			'fitting',
			'shaking and jerking',
			'eyes rolled back',
			'first seizure',
			'another seizure'
		],
		signal: 'mention'
	},
	headache: {
		phrases: [
			'headache*',
			'head ache*',
			'migraine*',
			'head ~ pound*|hurt*|pain*|splitting|killing|throb*|ach*|exploding',
			'pounding head',
			'head pain',
			'splitting head'
		],
		signal: 'positive'
	},
	thunderclap: {
		phrases: [
			'thunderclap',
			'worst headache',
			'worst ~ headache',
			'headache ~ worst',
			'never had ~ headache ~ bad|like|this|worse',
			'head ~ explod*',
			'headache ~ explod*'
		],
		near: [{ of: ['worst_ever', 'headache'], within: 8 }],
		signal: 'mention'
	},
	sudden_headache: { near: [{ of: ['sudden', 'headache'], within: 8 }], signal: 'mention' },
	severe_headache: { near: [{ of: ['severe', 'headache'], within: 6 }], signal: 'mention' },
	stiff_neck: {
		phrases: [
			'stiff neck',
			'neck ~ stiff*',
			'neck ~ rigid',
			'can not ~ chin ~ chest',
			'can not bend ~ neck',
			'can not move ~ neck',
			'neck ~ hurts to bend',
			'chin to chest'
		],
		signal: 'mention'
	},
	photophobia: {
		phrases: [
			'light ~ hurt* ~ eye*',
			'sensitive to light',
			'light sensitiv*',
			'photophob*',
			'bright light* ~ hurt*',
			'light ~ bother*',
			'hurts to look at ~ light*',
			'light ~ painful'
		],
		signal: 'positive'
	},
	confusion: {
		phrases: [
			'confusion',
			'disorient*',
			'delirious',
			'delirium',
			'not make* sense',
			'not making sense',
			'does not know where',
			'not know where ~ is|am|are|was',
			'not know what day',
			'not know ~ what|which ~ year|day|month|date|time',
			'wandering ~ around|off|confused|lost',
			'got lost ~ home|house|street',
			'does not know who',
			'not recogniz*',
			'out of it',
			'acting ~ strange*|weird*|funny|odd|differently|off|drunk|crazy|confused',
			'not ~ himself|herself|themself|themselves|myself',
			'altered',
			'not acting right',
			'not with it',
			'talking nonsense',
			'nonsense',
			'mixed up',
			'spaced out',
			'very drowsy',
			'confused ~ and|shaky|sweaty|drowsy|sleepy|dizzy|weak|disoriented|slurring|making|cannot|can',
			'hallucinat*',
			`is|are|was|were|seems|seem|seemed|very|really|so|more|gets|getting|got|became|becoming|been|acting|looks|looked|sounds|hes|shes|feel|feeling|felt|suddenly|totally|extremely|and|bit|kinda|${FAMILY} confused`
		],
		signal: 'mention'
	},
	lethargy: {
		phrases: [
			'letharg*',
			'floppy',
			'limp',
			'listless',
			'sleepier',
			'very sleepy',
			'so sleepy',
			'really sleepy',
			'more sleepy',
			'too sleepy',
			'drowsy',
			'drowsier',
			'hard to wake',
			'will not wake',
			'not waking',
			'no energy',
			'not acting right',
			'unresponsive',
			'sluggish',
			'barely moving',
			'not moving much',
			'sleeping all day',
			'keeps falling asleep',
			'can not stay awake',
			'passed out'
		],
		signal: 'mention'
	},
	vision_loss: {
		phrases: [
			'can not see',
			'lost ~ vision|sight',
			'vision ~ gone|went|black|dark|loss|lost|disappear*',
			'went blind',
			'going blind',
			'blind ~ eye|suddenly',
			'curtain',
			'sudden* ~ blind*',
			'half ~ vision',
			'cannot see',
			'blacked out vision',
			'can not see out of'
		],
		signal: 'mention'
	},
	vision_change: {
		phrases: [
			'blurr*',
			'seeing ~ spots|stars|sparkl*|flash*|lights|double|things',
			'spots ~ vision|eyes',
			'double vision',
			'seeing double',
			'vision ~ blurry|blurred|weird|funny|off|strange|fuzzy|changed|wavy|dim',
			'floater*',
			'flash* ~ eye*|vision',
			'flashes of light',
			'flashing lights',
			'zigzag*',
			'tunnel vision',
			'sparkl*',
			'shadow',
			'spots in ~ vision',
			'sparkly'
		],
		anyOf: ['vision_loss'],
		signal: 'positive'
	},
	retinal: {
		phrases: [
			'floater*',
			'flash* ~ eye*|vision',
			'flashes of light',
			'flashing lights',
			'seeing flash*',
			'shadow',
			'curtain',
			'cobweb*',
			'veil'
		],
		signal: 'mention'
	},

	limb_deficit: { near: [{ of: ['focal_deficit', 'limb'], within: 5 }] },
	focal_neuro: {
		near: [
			{ of: ['strong_deficit', 'limb'], within: 5 },
			{ of: ['strong_deficit', 'limb', 'side'], within: 7 },
			{ of: ['weak_numb', 'limb', 'side'], within: 5 }
		],
		signal: 'mention'
	},

	/* ---------- head injury and injuries ---------- */
	injury_mech: {
		phrases: [
			'hit',
			'hits',
			'bump*',
			'bang*',
			'knock*',
			'smack*',
			'struck',
			'whack*',
			'fell',
			'fall',
			'slipped',
			'tripped',
			'crash*',
			'accident',
			'collision',
			'punched',
			'kicked',
			'assault*',
			'thrown',
			'landed',
			'concuss*',
			'injur*',
			'trauma',
			'hitting'
		]
	},
	clear_fluid: { phrases: ['clear fluid', 'fluid ~ from ~ nose|ear', 'leaking ~ from ~ nose|ear'], signal: 'mention' },
	head_injury: {
		phrases: [
			'concussion',
			'head injury',
			'head trauma',
			'hit ~ head',
			'bump* ~ head',
			'bang* ~ head',
			'head ~ hit|bang*|bump*|smack*|knock*|whack*'
		],
		near: [{ of: ['head', 'injury_mech'], within: 6 }],
		signal: 'mention'
	},
	anticoagulant: {
		phrases: [
			'eliquis',
			'apixaban',
			'xarelto',
			'rivaroxaban',
			'warfarin',
			'coumadin',
			'jantoven',
			'pradaxa',
			'dabigatran',
			'savaysa',
			'edoxaban',
			'lovenox',
			'enoxaparin',
			'heparin',
			'blood thinner*',
			'blood thinning',
			'anticoag*',
			'plavix',
			'clopidogrel',
			'brilinta',
			'ticagrelor',
			'effient',
			'prasugrel',
			'thinners',
			'warf*',
			'coumad*',
			'eliq*',
			'elequis',
			'xarel*',
			'zarel*',
			'xeralto',
			'apix*',
			'rivarox*',
			'plavi*',
			'blood thin*'
		]
	},
	bleeding: {
		phrases: [
			'bleed*',
			'bled',
			'nosebleed*',
			'nose ~ bleed*',
			'spotting',
			'hemorrhag*',
			'haemorrhag*',
			'blood ~ pad|pads|underwear|panties|toilet|tissue|sheets|everywhere|bowl',
			'clots',
			'passing clots',
			'covered in blood',
			'gushing blood',
			'lots of blood',
			'bloody',
			'blood clots',
			'heavy period*',
			'period* ~ heavy',
			'flooding',
			'pad* ~ every ~ hour*|minutes',
			'soak* ~ pad*|tampon*|underwear|sheets'
		],
		signal: 'positive'
	},
	uncontrolled_bleeding: {
		phrases: [
			'will not stop bleeding',
			'bleeding ~ will not stop',
			'not stop* ~ bleed*',
			'can not stop ~ bleed*',
			'bleed* ~ not stop*',
			'keeps bleeding',
			'still bleeding ~ after|through',
			'soaked ~ through',
			'soaking through',
			'spurt*',
			'gush*',
			'pouring ~ blood',
			'blood ~ pouring',
			'blood everywhere',
			'bleeding ~ through ~ towel*|bandage*|gauze',
			'bleeding heavily',
			'heavy bleeding',
			'bleeding ~ a lot',
			'lots of blood',
			'so much blood',
			'squirting',
			'pulsing',
			'bleeding profusely',
			'blood ~ will not stop',
			'nosebleed*|nose ~ not ~ stop*',
			'nosebleed*|bleed*|bleeding ~ for|over|than ~ 20|30|40|45|an|1|2 ~ minutes|hour*'
		],
		signal: 'mention'
	},
	large_blood: {
		phrases: [
			'lots of blood',
			'a lot of blood',
			'so much blood',
			'all red',
			'full of blood',
			'pool of blood',
			'soaked',
			'soaking',
			'clots',
			'filled ~ blood',
			'cup* of blood',
			'tons of blood',
			'gushing',
			'pouring',
			'heavy bleed*',
			'bleeding heavily',
			'big clots',
			'bowl ~ red',
			'toilet ~ turned|went|all|full ~ red',
			'toilet water ~ red',
			'blood everywhere',
			'large amount',
			'pad* ~ every ~ hour*|minutes',
			'changing ~ pad*|tampon* ~ every',
			'through ~ pad*|tampon*',
			'flooding',
			'a lot of bleeding',
			'bunch of blood',
			'lot|lots|loads|tons|heaps of it',
			'so much of it'
		],
		signal: 'mention'
	},
	wound: {
		phrases: [
			'cut',
			'cuts',
			'gash*',
			'lacerat*',
			'sliced',
			'stab wound',
			'puncture*',
			'wound',
			'stitches',
			'laceration'
		],
		signal: 'positive'
	},
	deep_wound: {
		phrases: [
			'deep cut',
			'deep gash',
			'gaping',
			'wide open',
			'see ~ bone|fat|tendon',
			'need* stitches',
			'to the bone',
			'very deep',
			'really deep',
			'pretty deep',
			'split open'
		],
		signal: 'mention'
	},
	amputation: {
		phrases: ['cut off ~ finger*|toe*|tip', 'amputat*', 'severed', 'chopped off', 'sliced off'],
		signal: 'mention'
	},
	fracture_word: {
		phrases: [
			'broke my|his|her|their|a|the|both',
			'broken',
			'fractur*',
			'snapped',
			'cracked',
			'dislocat*',
			'popped out'
		]
	},
	fracture: {
		phrases: [
			'fractur*',
			'broken bone',
			'dislocat*',
			'heard ~ pop|crack|snap',
			'deform*',
			'bent ~ wrong|weird|funny|strange',
			'out of place',
			'wrong angle',
			'pointing ~ wrong',
			'leg ~ shorter',
			'leg ~ turned|rolled|twisted|sticking ~ out|outward|outwards|sideways',
			'shorter than ~ other',
			'foot ~ turned|pointing|flopped ~ out|outward*|sideways'
		],
		near: [{ of: ['fracture_word', 'bone_site'], within: 4 }],
		signal: 'mention'
	},
	open_fracture: {
		phrases: ['bone ~ sticking out', 'bone ~ through ~ skin', 'see ~ bone', 'bone ~ poking'],
		signal: 'mention'
	},
	cant_bear_weight: {
		phrases: [
			'can not ~ bear weight',
			'can not ~ put ~ weight',
			'can not ~ walk on',
			'can not ~ stand on',
			'unable to ~ walk|stand|bear',
			'can not walk',
			'can not stand up'
		],
		signal: 'mention'
	},
	burn: {
		phrases: [
			'burned ~ hand|arm|leg|face|chest|skin|finger*|foot|back|neck|myself|himself|herself',
			'burnt ~ hand|arm|leg|face|chest|skin|finger*|foot|myself',
			'scald*',
			'burn ~ blister*',
			'blister* ~ burn',
			'grease burn',
			'oil burn',
			'boiling water',
			'chemical burn',
			'bad burn'
		],
		signal: 'positive'
	},
	burn_severe: {
		phrases: [
			'electrocut*',
			'electric* shock',
			'chemical burn',
			'burn* ~ face',
			'face ~ burn*',
			'smoke inhal*',
			'breathed in smoke',
			'house fire',
			'burned ~ all over',
			'large burn',
			'charred',
			'leathery',
			'white ~ burn',
			'burn ~ white',
			'burn* ~ whole ~ arm|leg|back|chest',
			'skin ~ peeling|coming|came|falling|fell|sliding|hanging ~ off',
			'whole ~ arm|leg|hand|back|chest|face|foot|belly|tummy ~ blister*',
			'blister* ~ all over|whole|everywhere',
			'boiling|hot ~ water|oil|tea|coffee|soup|kettle ~ all over',
			'boiling|hot ~ water|oil|tea|coffee|soup|kettle ~ on ~ baby|toddler|child|kid|son|daughter|face|chest'
		],
		signal: 'mention'
	},
	animal: {
		phrases: [
			'dog',
			'cat',
			'animal',
			'bat',
			'raccoon',
			'fox',
			'rat',
			'squirrel',
			'monkey',
			'human',
			'horse',
			'skunk',
			'coyote',
			'pitbull',
			'stray'
		]
	},
	bite_word: {
		phrases: ['bit by', 'bit me', 'bit him|her|my|his|our|them', 'bite*', 'bitten', 'got bit', 'was bit', 'been bit']
	},
	animal_bite: { near: [{ of: ['bite_word', 'animal'], within: 5 }], signal: 'mention' },
	snake_bite: {
		phrases: ['snake ~ bit*', 'bit* ~ snake', 'rattlesnake', 'copperhead', 'snakebite', 'snake bite'],
		signal: 'mention'
	},
	fall: {
		phrases: [
			'fell',
			'falls',
			'had a fall',
			'a fall',
			'fall down',
			'falling down',
			'fell over',
			'falling over',
			'keep falling',
			'slipped',
			'tripped',
			'took a tumble',
			'tumbled',
			'hit the floor',
			'on the floor',
			'can not get up',
			'found ~ on the floor',
			'lost ~ balance'
		],
		signal: 'positive'
	},
	penetrating: {
		phrases: [
			'been shot',
			'got shot',
			'was shot',
			'gunshot',
			'shot me',
			'shot ~ him|her|them',
			'stabbed',
			'stab wound',
			'impaled'
		],
		signal: 'mention'
	},
	major_trauma: {
		phrases: [
			'car accident',
			'car crash',
			'motorcycle',
			'hit by a car',
			'fell from ~ ladder|roof|height|tree',
			'fell off ~ ladder|roof',
			'fell down ~ stairs',
			'rollover',
			'high speed',
			'wreck'
		],
		signal: 'mention'
	},

	/* ---------- GI ---------- */
	abd_pain: {
		phrases: [
			'stomach ache',
			'belly ache',
			'tummy ache',
			'abdominal pain',
			'stomach cramps',
			'gut pain',
			'abdominal cramp*'
		],
		near: [{ of: ['abdomen', 'pain'], within: 6 }],
		signal: 'positive'
	},
	blood_stool: {
		phrases: [
			'blood ~5 (stool|poop|bm|bowel movement*|toilet|feces|faeces|bottom|butt|rectum|diarrhea|wipe|wiping|toilet paper|tp|pooping|bum)',
			'stool|stools|poop|bm|diarrhea ~ black|tar|tarry|maroon|bloody|red|blood',
			'bowel movement* ~ black|tar|tarry|maroon|bloody|red|blood',
			'like tar',
			'tar like',
			'red ~ in|on ~ toilet|bowl|paper|tissue|tp',
			'mixed with blood',
			'blood mixed',
			'bloody ~ stool|poop|diarrhea|bm|bowel*',
			'poop* ~ blood',
			'pooping blood',
			'shitting blood',
			'shit* ~ blood',
			'rectal bleed*',
			'bleed* from ~ (bottom|butt|rectum|back passage|anus|bum)',
			'stool ~ blood*',
			'black ~ (stool|poop|bm|tarry|bowel movement*)',
			'tarry',
			'melena',
			'maroon ~ stool|poop',
			'red ~ stool|poop',
			'passing blood',
			'blood when i ~ poop|go',
			'blood in ~ diaper',
			'toilet ~ red',
			'bowl ~ red',
			'diarrhea ~ blood',
			'blood ~ paper|bowl|toilet',
			'red blood ~ (paper|bowl|toilet|after going)',
			'blood after ~ going|poop*|bowel*',
			'blood after ~5 bathroom|toilet',
			'blood ~ when i ~ go|poop|wipe',
			'blood ~ coming out ~ bottom|bum|butt|behind|when'
		],
		signal: 'mention'
	},
	blood_trace: {
		phrases: [
			'streak* of blood',
			'blood streak*',
			'bloody streak*',
			'red streak*',
			'speck* of blood',
			'fleck* of blood',
			'bit of blood',
			'spot* of blood',
			'blood in it',
			'some blood',
			'little blood'
		]
	},
	vomit_blood: {
		phrases: [
			'vomit* ~ blood',
			'throw* up ~ blood',
			'threw up ~ blood',
			'puk* ~ blood',
			'coffee ground*',
			'blood ~ (vomit*|puke|throw up|threw up)',
			'hematemesis',
			'bloody vomit',
			'vomit* ~ red',
			'throwing up ~ red'
		],
		near: [{ of: ['vomit', 'blood_trace'], within: 14 }],
		signal: 'mention'
	},
	rigid_abdomen: {
		phrases: [
			'rigid',
			'hard as a board',
			'board like',
			'belly ~ hard|rock',
			'stomach ~ hard|rock',
			'abdomen ~ hard|rigid',
			'can not ~ stand up straight',
			'doubled over'
		],
		signal: 'mention'
	},
	peritonism: {
		phrases: [
			'hurts to walk',
			'bumps',
			'every bump',
			'jarring',
			'hurts to move',
			'hurts to cough',
			'worse when ~ walk*|move|moving',
			'walking|moving|coughing|bumps|jumping|step ~ makes|make ~ worse',
			'can not ~ stand up straight',
			'lie still'
		],
		signal: 'positive'
	},
	rlq_pain: { phrases: ['appendicitis', 'appendix'], near: [{ of: ['rlq', 'pain'], within: 8 }], signal: 'mention' },
	no_appetite: {
		phrases: ['no appetite', 'not hungry', 'lost ~ appetite', 'loss of appetite', 'do not want to eat', 'can not eat'],
		signal: 'positive'
	},
	diarrhea: {
		phrases: ['diarrhea', 'runs', 'loose stool*', 'watery stool*', 'the runs', 'liquid poop', 'loose bowel*'],
		signal: 'positive'
	},

	/* ---------- fever, infection ---------- */
	fever_word: {
		phrases: [
			'fever*',
			'feverish',
			'febrile',
			'burning up',
			'high temp*',
			'running a temp*',
			'feel* hot',
			'felt hot',
			'hot to ~ touch',
			'temperature of',
			'has a temp*',
			'had a temp*',
			'spiking',
			'temp ~ high',
			'hot and cold',
			'hot then cold',
			'burning hot',
			'chills and sweats'
		],
		signal: 'positive'
	},
	fever: { anyOf: ['fever_word', 'temp_fever'] },
	high_fever: { phrases: ['very high fever', 'really high fever', 'high fever'], anyOf: ['temp_high_fever'] },
	rigors: { phrases: ['shak*', 'shiver*', 'rigors', 'chills', 'teeth chattering', 'chattering'], signal: 'positive' },
	fast_breathing: {
		phrases: [
			'breathing ~ fast|rapid|quick|deep',
			'fast breathing',
			'rapid breathing',
			'panting',
			'breathing really hard'
		],
		signal: 'mention'
	},
	mottled: {
		phrases: [
			'mottled',
			'blotchy ~ skin',
			'skin ~ blotchy|patchy|purple|blue|grey|gray|ashen|mottled|marbled',
			'blotchy',
			'skin ~ grey|gray|blue|ashen|mottled',
			'cold and clammy',
			'cold ~ hands ~ feet',
			'looks grey|gray'
		],
		signal: 'mention'
	},
	non_blanching: {
		phrases: [
			'purple ~ dot*|spot*|rash|blotch*|mark*|patch*|specks',
			'rash ~ not fade',
			'spot* ~ not fade',
			'not fade ~ glass',
			'glass test',
			'pinpoint ~ dot*|spot*',
			'petechi*',
			'purpur*',
			'tiny ~ red ~ dot*|spot*',
			'rash ~ not ~ go away ~ press*',
			'dark red ~ spot*|dot*',
			'rash ~ like bruis*',
			'does not blanch',
			'not blanch*',
			'rash ~ not ~ fade',
			'not fading ~ press*'
		],
		signal: 'mention'
	},
	infection: {
		phrases: [
			'infection',
			'infected',
			'uti',
			'pneumonia',
			'cellulitis',
			'antibiotic*',
			'sepsis',
			'septic',
			'influenza',
			'have|has|had|got|caught|with covid',
			'tested positive',
			'covid ~ positive|symptoms|pneumonia',
			'positive ~ covid',
			'abscess',
			'pus'
		],
		signal: 'positive'
	},
	immunocompromised: {
		phrases: [
			'chemo*',
			'chemotherapy',
			'transplant',
			'neutropen*',
			'immunocompromised',
			'immunosuppress*',
			'on steroids',
			'cancer treatment'
		]
	},
	rash: {
		phrases: [
			'rash*',
			'hives',
			'welts',
			'spots',
			'blotch*',
			'itch*',
			'red ~ patch*',
			'breakout',
			'broke out',
			'bumps',
			'blister*'
		],
		signal: 'positive'
	},

	/* ---------- allergy ---------- */
	hives: {
		phrases: [
			'hives',
			'welts',
			'urticaria',
			'itchy ~ bumps|welts|rash|spots',
			'raised ~ bumps|welts',
			'rash ~ all over',
			'itching all over',
			'itchy all over'
		],
		signal: 'positive'
	},
	airway_swelling: {
		phrases: [
			'throat ~ (clos*|tight*|closing up)',
			'throat swelling|swollen|swelled',
			'throat ~ is|feels|feel|getting|seems|looks|gets|got|has|was|keeps ~2 swell*|swollen',
			'throat is closing',
			'tongue ~ thick|swell*|swollen|huge|big',
			'lips ~ huge|swollen|swell*|big|puffy',
			'voice ~ hoarse|weird|changed|different|strange|funny|raspy',
			'drool*',
			'used|use|using|gave|give|giving|needed|jabbed|injected|stabbed ~ epi pen',
			'used|use|using|gave|give|giving|needed|jabbed|injected|stabbed ~ epinephrine|adrenaline',
			'epi pen ~ used|given|jabbed|injected|working|did',
			'epinephrine|adrenaline ~ used|given|jabbed|injected|working|did',
			'anaphyla*',
			'swollen ~ lips|tongue|throat',
			'swelling ~ lips|tongue|throat|mouth',
			'can not swallow ~ spit|saliva'
		],
		near: [{ of: ['swelling', 'airway_part'], within: 4 }],
		signal: 'mention'
	},
	face_swelling: { near: [{ of: ['swelling', 'face'], within: 4 }], signal: 'positive' },
	drug_started: {
		phrases: [
			'started ~ amoxicillin|antibiotic*|penicillin|augmentin|med|meds|medication|medicine|pill*|taking|cephalexin|keflex|bactrim|sulfa',
			'new ~ medication|medicine|med|meds|pill*|prescription',
			'since taking',
			'after taking',
			'amoxicillin',
			'penicillin',
			'augmentin',
			'antibiotic*',
			'cephalexin',
			'keflex',
			'bactrim',
			'doxycycline',
			'cipro',
			'reaction to',
			'allergic reaction',
			'drug reaction'
		]
	},
	allergen: {
		// A new or started drug is an allergen exposure too.
		anyOf: ['drug_started'],
		phrases: ['allerg*', 'peanut*', 'shellfish', 'shrimp', 'bee', 'wasp', 'sting*', 'stung', 'ate', 'eating']
	},
	cant_swallow: {
		phrases: ['can not swallow', 'can not ~ swallow', 'trouble swallowing', 'hard to swallow', 'difficulty swallowing'],
		signal: 'mention'
	},

	/* ---------- obstetric ---------- */
	pregnant: {
		phrases: [
			'pregnan*',
			'expecting ~ baby',
			'trimester',
			'positive ~ pregnancy test',
			'positive ~ test',
			'baby bump',
			'weeks along',
			'weeks pg',
			'with child'
		],
		signal: 'positive'
	},
	late_period: {
		phrases: [
			'late period',
			'period ~ late',
			'missed ~ period',
			'miss* ~ period',
			'no period',
			'not had ~ period',
			'not gotten ~ period',
			'period is late',
			'skipped ~ period',
			'might be pregnant',
			'could be pregnant',
			'may be pregnant',
			'maybe pregnant',
			'possibly pregnant',
			'think ~ pregnant',
			'not sure ~ pregnant',
			'period ~ overdue',
			'overdue'
		],
		signal: 'positive'
	},
	fetal_movement: {
		phrases: [
			'baby ~ not moving',
			'baby ~ not kicking',
			'not moved ~ much|today|since|all day',
			'baby ~ not moved',
			'not felt ~ kick*',
			'not ~ kicking',
			'baby ~ moving less',
			'less movement',
			'not felt ~ baby',
			'not feel* ~ baby',
			'baby ~ stopped moving',
			'no movement',
			'decreased movement',
			'reduced movement',
			'baby ~ quiet*',
			'fewer kicks',
			'no kicks'
		],
		signal: 'mention'
	},
	fetal_movement_absent: {
		phrases: [
			'not moved ~ all|since|hours',
			'not moving ~ all|since',
			'baby ~ stopped ~ moving|kicking',
			'no ~ movement*|kicks|kicking ~ all|since|today',
			'not felt ~ baby|kick*|movement* ~ since|all|today',
			'not felt ~ anything',
			'not felt any ~ movement*|kick*',
			'can not feel ~ baby ~ all|anymore|since',
			'not kicked ~ all|since',
			'not felt ~ baby ~ move ~ since|all|today'
		],
		signal: 'mention'
	},
	labour: {
		phrases: [
			'water broke',
			'waters broke',
			'water ~ broken',
			'leaking fluid',
			'gush of fluid',
			'contraction*',
			'labor',
			'labour'
		],
		signal: 'positive'
	},
	postpartum: {
		phrases: [
			'gave birth',
			'postpartum',
			'post partum',
			'had ~ baby ~ ago',
			'delivered ~ ago',
			'just had a baby',
			'c section',
			'after ~ birth',
			'since ~ birth'
		]
	},
	pelvic_side_pain: { near: [{ of: ['pain', 'lower_side'], within: 6 }], signal: 'positive' },
	shoulder_pain: {
		phrases: ['shoulder tip pain'],
		near: [{ of: ['shoulder', 'pain'], within: 4 }],
		signal: 'positive'
	},
	hand_face_swelling: {
		phrases: [
			'puffy ~ face|hands',
			'face ~ puffy|swollen',
			'hands ~ puffy|swollen',
			'rings ~ (tight|not fit)',
			'swollen ~ face|hands|feet|ankles'
		],
		near: [{ of: ['swelling', 'hands_face'], within: 4 }],
		signal: 'positive'
	},

	/* ---------- paediatric, hydration ---------- */
	poor_feeding: {
		phrases: [
			'not eating',
			'not feeding',
			'not drinking',
			'will not eat',
			'will not drink',
			'will not feed',
			'refus* ~ bottle|feed*|breast|eat|drink|food|fluids',
			'not taking ~ bottle|feeds|breast|formula',
			'feeding poorly',
			'poor feeding',
			'eating less',
			'drinking less',
			'not nursing',
			'will not nurse',
			'not interested in ~ food|eating|feeding|bottle',
			'not eating ~ much',
			'hardly|barely ~ drinking|eating|feeding',
			'not drinking ~ much',
			'only ~ sips',
			'little sips'
		],
		signal: 'positive'
	},
	dehydration: {
		phrases: [
			'dehydrat*',
			'no wet diaper*',
			'dry diaper*',
			'not ~ wet ~ diaper*',
			'fewer ~ diaper*',
			'pee* ~ less',
			'less pee',
			'barely pee*',
			'not peeing',
			'not peed',
			'have not peed',
			'no pee',
			'hardly peeing',
			'dark ~ pee|urine',
			'sunken',
			'no tears',
			'can not keep ~ down',
			'can not ~ keep ~ down',
			'can not stop ~ (vomit*|throwing up|puking|being sick|throw up)',
			'vomit* ~ (all day|all night|nonstop|for days)',
			'throwing up ~ (all day|all night|nonstop|for days)',
			'can not keep ~ anything|water|fluids|liquids',
			'not keeping ~ down',
			'will not keep ~ down',
			'throwing up everything',
			'vomiting everything',
			'very thirsty',
			'extremely thirsty',
			'not urinat*',
			'urinating less',
			'peeing ~ less',
			'no urine',
			'not wet',
			'only|just one|1|two|2 ~ wet',
			'wet diaper*|nappy|nappies ~ only|since',
			'no wet ~ nappy|nappies',
			'dry nappy|nappies',
			'hardly ~ peeing|wet|urinating'
		],
		signal: 'mention'
	},
	green_vomit: {
		phrases: ['green vomit', 'vomit* ~ green', 'throw* up ~ green', 'bile', 'bilious'],
		signal: 'mention'
	},

	/* ---------- mental health ---------- */
	suicidal: {
		phrases: [
			'suicid*',
			'kill myself',
			'killing myself',
			'end my life',
			'end* ~ my life',
			'end* ~ my own life',
			'take my own life',
			'no point ~ living',
			'wish i could die',
			'thoughts of ~ dying|death',
			'want to disappear',
			'end it all',
			'ending it all',
			'take my ~ life',
			'want to die',
			'wanna die',
			'want to be dead',
			'better off dead',
			'better off without me',
			'do not want to be here',
			'do not want to live',
			'not want to be alive',
			'not want to wake up',
			'no reason to live',
			'not worth living',
			'wish i was dead',
			'wish i were dead',
			'wish ~6 not wake up',
			'sleep and ~ not wake up',
			'sleep and never wake up',
			'never wake up',
			'hurt myself',
			'hurting myself',
			'harm myself',
			'harming myself',
			'self harm*',
			'cut myself',
			'cutting myself',
			'cutting again',
			'pills lined up',
			'say* goodbye',
			'goodbye note',
			'suicide note',
			'nothing to live for',
			'can not go on',
			'want it ~ over',
			'hang myself',
			'shoot myself',
			'jump off',
			'overdose on purpose',
			'took ~ all ~ pills',
			'whole bottle',
			'kill me',
			'not be here anymore',
			'disappear forever',
			'unalive',
			'end things',
			'ending things',
			'life ~ not worth',
			'rather be dead',
			'rather not be alive',
			'plan to ~ end ~ it|things|life',
			'plan to ~ kill|die',
			'going|gonna|want|wanna|ready to end it',
			'end it ~ tonight|today|soon|now|all',
			'saving up ~ pill*|meds|tablets',
			'stockpil*',
			'hoard* ~ pill*|meds|tablets',
			'tired of ~ living|being alive|life',
			'done with ~ life|living',
			'everyone ~ better off ~ without me',
			'better ~ without me',
			'better ~ if i ~ gone|dead',
			'better ~ if i ~ not ~ here|around',
			'off myself',
			'want to sleep forever',
			'wish i ~ dead',
			'wish i ~ never ~ born',
			'wish i ~ never been born',
			'jump* ~5 train|bridge|building|roof|traffic|cliff|balcony',
			'jump* ~ in front of ~ car|bus|truck',
			'step|walk|walking|stepping ~ in front of ~ train|traffic|bus|car|truck',
			'step|walk|walking|stepping ~ into traffic',
			'noose',
			'rope ~ ready|tied|hang|myself',
			'gun ~ ready|loaded ~ myself',
			'gun ~ to end',
			'cut* ~ on purpose',
			'burn* myself ~ on purpose',
			'thinking|thought|thoughts|think ~ ending|end ~ it|things|life',
			'thinking|thought|thoughts|think ~ not being here',
			'scared ~ hurt|harm|kill ~ myself',
			'not see ~ point ~ anymore|any|living|life|going',
			'no point ~ anymore|any|anything|going',
			'giving up on ~ life|living',
			'wrote ~ goodbye|farewell ~ letter*|note*',
			'wrote ~ letter* ~ to|for ~ kids|children|family|everyone|wife|husband|parents'
		],
		signal: 'mention'
	},
	overdose: {
		phrases: [
			'overdos*',
			'took ~ whole bottle',
			'took ~ all ~ pills',
			'took too many',
			'took a bunch of',
			'took ~ whole|entire|full ~ bottle|pack|packet|box|strip',
			'swallowed|downed|popped ~ whole|entire|full|bunch|handful|lot',
			'handful of ~ pill*|tablet*|tylenol|advil|meds'
		],
		anyOf: ['pill_count_high'],
		signal: 'mention'
	},
	poisoning: {
		phrases: [
			'swallowed ~ pills|bottle|tablets',
			'got into ~ pill*|medicine*|medication*|meds|cabinet|cleaning|bleach|tablet*',
			'ate ~ pills|tablets|detergent|pod|pods',
			'poisoning',
			'poisoned',
			'poison control',
			'ingested',
			'drank|drunk|swallowed|ate|ingested|drinking ~5 (bleach|cleaner|antifreeze|chemical*|gasoline|lighter fluid|lamp oil|detergent|pod|battery|batteries|magnet*|rat poison|weed killer|pesticide|mouthwash)',
			'drain cleaner',
			'button battery'
		],
		signal: 'mention'
	},
	child_ingestion: {
		phrases: [
			'got into ~ gummies|vitamin*|edible*|weed|cannabis|marijuana|nicotine|vape|cigarette*|alcohol|vodka|wine|sink|laundry|dishwasher|purse|pill*|tablet*|medicine*|meds',
			'swallowed ~5 pill*|tablet*|capsule*|medicine*|meds|medication*|gummies|vitamin*|edible*|nicotine|vape|cigarette*|coin*|iron',
			'ate ~5 pill*|tablet*|capsule*|gummies|vitamin*|edible*|cigarette*|nicotine|weed',
			'chewed ~ pill*|tablet*|capsule*|pod|pods|battery|batteries|cigarette*',
			'drank ~5 vape|nicotine|liquid|alcohol|vodka|wine|beer|perfume|sanitizer'
		],
		signal: 'mention'
	},
	homicidal: {
		phrases: [
			'homicid*',
			'want to kill ~ him|her|them|someone|somebody|people|my',
			'going to kill ~ him|her|them|someone|somebody|people',
			'thoughts of killing',
			'hurt someone',
			'hurt ~ (other people|others)',
			'kill someone'
		],
		signal: 'mention'
	},
	psychosis: {
		phrases: [
			'hearing voices',
			'hear voices',
			'voices ~ telling',
			'seeing things',
			'people ~ (after me|following me|watching me|poison*)',
			'hallucinat*',
			'paranoi*',
			'cameras ~ watching',
			'reading my mind',
			'not real'
		],
		signal: 'mention'
	},
	command_voices: {
		phrases: ['voices ~ telling ~ to', 'voices ~ tell me to', 'told ~ by ~ voices'],
		signal: 'mention'
	},
	severe_distress: {
		phrases: [
			'can not function',
			'can not cope',
			'can not take it',
			'breaking down',
			'panic attack* ~ (every day|daily|constant*|nonstop|all day)',
			'losing my mind',
			'falling apart',
			'crisis',
			'can not stop crying',
			'crying all the time',
			'hopeless',
			'giving up on everything',
			'given up on everything',
			'cannot function',
			'cannot cope',
			'at my limit'
		],
		signal: 'mention'
	},
	mood: {
		phrases: [
			'depress*',
			'anxiety',
			'anxious',
			'panic*',
			'sad',
			'stress*',
			'worried',
			'worry',
			'lonely',
			'crying',
			'can not sleep',
			'insomnia',
			'trouble sleeping',
			'mood',
			'mental health',
			'therapy',
			'therapist',
			'counsel*',
			'unmotivated',
			'low mood',
			'grief',
			'down',
			'burnout',
			'burned out'
		],
		signal: 'positive'
	},
	withdrawal: {
		phrases: [
			'brain zaps',
			'withdrawal symptoms',
			'withdrawals',
			'going through withdrawal',
			'in withdrawal',
			'withdrawal from ~ alcohol|opioids|opiates|benzos|meds|medication|xanax|heroin|drinking|fentanyl',
			'detox*',
			'the shakes',
			'dts',
			'delirium tremens',
			'dope sick'
		],
		signal: 'mention'
	},
	ran_out: {
		phrases: [
			'ran out',
			'run out',
			'running out',
			'out of my',
			'none left',
			'have none',
			'no more ~ meds|medication|medicine|pills|insulin|inhaler',
			'can not afford ~ insulin|meds|medication|medicine',
			'will not cover',
			'not cover',
			'can not get ~ insulin|meds|refill|medication|medicine',
			'missed ~ doses',
			'stopped taking',
			'without my ~ meds|medication|insulin|medicine',
			'out of insulin',
			'rationing'
		],
		signal: 'positive'
	},
	critical_med: {
		phrases: [
			'insulin',
			'humalog',
			'novolog',
			'lantus',
			'levemir',
			'tresiba',
			'basaglar',
			'toujeo',
			'fiasp',
			'admelog',
			'lyumjev',
			'epi pen',
			'keppra',
			'levetiracetam',
			'seizure med*',
			'dilantin',
			'lamotrigine',
			'lamictal',
			'depakote',
			'tacrolimus',
			'transplant',
			'hydrocortisone',
			'anti rejection',
			'venlafaxine',
			'effexor',
			'paroxetine',
			'paxil',
			'clonazepam',
			'klonopin',
			'xanax',
			'alprazolam',
			'methadone',
			'suboxone',
			'baclofen'
		]
	},

	/* ---------- urology ---------- */
	retention: {
		phrases: [
			'can not pee',
			'can not urinate',
			'unable to ~ pee|urinate',
			'not ~ able to ~ pee|urinate',
			'have not ~ peed|urinated',
			'can not empty ~ bladder',
			'nothing comes out',
			'can not go pee',
			'not pee* ~ (since|in|all day)',
			'urinary retention',
			'bladder ~ full ~ can not'
		],
		signal: 'mention'
	},
	incontinence: {
		phrases: [
			'can not control ~ bladder|bowel*|pee|poop',
			'wet myself',
			'peed myself',
			'pooped myself',
			'incontinen*',
			'lost control of ~ bladder|bowel*',
			'accident* ~ pants'
		],
		signal: 'mention'
	},
	dysuria: {
		phrases: [
			'burn* ~ pee|peeing|urinat*|urine',
			'sting* ~ pee|peeing|urinat*',
			'pee* ~ burn*|hurt*|sting*|painful',
			'urinat* ~ burn*|hurt*|sting*|painful',
			'hurts to pee',
			'pain* ~ pee|peeing|urinat*',
			'painful urination',
			'uti',
			'bladder infection',
			'urinary tract infection',
			'going every',
			'pee* ~ lot|often|constantly|every',
			'frequent urination',
			'urgency',
			'pee ~ smell*',
			'cloudy ~ pee|urine'
		],
		signal: 'positive'
	},
	hematuria: {
		phrases: [
			'blood ~ urine|pee',
			'bloody ~ urine|pee',
			'pee* ~ blood',
			'pink pee',
			'red pee',
			'urine ~ red|pink|bloody|brown',
			'pee ~ red|pink'
		],
		signal: 'mention'
	},
	flank_pain: {
		phrases: ['kidney stone*', 'kidney pain'],
		near: [{ of: ['flank', 'pain'], within: 6 }],
		signal: 'positive'
	},
	back_pain: { phrases: ['backache', 'sciatica'], near: [{ of: ['back', 'pain'], within: 5 }], signal: 'positive' },
	testicular_pain: {
		near: [
			{ of: ['testicle', 'pain'], within: 6 },
			{ of: ['testicle', 'swelling'], within: 6 }
		],
		signal: 'mention'
	},
	saddle_numbness: { near: [{ of: ['saddle', 'focal_deficit'], within: 6 }], signal: 'mention' },

	/* ---------- eye ---------- */
	eye_chemical: {
		phrases: [
			'chemical* ~ eye*',
			'eye* ~ chemical*',
			'bleach ~ eye*',
			'cleaner ~ eye*',
			'acid ~ eye*',
			'splash* ~ eye*',
			'sprayed ~ eye*',
			'pepper spray',
			'in my eye* ~ bleach|chemical*|cleaner|acid'
		],
		signal: 'mention'
	},
	eye_injury: {
		phrases: [
			'poked ~ eye*',
			'scratch* ~ eye*',
			'something in ~ eye*',
			'metal ~ eye*',
			'glass ~ eye*',
			'eye ~ injur*|hit|struck|scratched'
		],
		signal: 'mention'
	},
	eye_pain: { near: [{ of: ['eye', 'pain'], within: 5 }], signal: 'positive' },

	/* ---------- diabetes ---------- */
	diabetes: {
		phrases: [
			'diabet*',
			'type 1',
			'type one',
			't1d',
			'type 2',
			'insulin',
			'metformin',
			'glipizide',
			'glyburide',
			'sugar*',
			'glucose'
		]
	},
	type1: { phrases: ['type 1', 'type one', 't1d', 'type i', 'juvenile diabetes', 'insulin pump', 't1'] },
	dka: { phrases: ['fruity', 'ketone*', 'ketoacidosis', 'dka', 'acetone', 'smells sweet'], signal: 'mention' },
	glucose_hi_text: {
		phrases: [
			'meter ~ hi',
			'says hi',
			'reads hi',
			'reading ~ hi',
			'sugar ~ through the roof',
			'sugar ~ high',
			'sugars ~ high',
			'high blood sugar*',
			'high sugars',
			'high glucose',
			'glucose ~ high',
			'hyperglyc*',
			'sugar* ~ over ~ 300|400|500|600'
		],
		anyOf: ['glucose_high'],
		signal: 'mention'
	},
	glucose_lo_text: {
		phrases: [
			'sugar ~ low',
			'sugars ~ low',
			'low blood sugar*',
			'low sugars',
			'low glucose',
			'glucose ~ low',
			'sugar|sugars ~ dropping|dropped|drops|crash*|tank*|plummet*|falling',
			'hypo',
			'hypos',
			'hypoglyc*',
			'went low',
			'going low',
			'keep going low',
			'getting|having|keep|keeps|kept|frequent|recurrent lows',
			'lows ~ night|overnight|the',
			'night|nighttime|overnight ~ lows',
			'low ~ night|overnight ~ sugar*',
			'crashing ~ night|overnight'
		],
		anyOf: ['glucose_low'],
		signal: 'mention'
	},

	/* ---------- circulation ---------- */
	leg_swelling: {
		phrases: ['swollen ~ calf|leg|calves', 'calf ~ swollen|swelling|swell*'],
		near: [{ of: ['calf', 'swelling'], within: 5 }],
		signal: 'mention'
	},
	calf_pain: { near: [{ of: ['calf', 'pain'], within: 5 }], signal: 'positive' },
	weakness: { phrases: ['weak*', 'no energy', 'can not get up', 'wiped out', 'no strength'], signal: 'positive' },
	dvt_risk: {
		phrases: [
			'flew',
			'flight',
			'plane',
			'long drive',
			'drove ~ hour*|hrs',
			'road trip',
			'long car ride',
			'surgery',
			'operation',
			'birth control',
			'the pill',
			'estrogen',
			'hrt',
			'hormone*',
			'contraceptive*',
			'cast',
			'bed rest',
			'postpartum',
			'gave birth',
			'cancer',
			'chemo*',
			'blood clot*',
			'dvt',
			'clot',
			'clots',
			'clotting',
			'immobil*',
			'bedridden',
			'hospital stay',
			'long haul',
			'pulmonary embol*',
			'travel*'
		]
	},
	severe_pain: {
		phrases: [
			'excruciating',
			'unbearable',
			'worst pain',
			'agony',
			'agonizing',
			'crying in pain',
			'screaming in pain',
			'doubled over',
			'10 out of 10'
		],
		near: [{ of: ['severe', 'pain'], within: 4 }],
		signal: 'mention'
	},
	bp_very_high_any: {
		phrases: ['blood pressure ~ through the roof', 'bp ~ through the roof', 'hypertensive crisis'],
		anyOf: ['bp_very_high'],
		signal: 'mention'
	},

	/* ---------- medications ---------- */
	double_dose: {
		phrases: [
			'took ~ twice',
			'took ~ double',
			'double dose*',
			'doubled ~ dose',
			'two doses',
			'2 doses',
			'extra dose',
			'extra pill*',
			'accidentally took',
			'took ~ by mistake|accident',
			'wrong ~ pill*|med|meds|medication|dose|medicine',
			'took ~ someone else*',
			'took ~ husband|wife|mom|mum|mother|dad|father|partner|son|daughter|roommate ~ pill*|med|meds|medicine|medication|tablet*',
			'took ~ 2 ~ instead',
			'took it twice',
			'already took',
			'already taken',
			'took ~ extra',
			'gave ~5 twice|double|doses|extra|much',
			'twice by accident',
			'accident|mistake|accidentally ~ gave|given|double|twice',
			'gave ~ double',
			'gave ~ too much',
			'another ~ by mistake|accident',
			'extra ~ by mistake|accident',
			'pill* ~ by mistake|accident',
			'dose ~ by mistake|accident',
			'twice by mistake',
			'gave ~ another ~ dose|pill|one',
			'given ~ twice',
			'given ~ double',
			'double dosed',
			'dosed twice',
			'too much ~ insulin|medicine|medication'
		],
		signal: 'mention'
	},

	/* ---------- patterns from independent (holdout-style) vignettes ---------- */
	ataxia: {
		phrases: [
			'can not walk straight',
			'walking like ~ drunk',
			'stagger*',
			'veer*',
			'falling to ~ side|left|right',
			'lost ~ coordination',
			'no coordination',
			'uncoordinated',
			'can not balance',
			'can not keep ~ balance',
			'can not stand up straight',
			'keep* ~ falling to'
		],
		signal: 'mention'
	},
	double_vision: {
		phrases: ['double vision', 'seeing double', 'seeing ~ two of', 'everything ~ double'],
		signal: 'mention'
	},
	oliguria: {
		phrases: [
			'not peed ~ all|since|today|in|for',
			'not passed ~ urine|water',
			'not urinated',
			'barely|hardly ~ peeing|peed|pee',
			'no pee',
			'not peeing',
			'stopped peeing'
		],
		signal: 'mention'
	},
	doom: {
		phrases: [
			'feel* like ~ dying|die',
			'think ~ dying',
			'sense of doom',
			'impending doom',
			'something ~ really|very|terribly wrong'
		],
		signal: 'mention'
	},
	atypical_site: { phrases: ['jaw', 'left arm', 'left shoulder'] },
	atypical_cardiac: {
		phrases: [
			'heartburn',
			'heart burn',
			'indigestion',
			'epigastric',
			'acid reflux',
			'upper ~ stomach|belly|abdomen|abdominal|tummy',
			'pit of ~ stomach',
			'between ~ shoulder blade*',
			'jaw ~ tight*',
			'left arm ~ heavy|numb|tingl*'
		],
		near: [{ of: ['atypical_site', 'pain'], within: 4 }],
		signal: 'positive'
	},
	persistent: {
		phrases: [
			'will not go away',
			'not going away',
			'not gone away',
			'not easing',
			'not letting up',
			'not let up',
			'since this morning',
			'for hours',
			'hours now',
			'all morning',
			'going on ~ hour*',
			'for 1|2|3|4|5|6|an|several hour*',
			'for a few|couple ~ hour*',
			'over|than an|half|20|30 ~ hour|minutes'
		]
	},
	co_named: {
		phrases: [
			'carbon monoxide',
			'co ~ alarm|detector ~ going|went|beeping|goes|off',
			'alarm|detector ~ carbon monoxide',
			'co poisoning'
		],
		signal: 'mention'
	},
	co_source: {
		phrases: [
			'furnace',
			'boiler',
			'heater',
			'generator',
			'exhaust fumes',
			'car ~ running ~ garage',
			'gas leak',
			'smell* ~ gas',
			'gas ~ smell*',
			'wood stove',
			'wood burner',
			'fireplace',
			'exhaust',
			'grill indoors'
		]
	},
	wound_infection: {
		phrases: [
			'pus',
			'oozing',
			'leaking ~ pus|yellow|green|fluid',
			'infected ~ cut|wound|incision|scar|site|stitches|bite|piercing',
			'cut|wound|incision|scar|site|stitches|bite ~ infected|red|hot|oozing|leaking|pus|smells|opening|opened'
		],
		signal: 'mention'
	},
	spreading_redness: {
		phrases: [
			'red* ~ (spread*|growing|getting bigger|moving up|going up)',
			'spreading|growing ~ red*',
			'red ~ line|lines|streak|streaks ~ up|going'
		],
		signal: 'mention'
	},
	uterine_cramps: {
		phrases: ['cramping', 'period ~ cramp*', 'cramp* ~ (low|lower|down there|pelvi*|belly|tummy|stomach|abdomen|womb)'],
		signal: 'positive'
	},
	sedative_taken: {
		phrases: [
			'took|taken|taking|popped|swallowed ~ sleeping pill*',
			'sleeping pill* ~ (and|with|plus|after|on top of) ~ drinking|alcohol|vodka|wine|beer|booze',
			'took|taken|taking|popped|swallowed ~ xanax|valium|benzo*|klonopin|clonazepam|ativan|lorazepam|diazepam|alprazolam|oxy|oxys|oxycodone|oxycontin|percocet|vicodin|opioid*|opiate*|fentanyl|heroin|morphine|methadone|tramadol|ambien|zolpidem|gabapentin|lyrica',
			'xanax|valium|benzo*|klonopin|clonazepam|ativan|lorazepam|diazepam|alprazolam|oxy|oxys|oxycodone|oxycontin|percocet|vicodin|opioid*|opiate*|fentanyl|heroin|morphine|methadone|tramadol|ambien|zolpidem|gabapentin|lyrica ~ (and|with|plus|after|on top of) ~ drinking|alcohol|vodka|wine|beer|booze'
		]
	},
	alcohol_binge: {
		phrases: [
			'bottle|fifth|handle|pint of ~ vodka|wine|whiskey|whisky|alcohol|liquor|rum|gin|tequila|jack',
			'really|very|so|super drunk',
			'wasted',
			'blackout drunk',
			'lots|loads|tons of ~ drinks|beer|alcohol|shots',
			'10|12|15|20 ~ drinks|beers|shots'
		]
	},
	abuse: {
		phrases: [
			'he|she|husband|wife|partner|boyfriend|girlfriend|ex|dad|mom|father|mother|stepdad|stepmom ~ hits|beats|hurts|abuses|threatens|threatened|hit|beat|punched|slapped|kicked|choked|strangled|shoved|pushed me|us',
			'domestic ~ violence|abuse',
			'abusive',
			'abused',
			'scared to go home',
			'afraid to go home',
			'not safe at home',
			'afraid of my ~ husband|wife|partner|boyfriend|girlfriend',
			'scared of my ~ husband|wife|partner|boyfriend|girlfriend'
		],
		signal: 'mention'
	},
	strangulation: {
		phrases: [
			'choked|strangled ~ (me|my neck|her|him)',
			'hands ~ around|round ~ my|her|his ~ neck|throat',
			'threatened to kill ~ (me|us|her|him|the kids)'
		],
		signal: 'mention'
	},
	bulging_fontanelle: {
		phrases: [
			'bulging ~ (soft spot|fontanel*|fontanell*)',
			'(soft spot|fontanel*|fontanell*) ~ (bulging|bulges|swollen|raised|puffy|tense|sticking out)'
		],
		signal: 'mention'
	},
	red_cry: {
		phrases: ['high pitched ~ cry*|scream*', 'weak ~ cry*', 'moaning', 'whimper*', 'cry ~ weird|strange|different'],
		signal: 'mention'
	},
	jaundice: {
		phrases: [
			'jaundice*',
			'yellow ~ skin|eyes|whites',
			'(skin|eyes|whites of) ~ (yellow|yellowish|turning yellow|gone yellow)',
			'turning yellow',
			'gone yellow',
			'looks yellow'
		],
		signal: 'mention'
	},
	priapism: {
		phrases: [
			'priapism',
			'erection ~ (will not go|not going|not go|lasting|lasted|for|stuck|painful|hours)',
			'stuck ~ erect|hard',
			'erect|hard ~ for ~ hour*'
		],
		signal: 'mention'
	},
	aneurysm: { phrases: ['aneurysm', 'aaa', 'aortic'] },
	apnoea: {
		phrases: [
			'stops breathing',
			'stop* breathing ~ for|few|seconds',
			'pauses in ~ breathing',
			'breathing ~ stops|pauses|stopped|paused',
			'turned ~ blue|grey|gray|pale|floppy'
		],
		signal: 'mention'
	},
	fall_event: {
		phrases: [
			'fell',
			'fall',
			'falls',
			'slipped',
			'tripped',
			'took a tumble',
			'tumbled',
			'on the floor',
			'hit the floor',
			'went down'
		]
	},
	cant_get_up: {
		phrases: [
			'can not get up',
			'can not get ~ (off|up off|up from) ~ floor',
			'could not get up',
			'unable to get up',
			'stuck on ~ floor',
			'been on ~ floor',
			'lying on ~ floor',
			'on the floor ~ (for hours|all night|overnight|since|till|until|hours)',
			'can not move ~ leg|hip'
		],
		signal: 'mention'
	},
	stridor: {
		phrases: [
			'stridor',
			'squeak* ~ breath*|noise|sound',
			'squeaky|crowing|raspy ~ (breath*|breathing in)',
			'high pitched ~ (breath*|breathing in|noise when ~ breath*)',
			'noise ~ breath*|breathes in',
			'bark* ~ cough',
			'barky',
			'seal ~ cough|bark',
			'croup*',
			'whooping',
			'whoop*'
		],
		signal: 'mention'
	},
	stridor_rest: {
		phrases: [
			'(noisy|squeaky|high pitched) breathing ~ (at rest|asleep|sleeping|when calm|all the time|even when)',
			'stridor ~ (at rest|asleep|sleeping|when calm|all the time)'
		],
		signal: 'mention'
	},
	vesicles: { phrases: ['blister*', 'blistery', 'shingles', 'cold sore*', 'vesicle*', 'weepy ~ rash|spots'] },
	eye_region: { phrases: ['eye', 'eyes', 'eyelid*', 'forehead', 'tip of ~ nose', 'temple', 'brow', 'eyebrow'] },
	zoster_eye: {
		phrases: ['shingles ~ eye|face|forehead|eyelid', 'eye|face|forehead ~ shingles'],
		near: [{ of: ['vesicles', 'eye_region'], within: 7 }],
		signal: 'mention'
	},
	productive_cough: {
		phrases: [
			'cough* ~ green|yellow|brown|rusty|rust ~ stuff|phlegm|mucus|gunk|snot|crap|sputum|goo',
			'green|yellow|brown|rusty ~ phlegm|mucus|sputum|gunk',
			'cough* up ~ green|yellow|brown|rusty'
		],
		signal: 'positive'
	},
	scalp_tender: {
		phrases: [
			'scalp ~ tender|sore|hurts|painful|sensitive',
			'tender|sore|painful ~ scalp',
			'hurts to ~ brush|comb ~ hair',
			'brushing|combing ~ hair ~ hurt*',
			'temple* ~ tender|sore|hurt*|pain*|throb*',
			'tender|sore|painful ~ temple*'
		],
		signal: 'mention'
	},
	jaw_claudication: {
		phrases: [
			'jaw ~ hurt*|ache*|aches|pain*|tired|cramp* ~ chew*|eat*',
			'chew*|eating ~ jaw ~ hurt*|ache*|pain*|tired|cramp*',
			'jaw claudication'
		],
		signal: 'mention'
	},
	hearing_loss_sudden: {
		phrases: [
			'can not hear ~ (out of|in|with|from) ~ ear|left|right|one',
			'lost ~ hearing',
			'hearing ~ gone|went|disappeared|stopped',
			'deaf in ~ ear',
			'sudden|suddenly ~ deaf*|hearing',
			'woke up ~ (deaf|can not hear)',
			'ear ~ went|gone|is ~ deaf'
		],
		signal: 'mention'
	},
	thirst: {
		phrases: [
			'always thirsty',
			'so|really|super|very|constantly|extremely|crazy thirsty',
			'thirsty ~ (all the time|constantly|nonstop)',
			'drinking ~ (loads|lots|all the time|constantly|gallons|so much|tons)',
			'can not ~ quench'
		],
		signal: 'positive'
	},
	polyuria: {
		phrases: [
			'peeing|urinating|pee|wee|weeing ~ (all the time|constantly|loads|a lot|nonstop|so much|every hour)',
			'wetting ~ bed',
			'bed wetting',
			'night to pee|wee',
			'frequent urination'
		],
		signal: 'positive'
	},
	weight_loss: {
		phrases: [
			'lost ~ weight',
			'losing ~ weight',
			'weight loss',
			'dropped ~ pounds|lbs|kg|weight|sizes',
			'pounds|lbs|kg ~ lost',
			'getting ~ skinny|thin',
			'clothes ~ loose'
		],
		signal: 'positive'
	},

	/* ---------- generic clinical content (routine, and blocks "admin") ---------- */
	symptom: {
		phrases: [
			'red',
			'redness',
			'goop*',
			'discharge',
			'pus',
			'runny',
			'sneez*',
			'congest*',
			'stuffy',
			'itch*',
			'lump*',
			'bump*',
			'bruis*',
			'swell*',
			'swollen',
			'feel* sick',
			'am sick',
			'im sick',
			'is sick',
			'are sick',
			'been sick',
			'getting sick',
			'got sick',
			'so sick',
			'really sick',
			'very sick',
			'sick with',
			'sick since',
			'sick for',
			'unwell',
			'symptom*',
			'tired',
			'fatigue*',
			'exhausted',
			'weak*',
			'cold',
			'influenza',
			'flu like',
			'flu symptoms',
			'virus',
			'sore throat',
			'scratchy',
			'earache',
			'ear',
			'ears',
			'constipat*',
			'gas',
			'heartburn',
			'reflux',
			'indigestion',
			'hot flash*',
			'night sweats',
			'period',
			'periods',
			'mole',
			'wart*',
			'acne',
			'pimple*',
			'blister*',
			'scrape*',
			'sprain*',
			'strain*',
			'pulled',
			'stiff*',
			'numb',
			'numbness',
			'numbing',
			'numbed',
			'tingl*',
			'spasm*',
			'allerg*',
			'worse',
			'worsening',
			'not better',
			'not improving',
			'side effect*',
			'not feeling well',
			'feel* bad',
			'feel* awful',
			'feel* terrible',
			'feel* off',
			'feel* crappy',
			'feel* like crap',
			'weight loss',
			'losing weight',
			'weight gain',
			'concern*',
			'ok to take',
			'safe to take',
			'can i take',
			'should i take',
			'should i ~ get|have ~ the|a|my',
			'interact*',
			'test for',
			'hearing',
			'snor*',
			'sleep apnea',
			'dry skin',
			'hair loss',
			'bleeding gums',
			'toothache',
			'tooth',
			'sinus*',
			'phlegm',
			'mucus',
			'hoarse',
			'urine',
			'pee',
			'poop',
			'stool',
			'bowel*',
			'vagina*',
			'penis',
			'breast*',
			'erectile',
			'std',
			'sti',
			'birth control',
			'pregnancy test',
			'screening',
			'cholesterol check',
			'want to talk',
			'start* ~ meds|medication|medicine',
			'options',
			'check ~ this|it|out|mole|rash|lump',
			'look at ~ this|it|my',
			'infection',
			'bite*',
			'sting*',
			'burn*',
			'injur*',
			'hurt*',
			'sick of',
			'what ~ results|numbers|levels|result|it|this|that|these ~ mean',
			'ldl',
			'a1c',
			'hba1c',
			'abnormal',
			'out of range',
			'flagged'
		],
		signal: 'positive'
	},

	/* ---------- non-clinical requests ---------- */
	admin_request: {
		phrases: [
			'refill*',
			'prescription*',
			'pharmacy',
			'bill',
			'bills',
			'billing',
			'billed',
			'invoice',
			'charge*',
			'copay',
			'co pay',
			'insurance',
			'payment',
			'pay',
			'balance',
			'statement',
			'records',
			'record',
			'copy of',
			'form',
			'forms',
			'paperwork',
			'fmla',
			'disability',
			'note for',
			'work note',
			'doctors note',
			'letter',
			'appointment*',
			'reschedul*',
			'schedul*',
			'cancel*',
			'book',
			'booking',
			'checkup',
			'check up',
			'physical',
			'annual',
			'yearly',
			'portal',
			'password',
			'log in',
			'login',
			'log into',
			'account',
			'username',
			'referral*',
			'results',
			'result',
			'emergency contact',
			'update ~ contact|details|address|phone|email|name|info|information',
			'parking',
			'when is my ~ (next|appointment|echo|scan|test|follow up|visit)',
			'next ~ (echo|appointment|scan|test|visit|follow up)',
			'directions',
			'opening hours',
			'office hours',
			'located',
			'email me',
			'address',
			'phone number',
			'prior auth*',
			'authorization',
			'vaccination*',
			'immunization*',
			'transfer',
			'switch',
			'walgreens',
			'cvs',
			'fax',
			'new patient',
			'sick note',
			'excuse',
			'jury duty',
			'placard',
			'receipt',
			'visit summary',
			'ready',
			'renew*',
			'paper*',
			'notes',
			'send ~ to',
			'message',
			'call me back',
			'clinic hours',
			'open',
			'telehealth',
			'video visit',
			'supply',
			'supplies',
			'reorder',
			'order',
			'vaccine',
			'flu shot',
			'booster',
			'mri',
			'x ray',
			'scan'
		]
	},

	/* ---------- checklist retraction ---------- */
	checklist_retraction: {
		phrases: [
			'clicked ~ wrong',
			'wrong box',
			'wrong button',
			'wrong one',
			'ticked ~ (by mistake|by accident|wrong)',
			'checked ~ (by mistake|by accident|wrong)',
			'clicked ~ by mistake|accident',
			'pressed ~ (by mistake|by accident|wrong)',
			'tapped ~ (by mistake|by accident|wrong)',
			'selected ~ (by mistake|by accident|wrong)',
			'accidentally ~ clicked|ticked|checked|pressed|hit|selected|tapped|marked',
			'meant to ~ (click|check|tick|select|press|say no)',
			'did not mean to ~ click|check|tick|select|press|mark',
			'misclick*',
			'mis click*',
			'fat finger*',
			'ignore ~ box|checkbox|checkmark|tick',
			'hit ~ wrong',
			'box ~ by mistake|accident',
			'mistakenly ~ clicked|checked|ticked|selected'
		]
	}
};
