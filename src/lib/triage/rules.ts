/**
 * The triage rule set: reviewable data. Each rule sets one level when its
 * condition holds; the decision is the highest level over all rules that
 * fire. Concepts are defined in lexicon.ts. Bump `version` on any change to
 * rules or lexicon: it is stored with every decision.
 */
import { lexicon } from './lexicon';
import type { Condition, EmergencyScreenId, Rule, RuleSet, TriageLevel } from './types';

const c = (concept: string): Condition => ({ concept });
const all = (...conditions: Condition[]): Condition => ({ all: conditions });
const any = (...conditions: Condition[]): Condition => ({ any: conditions });
const anyOf = (...concepts: string[]): Condition => any(...concepts.map(c));
const pregnant: Condition = { pregnancy: 'confirmed' };
const maybePregnant: Condition = { pregnancy: 'possible' };
const older: Condition = { ageAtLeast: 65 };
const infant: Condition = { ageBelow: 1 };
const youngInfant: Condition = { ageBelow: 0.25 };

const CALL_911 =
	'This could be an emergency. Call 911 now (or go to the nearest emergency department). A clinician has also been alerted.';
const CALL_988 =
	'You deserve support right now. Call or text 988 (Suicide & Crisis Lifeline), or call 911 if you are in danger. A clinician has also been alerted.';
const NURSE_30 = 'A nurse or doctor will call you back within 30 minutes. If you get worse before then, call 911.';
const ROUTINE = 'The care team will reply within one business day. If things get worse, send an update or call us.';
const ADMIN = 'Our support team will handle your request within two business days.';

const PATIENT: Record<TriageLevel, string> = { emergency: CALL_911, urgent: NURSE_30, routine: ROUTINE, admin: ADMIN };

interface RuleSpec {
	when: Condition;
	clinician: string;
	reason: string;
	patientText?: string;
	crisisLine?: boolean;
	fallback?: boolean;
}

const rules: Rule[] = [];
function rule(id: string, level: TriageLevel, spec: RuleSpec): void {
	rules.push({ ...spec, id, level, patientText: spec.patientText ?? PATIENT[level] });
}
const emergency = (id: string, spec: RuleSpec): void => rule(id, 'emergency', spec);
const urgent = (id: string, spec: RuleSpec): void => rule(id, 'urgent', spec);
const routine = (id: string, spec: RuleSpec): void => rule(id, 'routine', spec);

/* ---------- emergency checklist ---------- */

emergency('screen.suicidal_thoughts', {
	when: { screen: 'suicidal_thoughts' },
	clinician: 'suicidal thoughts ticked on the checklist',
	reason:
		'Any indication of suicidal thinking needs an immediate human response; a tick is never treated as a mistake.',
	// Source: Clearline labelling policy (shared/triage/README.md): suicidal thoughts box → emergency with 988.
	patientText: CALL_988,
	crisisLine: true
});
const SCREEN_LABELS: Record<Exclude<EmergencyScreenId, 'suicidal_thoughts'>, string> = {
	chest_pain: 'chest pain',
	trouble_breathing: 'trouble breathing',
	stroke_signs: 'stroke signs',
	severe_bleeding: 'severe bleeding',
	unconscious_or_fainting: 'unconscious or fainting',
	severe_allergic_reaction: 'severe allergic reaction',
	seizure: 'seizure'
};
const retracted: Condition = all(c('checklist_retraction'), { screenCountAtMost: 1 });
for (const [id, label] of Object.entries(SCREEN_LABELS)) {
	emergency(`screen.${id}`, {
		when: all({ screen: id as EmergencyScreenId }, { not: retracted }),
		clinician: `${label} ticked on the emergency checklist`,
		reason: 'The patient answered yes to an emergency question.'
		// Source: Clearline labelling policy (shared/triage/README.md): any ticked emergency box → emergency.
	});
}
urgent('screen.retracted', {
	when: all({ anyScreen: true }, c('checklist_retraction')),
	clinician: 'checklist box ticked, then retracted in the text; confirm with the patient',
	reason:
		'A tick contradicted by the text may still be real: a clinician confirms, it is never silently dropped to admin.'
	// Source: Clearline labelling policy (shared/triage/README.md): explicit retraction ("clicked wrong box") → urgent.
});

/* ---------- mental health ---------- */

emergency('mh.suicidal', {
	when: c('suicidal'),
	clinician: 'suicidal or self-harm thoughts',
	reason: 'Active or passive suicidal ideation or self-harm needs same-moment crisis support.',
	// Source: Clearline labelling policy (shared/triage/README.md); 988 Lifeline guidance: any mention, active or passive.
	patientText: CALL_988,
	crisisLine: true
});
emergency('mh.overdose', {
	when: c('overdose'),
	clinician: 'possible overdose',
	reason: 'A deliberate or accidental overdose can be fatal before symptoms appear.',
	// Source: Poison-centre practice: ingestion of excess medicine is treated as an emergency.
	patientText: CALL_988,
	crisisLine: true
});
emergency('tox.poisoning', {
	when: c('poisoning'),
	clinician: 'possible poisoning or dangerous ingestion',
	reason: 'Ingested medicines, caustics, button batteries or magnets can cause delayed, severe harm.',
	// Source: Poison-centre practice; button battery and caustic ingestion guidance.
	patientText:
		'Call 911 now, or Poison Control at 1-800-222-1222 if the person is awake and well. A clinician has also been alerted.'
});
emergency('tox.child_ingestion', {
	when: all(c('child_ingestion'), { ageBelow: 13 }),
	clinician: 'child may have swallowed medicine, nicotine, cannabis, alcohol or a foreign body',
	reason: 'One adult tablet, a nicotine liquid or cannabis edible can be dangerous for a small child.',
	// Source: Poison-centre practice ("one pill can kill" list for toddlers).
	patientText:
		'Call 911 now, or Poison Control at 1-800-222-1222 if the child is awake and well. A clinician has also been alerted.'
});
emergency('mh.homicidal', {
	when: c('homicidal'),
	clinician: 'thoughts of harming others',
	reason: 'Intent to harm others needs an immediate crisis response.',
	// Source: Crisis-line practice.
	patientText: CALL_988,
	crisisLine: true
});
emergency('mh.command_hallucinations', {
	when: c('command_voices'),
	clinician: 'command hallucinations',
	reason: 'Voices telling the patient to act carry a high risk of harm.',
	// Source: Acute psychosis risk assessment practice.
	patientText: CALL_988,
	crisisLine: true
});
urgent('mh.psychosis', {
	when: c('psychosis'),
	clinician: 'possible psychosis',
	reason: 'New hallucinations or paranoia need same-day psychiatric assessment.'
	// Source: Acute psychosis pathways.
});
urgent('mh.severe_distress', {
	when: c('severe_distress'),
	clinician: 'severe emotional distress, not coping',
	reason: 'A patient who cannot function needs a same-day clinician even with suicidality denied.'
	// Source: Clearline labelling policy (shared/triage/README.md): severe distress with negated suicidality → urgent, not emergency.
});
urgent('mh.withdrawal', {
	when: c('withdrawal'),
	clinician: 'withdrawal symptoms',
	reason: 'Withdrawal (SSRI/SNRI, benzodiazepine, alcohol, opioid) can escalate; some cause seizures.'
	// Source: Discontinuation syndrome and alcohol withdrawal guidance.
});
urgent('med.critical_supply', {
	when: all(c('ran_out'), c('critical_med')),
	clinician: 'without a medicine that must not be stopped',
	reason:
		'Missing insulin, antiepileptics, transplant drugs, steroids or some psychiatric drugs causes harm within hours to days.'
	// Source: Clearline labelling policy (shared/triage/README.md): a type 1 diabetic without insulin is urgent, not a routine refill.
});

/* ---------- cardiac ---------- */

emergency('cardiac.heart_attack_now', {
	when: c('heart_attack_now'),
	clinician: 'patient thinks they are having a heart attack',
	reason: 'Self-reported heart attack symptoms are treated as acute coronary syndrome.'
	// Source: AHA: call 911 for suspected heart attack.
});
emergency('cardiac.chest_pain_features', {
	when: all(
		c('chest_pain'),
		anyOf(
			'radiating',
			'radiation_pain',
			'sweating',
			'dyspnea',
			'nausea',
			'vomit',
			'exertion',
			'dizzy',
			'syncope',
			'severe',
			'palpitations',
			'dvt_risk',
			'doom'
		)
	),
	clinician: 'chest pain with cardiac or PE features → possible ACS/PE',
	reason:
		'Chest pain with radiation, sweating, breathlessness, nausea, exertion or faintness is possible acute coronary syndrome or PE.'
	// Source: AHA/ACC 2021 chest pain guideline; NICE CG95.
});
emergency('cardiac.chest_pain_older_severe', {
	when: all(c('chest_pain'), any(older, { severityAtLeast: 7 })),
	clinician: 'chest pain, older adult or severe',
	reason: 'Chest pain in an older adult or rated severe has a high prior probability of a cardiac cause.'
	// Source: AHA/ACC 2021 chest pain guideline.
});
emergency('cardiac.atypical_presentation', {
	when: all(
		c('atypical_cardiac'),
		{ ageAtLeast: 30 },
		any(
			c('sweating'),
			c('radiating'),
			c('dyspnea'),
			c('syncope'),
			all(c('exertion'), anyOf('nausea', 'vomit', 'dizzy'))
		)
	),
	clinician:
		'"indigestion", jaw/arm or interscapular pain with sweating, radiation, breathlessness or exertion → possible ACS',
	reason:
		'Women, older adults and diabetics often describe ACS as heartburn, jaw, arm or upper-back pain; autonomic or exertional features make it an emergency.'
	// Source: AHA/ACC 2021 chest pain guideline (atypical and female presentations); NICE CG95.
});
emergency('cardiac.persistent_pressure_adult', {
	when: all(c('chest_pain'), anyOf('chest_pressure', 'persistent'), { ageAtLeast: 40 }),
	clinician: 'pressure-type or persisting chest discomfort, age 40+',
	reason:
		'Chest pressure or chest discomfort lasting more than a few minutes in an adult 40+ is treated as possible ACS.'
	// Source: AHA "Warning signs of a heart attack": discomfort lasting more than a few minutes → call 911.
});
urgent('cardiac.chest_pain', {
	when: c('chest_pain'),
	clinician: 'chest pain',
	reason: 'Chest pain needs a clinician to screen for cardiac, PE and aortic causes promptly, even when it has eased.'
	// Source: Clearline labelling policy (shared/triage/README.md): recent exertional chest pain stays urgent even when gone.
});
emergency('cardiac.palpitations_red_flags', {
	when: all(c('palpitations'), anyOf('chest_pain', 'dizzy', 'syncope', 'dyspnea')),
	clinician: 'palpitations with chest pain, faintness or breathlessness',
	reason: 'Arrhythmia with haemodynamic symptoms can be life threatening.'
	// Source: NICE CG109 transient loss of consciousness; arrhythmia red flags.
});
routine('cardiac.palpitations', {
	when: c('palpitations'),
	clinician: 'palpitations without red flags',
	reason: 'Isolated palpitations need review but not within the hour.'
	// Source: Primary care palpitations pathway.
});
urgent('vitals.pulse', {
	when: c('pulse_abnormal'),
	clinician: 'very fast or very slow pulse reported',
	reason: 'A pulse above 130 or below 40 needs prompt assessment.'
	// Source: Early warning score thresholds (NEWS2).
});
emergency('syncope.red_flags', {
	when: all(
		anyOf('syncope'),
		any(
			older,
			c('chest_pain'),
			c('palpitations'),
			c('dyspnea'),
			c('exertion'),
			c('head_injury'),
			pregnant,
			c('anticoagulant')
		)
	),
	clinician: 'fainting with high-risk features',
	reason: 'Syncope in older adults, on exertion, with chest pain, palpitations or breathlessness may be cardiac.'
	// Source: NICE CG109; ESC syncope guideline.
});
urgent('syncope.any', {
	when: c('syncope'),
	clinician: 'fainting / loss of consciousness',
	reason: 'Any loss of consciousness needs same-day assessment.'
	// Source: NICE CG109.
});
emergency('vitals.bp_crisis', {
	when: all(
		c('bp_very_high_any'),
		anyOf('headache', 'chest_pain', 'vision_change', 'confusion', 'focal_neuro', 'speech_problem', 'dyspnea')
	),
	clinician: 'very high blood pressure with symptoms → possible hypertensive emergency',
	reason: 'Severe hypertension with end-organ symptoms is a hypertensive emergency.'
	// Source: AHA hypertensive crisis guidance.
});
urgent('vitals.bp_very_high', {
	when: c('bp_very_high_any'),
	clinician: 'blood pressure 180 or above',
	reason: 'Severe hypertension needs same-day review.'
	// Source: AHA hypertensive urgency guidance.
});

/* ---------- seed complaints: rib pain, GI bleeding ---------- */

emergency('seed.rib_pain_red_flags', {
	when: all(c('rib_pain'), anyOf('dyspnea', 'dizzy', 'syncope', 'dvt_risk', 'cough_blood')),
	clinician: 'rib/chest-wall pain with breathlessness, faintness or PE risk → possible PE/pneumothorax',
	reason: 'Sudden rib pain with breathlessness or PE risk factors may be pulmonary embolism or pneumothorax.'
	// Source: Clearline labelling policy (shared/triage/README.md): seed complaint "sudden rib pain"; PERC/Wells features.
});
urgent('seed.rib_pain', {
	when: c('rib_pain'),
	clinician: 'rib/chest-wall pain',
	reason: 'Unexplained or new rib pain can hide PE, pneumothorax, fracture or cardiac pain; a clinician screens it.'
	// Source: Clearline labelling policy (shared/triage/README.md): seed complaint, never to non-clinical staff.
});
emergency('gi.bleed_unstable', {
	when: all(
		anyOf('blood_stool'),
		any(
			anyOf('dizzy', 'syncope', 'large_blood', 'dyspnea', 'anticoagulant', 'vomit_blood', 'unresponsive', 'confusion'),
			all(older, c('weakness'))
		)
	),
	clinician: 'GI bleeding with faintness, large volume or anticoagulant → possible haemodynamically significant bleed',
	reason: 'Rectal bleeding with dizziness, fainting, large volume or anticoagulation can be a major haemorrhage.'
	// Source: Clearline labelling policy (shared/triage/README.md): seed complaint escalates with dizziness/fainting/large volume; Glasgow-Blatchford.
});
urgent('gi.bleed_with_pain', {
	when: all(c('blood_stool'), c('abd_pain')),
	clinician: 'rectal bleeding with abdominal pain → possible GI bleed',
	reason: 'Abdominal pain with blood in the stool needs same-hour clinician assessment.'
	// Source: Clearline labelling policy (shared/triage/README.md): seed complaint "stomach pain and blood in stool".
});
urgent('gi.blood_in_stool', {
	when: c('blood_stool'),
	clinician: 'blood in stool or black stool → possible GI bleed',
	reason: 'Fresh or altered blood in the stool needs a clinician to judge volume and stability.'
	// Source: NICE NG12 / BSG lower GI bleeding guidance.
});
emergency('gi.vomiting_blood', {
	when: c('vomit_blood'),
	clinician: 'vomiting blood or coffee grounds → possible upper GI bleed',
	reason: 'Haematemesis is a potential upper GI haemorrhage.'
	// Source: NICE CG141 acute upper GI bleeding.
});

/* ---------- breathing ---------- */

emergency('resp.severe_dyspnea', {
	when: c('severe_dyspnea'),
	clinician: 'severe breathing difficulty',
	reason: 'Inability to breathe or speak, cyanosis or choking is life threatening.'
	// Source: BTS/SIGN asthma life-threatening features; ABC priorities.
});
emergency('resp.dyspnea_red_flags', {
	when: all(
		c('dyspnea'),
		any(
			c('chest_pain'),
			c('syncope'),
			c('confusion'),
			c('cough_blood'),
			c('leg_swelling'),
			c('dvt_risk'),
			c('airway_swelling'),
			c('hives'),
			infant,
			c('severe'),
			{ severityAtLeast: 8 }
		)
	),
	clinician: 'breathlessness with chest pain, PE risk, anaphylaxis or in an infant',
	reason: 'Breathlessness with these features suggests PE, ACS, anaphylaxis or respiratory failure.'
	// Source: NICE NG158 (PE); Resuscitation Council anaphylaxis guidance.
});
urgent('resp.dyspnea', {
	when: c('dyspnea'),
	clinician: 'shortness of breath',
	reason: 'New breathlessness needs same-hour clinical assessment.'
	// Source: Telephone triage protocols (breathing problems).
});
emergency('resp.asthma_not_responding', {
	when: all(anyOf('asthma', 'wheeze'), c('not_helping')),
	clinician: 'asthma/wheeze not relieved by reliever inhaler',
	reason: 'Failure to respond to a reliever is a feature of acute severe asthma.'
	// Source: BTS/SIGN asthma guideline.
});
urgent('resp.asthma_flare', {
	when: all(c('asthma'), anyOf('inhaler_overuse', 'wheeze', 'dyspnea', 'cough')),
	clinician: 'worsening asthma, frequent reliever use',
	reason: 'Needing a reliever every few hours means poor control and risk of a severe attack.'
	// Source: BTS/SIGN asthma guideline: same-day review.
});
emergency('resp.haemoptysis_large', {
	when: all(c('cough_blood'), c('large_blood')),
	clinician: 'coughing up large amounts of blood',
	reason: 'Massive haemoptysis threatens the airway.'
	// Source: Haemoptysis guidance.
});
urgent('resp.haemoptysis', {
	when: c('cough_blood'),
	clinician: 'coughing up blood',
	reason: 'Haemoptysis can be PE, infection or malignancy and needs prompt review.'
	// Source: NICE NG12.
});

/* ---------- stroke and neuro ---------- */

emergency('neuro.stroke_reported', {
	when: c('stroke_now'),
	clinician: 'patient or family suspects a stroke',
	reason: 'Suspected stroke is time critical for thrombolysis.'
	// Source: AHA/ASA BE FAST.
});
emergency('neuro.face_droop', {
	when: c('face_droop'),
	clinician: 'facial droop → possible stroke',
	reason: 'Facial weakness is a BE FAST stroke sign.'
	// Source: AHA/ASA BE FAST.
});
emergency('neuro.speech', {
	when: c('speech_problem'),
	clinician: 'slurred or jumbled speech → possible stroke',
	reason: 'New dysarthria or aphasia is a stroke sign.'
	// Source: AHA/ASA BE FAST.
});
emergency('neuro.focal_weakness', {
	when: any(c('focal_neuro'), all(c('limb_deficit'), c('sudden'))),
	clinician: 'one-sided or sudden limb weakness/numbness → possible stroke',
	reason: 'Unilateral or sudden weakness or numbness is a stroke sign.'
	// Source: AHA/ASA BE FAST; NICE NG128.
});
emergency('neuro.thunderclap_headache', {
	when: c('thunderclap'),
	clinician: 'worst-ever or thunderclap headache → possible subarachnoid haemorrhage',
	reason: 'A sudden, worst-ever headache may be subarachnoid haemorrhage.'
	// Source: NICE CG150 headache red flags; Ottawa SAH rule.
});
emergency('neuro.headache_red_flags', {
	when: all(
		c('headache'),
		anyOf(
			'confusion',
			'vision_loss',
			'face_droop',
			'speech_problem',
			'focal_neuro',
			'seizure',
			'stiff_neck',
			'unresponsive'
		)
	),
	clinician: 'headache with neurological signs',
	reason:
		'Headache with confusion, visual loss, focal signs, seizure or neck stiffness suggests a serious intracranial cause.'
	// Source: NICE CG150 headache red flags.
});
urgent('neuro.headache_sudden_or_severe', {
	when: anyOf('sudden_headache', 'severe_headache'),
	clinician: 'sudden or severe headache',
	reason: 'A sudden or severe headache needs same-day assessment for secondary causes.'
	// Source: NICE CG150.
});
emergency('neuro.seizure', {
	when: c('seizure'),
	clinician: 'seizure',
	reason: 'A seizure, especially a first or prolonged one, needs emergency assessment.'
	// Source: NICE NG217 epilepsies: first seizure.
});
emergency('neuro.unresponsive', {
	when: c('unresponsive'),
	clinician: 'unresponsive / hard to wake',
	reason: 'Reduced consciousness is an emergency.'
	// Source: AVPU / GCS < 15 is a red flag.
});
emergency('neuro.confusion_high_risk', {
	when: all(
		c('confusion'),
		any(
			older,
			c('fever'),
			c('head_injury'),
			c('diabetes'),
			c('sudden'),
			c('headache'),
			c('anticoagulant'),
			c('dyspnea'),
			c('syncope'),
			c('infection'),
			c('vomit')
		)
	),
	clinician: 'new confusion in an older adult or with fever, head injury, diabetes or headache',
	reason: 'Acute confusion with these features suggests sepsis, stroke, hypoglycaemia or intracranial bleeding.'
	// Source: Clearline labelling policy (shared/triage/README.md): older adults with confusion triage higher; NICE NG51 sepsis.
});
urgent('neuro.confusion', {
	when: c('confusion'),
	clinician: 'new confusion',
	reason: 'New confusion (delirium) always has a cause that needs finding the same day.'
	// Source: NICE CG103 delirium.
});
emergency('neuro.vision_loss', {
	when: c('vision_loss'),
	clinician: 'sudden loss of vision',
	reason: 'Sudden visual loss may be retinal artery occlusion, stroke or acute glaucoma.'
	// Source: Ophthalmology emergency referral criteria.
});
urgent('eye.retinal', {
	when: c('retinal'),
	clinician: 'new flashes, floaters or shadow → possible retinal detachment',
	reason: 'New flashes and floaters or a field shadow suggest retinal tear or detachment.'
	// Source: College of Optometrists / RCOphth same-day referral.
});
urgent('eye.vision_change_red_flags', {
	when: all(c('vision_change'), anyOf('sudden', 'headache', 'eye_pain', 'eye_injury')),
	clinician: 'visual change with sudden onset, headache or eye pain',
	reason: 'Painful or sudden visual change needs same-day eye assessment.'
	// Source: RCOphth urgent referral criteria.
});
emergency('eye.chemical', {
	when: c('eye_chemical'),
	clinician: 'chemical in the eye',
	reason: 'Chemical eye injury needs immediate irrigation and emergency care.',
	// Source: Ocular chemical injury first aid.
	patientText:
		'Rinse the eye with lots of clean water now for at least 15 minutes, then call 911 or go to the emergency department. A clinician has also been alerted.'
});
urgent('eye.injury', {
	when: c('eye_injury'),
	clinician: 'eye injury or foreign body',
	reason: 'Penetrating or foreign-body eye injuries need same-day assessment.'
	// Source: RCOphth urgent referral criteria.
});

/* ---------- injuries ---------- */

emergency('injury.head_anticoagulant', {
	when: all(c('head_injury'), c('anticoagulant')),
	clinician: 'head injury on an anticoagulant/antiplatelet',
	reason: 'Anticoagulated patients with head injury need CT within hours regardless of symptoms.'
	// Source: Clearline labelling policy (shared/triage/README.md); NICE NG232 head injury.
});
emergency('injury.head_red_flags', {
	when: all(
		c('head_injury'),
		anyOf(
			'vomit',
			'syncope',
			'confusion',
			'seizure',
			'lethargy',
			'unresponsive',
			'severe_headache',
			'thunderclap',
			'speech_problem',
			'vision_change',
			'focal_neuro',
			'clear_fluid'
		)
	),
	clinician: 'head injury with vomiting, loss of consciousness, drowsiness or neurological signs',
	reason: 'These features after head injury indicate possible intracranial injury.'
	// Source: NICE NG232 head injury CT criteria.
});
urgent('injury.head_high_risk_age', {
	when: all(c('head_injury'), any(older, infant)),
	clinician: 'head injury in an older adult or infant',
	reason: 'Age 65+ and infancy lower the threshold for imaging after head injury.'
	// Source: NICE NG232.
});
routine('injury.head_minor', {
	when: c('head_injury'),
	clinician: 'minor head injury without red flags',
	reason: 'A bump without red flags needs safety-netting advice.'
	// Source: NICE NG232.
});
urgent('injury.fall_high_risk', {
	when: all(c('fall'), any(older, c('anticoagulant'))),
	clinician: 'fall in an older adult or on an anticoagulant',
	reason: 'Falls in older or anticoagulated adults carry risks of fracture, bleeding and an underlying cause.'
	// Source: Clearline labelling policy (shared/triage/README.md): older adults with falls triage higher; NICE CG161.
});
emergency('injury.uncontrolled_bleeding', {
	when: c('uncontrolled_bleeding'),
	clinician: 'bleeding that will not stop',
	reason: 'Uncontrolled haemorrhage is immediately life threatening.',
	// Source: Stop the Bleed; ATLS.
	patientText: 'Press firmly on the wound with a clean cloth and call 911 now. A clinician has also been alerted.'
});
emergency('injury.penetrating', {
	when: c('penetrating'),
	clinician: 'penetrating injury (stab / gunshot)',
	reason: 'Penetrating trauma can injure vessels and organs without obvious signs.'
	// Source: ATLS.
});
emergency('injury.amputation', {
	when: c('amputation'),
	clinician: 'amputation',
	reason: 'Traumatic amputation needs emergency care and fast transport of the part.'
	// Source: ATLS.
});
emergency('injury.open_fracture', {
	when: c('open_fracture'),
	clinician: 'bone through the skin → open fracture',
	reason: 'Open fractures need emergency antibiotics and surgery.'
	// Source: BOAST open fracture standard.
});
urgent('injury.fracture', {
	when: anyOf('fracture', 'cant_bear_weight'),
	clinician: 'possible fracture or cannot bear weight',
	reason: 'Deformity, inability to bear weight or a likely break needs same-day imaging.'
	// Source: Ottawa ankle/knee rules.
});
urgent('injury.major_mechanism', {
	when: c('major_trauma'),
	clinician: 'high-energy mechanism (vehicle, fall from height)',
	reason: 'High-energy trauma can cause hidden injuries.'
	// Source: ATLS / field triage guidelines.
});
urgent('injury.deep_wound', {
	when: any(c('deep_wound'), all(c('wound'), c('anticoagulant'))),
	clinician: 'deep wound or wound on an anticoagulant',
	reason: 'Deep wounds need closure within hours; anticoagulation prolongs bleeding.'
	// Source: Wound closure timing guidance.
});
emergency('injury.burn_severe', {
	when: c('burn_severe'),
	clinician: 'electrical, chemical, facial, inhalational or large burn',
	reason: 'These burns threaten the airway or carry hidden injury.'
	// Source: American Burn Association referral criteria.
});
urgent('injury.burn', {
	when: c('burn'),
	clinician: 'burn',
	reason: 'Burns need same-day assessment of depth and size.'
	// Source: American Burn Association referral criteria.
});
emergency('injury.snake_bite', {
	when: c('snake_bite'),
	clinician: 'snake bite',
	reason: 'Possible envenomation needs emergency care.'
	// Source: Snakebite first aid guidance.
});
urgent('injury.animal_bite', {
	when: c('animal_bite'),
	clinician: 'animal or human bite',
	reason: 'Bites need same-day wound care, antibiotics and rabies/tetanus assessment.'
	// Source: CDC rabies PEP; IDSA skin and soft tissue infection guideline.
});
emergency('bleeding.unstable', {
	when: all(
		anyOf('bleeding', 'hematuria', 'cough_blood'),
		anyOf('dizzy', 'syncope', 'unresponsive'),
		anyOf('large_blood', 'anticoagulant', 'syncope')
	),
	clinician: 'bleeding with faintness',
	reason: 'Bleeding with dizziness or fainting suggests significant blood loss.'
	// Source: ATLS haemorrhage classes.
});
urgent('bleeding.heavy_or_anticoagulated', {
	when: all(anyOf('bleeding', 'hematuria', 'wound'), anyOf('large_blood', 'anticoagulant')),
	clinician: 'heavy bleeding, or bleeding on an anticoagulant',
	reason: 'Heavy bleeding or bleeding on anticoagulants needs prompt assessment.'
	// Source: Anticoagulant bleeding management guidance.
});

/* ---------- abdomen ---------- */

emergency('abd.rigid', {
	when: all(c('abd_pain'), c('rigid_abdomen')),
	clinician: 'abdominal pain with a rigid abdomen → possible peritonitis',
	reason: 'A board-like abdomen suggests perforation or peritonitis.'
	// Source: Acute abdomen assessment.
});
urgent('abd.appendicitis_signs', {
	when: any(c('rlq_pain'), all(c('abd_pain'), c('peritonism'))),
	clinician: 'right lower quadrant or peritonitic pain → possible appendicitis',
	reason: 'Migratory RLQ pain or pain worse with movement suggests appendicitis.'
	// Source: Alvarado score features.
});
urgent('abd.severe_or_systemic', {
	when: all(
		c('abd_pain'),
		any(
			c('severe'),
			{ severityAtLeast: 8 },
			all(c('fever'), anyOf('vomit', 'nausea', 'no_appetite')),
			all(older, anyOf('vomit', 'fever'))
		)
	),
	clinician: 'severe abdominal pain, or pain with fever and vomiting',
	reason: 'Severe or systemic abdominal pain needs same-day surgical assessment.'
	// Source: Acute abdomen triage protocols.
});
urgent('abd.pregnancy', {
	when: all(anyOf('abd_pain', 'pelvic_side_pain', 'uterine_cramps'), maybePregnant),
	clinician: 'abdominal/pelvic pain in (possible) pregnancy',
	reason: 'Abdominal pain in pregnancy can be ectopic pregnancy, miscarriage or abruption.'
	// Source: Clearline labelling policy (shared/triage/README.md): pregnancy modifies abdominal pain.
});
emergency('gi.bilious_vomit_child', {
	when: all(c('green_vomit'), { ageBelow: 2 }),
	clinician: 'green (bilious) vomiting in an infant → possible malrotation/volvulus',
	reason: 'Bilious vomiting in infants is a surgical emergency until proven otherwise.'
	// Source: Paediatric surgical guidance.
});
urgent('gi.bilious_vomit', {
	when: c('green_vomit'),
	clinician: 'green (bilious) vomiting → possible obstruction',
	reason: 'Bilious vomiting suggests bowel obstruction.'
	// Source: Acute abdomen assessment.
});

/* ---------- fever, sepsis, meningitis ---------- */

emergency('fever.infant_under_3_months', {
	when: all(c('fever'), youngInfant),
	clinician: 'fever in an infant under 3 months',
	reason: 'Any fever ≥38 °C under 3 months may be serious bacterial infection.'
	// Source: Clearline labelling policy (shared/triage/README.md); NICE NG143 fever in under 5s (red).
});
emergency('sepsis.meningitis', {
	when: any(
		all(c('fever'), c('stiff_neck')),
		all(c('stiff_neck'), c('headache'), anyOf('photophobia', 'vomit', 'confusion', 'rash'))
	),
	clinician: 'fever/headache with stiff neck → possible meningitis',
	reason: 'Neck stiffness with fever or headache and photophobia suggests meningitis.'
	// Source: NICE CG102 / NG240 meningitis.
});
emergency('sepsis.non_blanching_rash', {
	when: all(
		c('non_blanching'),
		any(c('fever'), c('lethargy'), c('headache'), c('vomit'), c('confusion'), { ageBelow: 18 })
	),
	clinician: 'non-blanching rash with fever or illness → possible meningococcal sepsis',
	reason: 'A rash that does not fade with fever or illness is meningococcal disease until proven otherwise.'
	// Source: NICE NG240 meningitis and meningococcal disease.
});
urgent('sepsis.non_blanching_rash_alone', {
	when: c('non_blanching'),
	clinician: 'non-blanching rash',
	reason: 'Petechiae or purpura need same-day assessment (low platelets, vasculitis, sepsis).'
	// Source: NICE NG240.
});
emergency('sepsis.red_flags', {
	when: all(
		c('fever'),
		any(
			c('confusion'),
			c('unresponsive'),
			c('fast_breathing'),
			c('mottled'),
			c('syncope'),
			c('severe_dyspnea'),
			all(c('rigors'), older),
			c('oliguria'),
			c('doom')
		)
	),
	clinician: 'fever with confusion, fast breathing, mottling or collapse → possible sepsis',
	reason: 'Infection with altered mental state, tachypnoea or poor perfusion meets sepsis red flags.'
	// Source: NICE NG51 sepsis high-risk criteria; qSOFA.
});
emergency('sepsis.immunocompromised', {
	when: all(c('fever'), c('immunocompromised')),
	clinician: 'fever on chemotherapy / immunosuppression → possible neutropenic sepsis',
	reason: 'Neutropenic sepsis can kill within hours.'
	// Source: NICE CG151 neutropenic sepsis.
});
emergency('peds.unwell_child_fever', {
	when: all(c('fever'), { ageBelow: 18 }, anyOf('lethargy', 'unresponsive', 'dehydration', 'severe_dyspnea')),
	clinician: 'febrile child who is lethargic, floppy or dehydrated',
	reason: 'Lethargy or dehydration in a febrile child are NICE red/amber features.'
	// Source: NICE NG143 traffic-light system.
});
urgent('fever.high_risk', {
	when: any(
		c('high_fever'),
		all(c('fever'), any(older, { ageBelow: 0.5 }, pregnant, c('photophobia'), c('postpartum'), c('rigors')))
	),
	clinician: 'fever that is very high or in a high-risk patient',
	reason: 'Very high fever, or fever in older adults, young infants, pregnancy or with rigors needs same-day review.'
	// Source: NICE NG143; NICE NG51 moderate-risk criteria.
});
routine('fever.general', {
	when: c('fever'),
	clinician: 'fever without red flags',
	reason: 'Fever in a well patient can be handled by the care team with safety-netting.'
	// Source: NICE NG143 green features.
});

/* ---------- allergy ---------- */

emergency('allergy.airway', {
	when: c('airway_swelling'),
	clinician: 'lip/tongue/throat swelling or voice change → possible anaphylaxis',
	reason: 'Airway swelling is anaphylaxis until proven otherwise.'
	// Source: Resuscitation Council UK / WAO anaphylaxis criteria.
});
emergency('allergy.systemic', {
	when: all(
		anyOf('hives', 'allergen', 'drug_started'),
		anyOf('dyspnea', 'wheeze', 'dizzy', 'syncope', 'face_swelling'),
		anyOf('hives', 'face_swelling', 'rash')
	),
	clinician: 'allergic skin reaction with breathing, circulation or facial swelling',
	reason: 'Skin signs plus respiratory or circulatory involvement meet anaphylaxis criteria.'
	// Source: WAO anaphylaxis criteria.
});
urgent('allergy.face_swelling', {
	when: c('face_swelling'),
	clinician: 'facial swelling',
	reason: 'Facial swelling can be angioedema or facial infection and needs same-day review.'
	// Source: Angioedema guidance.
});
urgent('allergy.drug_or_food_reaction', {
	// A local itch or bump at a sting site is not an allergic reaction; hives are, and so is any new rash on a drug.
	when: any(all(c('hives'), anyOf('drug_started', 'allergen')), all(c('rash'), c('drug_started'))),
	clinician: 'new rash or hives after a drug or food → allergic reaction',
	reason: 'A new drug reaction needs same-day advice to stop the drug and watch for progression.'
	// Source: Clearline labelling policy (shared/triage/README.md): urticarial drug reaction → urgent.
});
urgent('ent.cannot_swallow', {
	when: c('cant_swallow'),
	clinician: 'difficulty swallowing',
	reason: 'New inability to swallow can be airway compromise, abscess or obstruction.'
	// Source: ENT red flags.
});

/* ---------- pregnancy ---------- */

emergency('ob.possible_ectopic', {
	when: all(
		maybePregnant,
		anyOf('pelvic_side_pain', 'abd_pain'),
		anyOf('bleeding', 'dizzy', 'syncope', 'shoulder_pain')
	),
	clinician:
		'(possible) pregnancy with one-sided pelvic pain plus bleeding, faintness or shoulder pain → possible ectopic',
	reason: 'These are the features of ruptured ectopic pregnancy.'
	// Source: Clearline labelling policy (shared/triage/README.md); NICE NG126 ectopic pregnancy.
});
emergency('ob.bleeding_with_pain_or_heavy', {
	when: all(
		pregnant,
		anyOf('bleeding', 'large_blood'),
		anyOf('pain', 'abd_pain', 'large_blood', 'uncontrolled_bleeding', 'dizzy', 'syncope')
	),
	clinician: 'bleeding in pregnancy with pain, heavy flow or faintness',
	reason: 'Painful or heavy bleeding in pregnancy may be miscarriage, ectopic or abruption.'
	// Source: NICE NG126; RCOG antepartum haemorrhage guidance.
});
urgent('ob.bleeding', {
	when: all(maybePregnant, c('bleeding')),
	clinician: 'bleeding in (possible) pregnancy',
	reason: 'Any bleeding in pregnancy needs prompt clinician review.'
	// Source: Clearline labelling policy (shared/triage/README.md): first-trimester bleeding → urgent.
});
emergency('ob.preeclampsia', {
	when: all(
		pregnant,
		any(
			all(c('headache'), anyOf('vision_change', 'hand_face_swelling', 'bp_very_high_any', 'severe', 'not_helping')),
			all(c('vision_change'), c('hand_face_swelling')),
			c('bp_very_high_any')
		)
	),
	clinician: 'pregnancy with headache, visual disturbance or swelling → possible pre-eclampsia',
	reason: 'Headache, visual symptoms, oedema or severe hypertension in pregnancy are pre-eclampsia warning signs.'
	// Source: NICE NG133 hypertension in pregnancy.
});
urgent('ob.warning_signs', {
	when: all(
		pregnant,
		anyOf(
			'headache',
			'vision_change',
			'hand_face_swelling',
			'fever',
			'dysuria',
			'labour',
			'vomit',
			'leg_swelling',
			'calf_pain'
		)
	),
	clinician: 'pregnancy with a warning symptom',
	reason:
		'Headache, visual change, swelling, fever, urinary symptoms or labour signs in pregnancy need same-day review.'
	// Source: Clearline labelling policy (shared/triage/README.md): pregnancy modifies headache and swelling.
});
emergency('ob.absent_fetal_movement', {
	when: all(pregnant, c('fetal_movement_absent')),
	clinician: 'no fetal movements felt → possible fetal compromise',
	reason: 'Absent fetal movements need immediate assessment on the labour ward, not a call back.'
	// Source: RCOG Green-top 57 reduced fetal movements: no movements → attend immediately.
});
urgent('ob.fetal_movement', {
	when: any(c('fetal_movement'), c('labour')),
	clinician: 'reduced fetal movement or labour signs',
	reason: 'Reduced fetal movements or ruptured membranes need same-day obstetric assessment.'
	// Source: RCOG reduced fetal movements guideline.
});
emergency('ob.postpartum_red_flags', {
	when: all(
		c('postpartum'),
		anyOf('large_blood', 'uncontrolled_bleeding', 'dyspnea', 'chest_pain', 'severe_headache', 'thunderclap', 'seizure')
	),
	clinician: 'postpartum with heavy bleeding, breathlessness, chest pain or severe headache',
	reason: 'Postpartum haemorrhage, PE and postpartum pre-eclampsia are leading causes of maternal death.'
	// Source: AWHONN POST-BIRTH warning signs.
});
urgent('ob.postpartum', {
	when: all(c('postpartum'), anyOf('fever', 'headache', 'leg_swelling', 'calf_pain', 'bleeding')),
	clinician: 'postpartum warning symptom',
	reason: 'Fever, headache, leg swelling or bleeding after birth need same-day review.'
	// Source: AWHONN POST-BIRTH warning signs.
});

/* ---------- infants and hydration ---------- */

emergency('peds.infant_lethargy', {
	when: all(infant, anyOf('lethargy', 'unresponsive')),
	clinician: 'lethargic or floppy infant',
	reason: 'A floppy or unusually sleepy baby may have sepsis, dehydration or another serious illness.'
	// Source: NICE NG143 red features.
});
emergency('peds.infant_dehydration', {
	when: all(infant, c('dehydration')),
	clinician: 'infant with signs of dehydration',
	reason: 'Infants dehydrate quickly; no wet diapers is a red feature.'
	// Source: NICE CG84 diarrhoea and vomiting in children.
});
urgent('peds.infant_feeding_or_vomiting', {
	when: any(all(infant, c('poor_feeding')), all(youngInfant, c('vomit'))),
	clinician: 'infant feeding poorly or a young infant vomiting',
	reason: 'Poor feeding or vomiting in infants needs same-day review.'
	// Source: NICE NG143 amber features.
});
urgent('hydration.dehydration', {
	when: c('dehydration'),
	clinician: 'signs of dehydration',
	reason: 'Reduced urine output or not keeping fluids down risks kidney injury, especially in the very young and old.'
	// Source: Clearline labelling policy (shared/triage/README.md): older adults with dehydration triage higher.
});
urgent('older.acute_decline', {
	when: all(
		older,
		anyOf('diarrhea', 'vomit', 'poor_feeding'),
		anyOf('poor_feeding', 'dehydration', 'lethargy', 'no_appetite', 'weakness', 'dizzy')
	),
	clinician: 'older adult with vomiting/diarrhoea and weakness or poor intake',
	reason: 'Older adults decompensate quickly with fluid loss.'
	// Source: Clearline labelling policy (shared/triage/README.md): older adults triage higher.
});

/* ---------- urology and testes ---------- */

emergency('uro.cauda_equina', {
	when: any(c('saddle_numbness'), all(c('back_pain'), anyOf('retention', 'incontinence'))),
	clinician: 'back pain with saddle numbness or bladder/bowel change → possible cauda equina',
	reason: 'Cauda equina syndrome needs emergency MRI and decompression.'
	// Source: NICE CKS sciatica red flags; GIRFT cauda equina pathway.
});
urgent('uro.retention', {
	when: c('retention'),
	clinician: 'unable to pass urine',
	reason: 'Acute urinary retention is painful and can damage the kidneys.'
	// Source: Urology emergency guidance.
});
emergency('uro.testicular_torsion', {
	when: all(
		c('testicular_pain'),
		any(c('sudden'), c('vomit'), c('nausea'), c('severe'), c('swelling'), { severityAtLeast: 7 }, { ageBelow: 25 })
	),
	clinician: 'sudden/severe testicular pain → possible torsion',
	reason: 'Testicular torsion has a salvage window of hours.'
	// Source: EAU paediatric urology; AUA torsion guidance.
});
urgent('uro.testicular_pain', {
	when: c('testicular_pain'),
	clinician: 'testicular pain or swelling',
	reason: 'Testicular pain needs same-day exclusion of torsion.'
	// Source: EAU guidance.
});
urgent('uro.pyelonephritis', {
	when: all(c('dysuria'), anyOf('fever', 'flank_pain', 'back_pain', 'rigors', 'vomit')),
	clinician: 'urinary symptoms with fever or flank pain → possible pyelonephritis',
	reason: 'UTI with fever or flank pain suggests upper tract infection needing prompt antibiotics.'
	// Source: NICE NG111 pyelonephritis.
});
urgent('uro.haematuria_symptomatic', {
	when: all(c('hematuria'), anyOf('pain', 'fever', 'anticoagulant', 'large_blood', 'retention', 'flank_pain')),
	clinician: 'blood in urine with pain, fever, clots or anticoagulant',
	reason: 'Symptomatic haematuria may be stones, infection or clot retention.'
	// Source: Urology referral guidance.
});
routine('uro.haematuria', {
	when: c('hematuria'),
	clinician: 'blood in urine',
	reason: 'Painless visible haematuria needs investigation but not within the hour.'
	// Source: NICE NG12.
});
urgent('uro.renal_colic', {
	when: all(c('flank_pain'), any(c('severe'), c('vomit'), c('fever'), { severityAtLeast: 7 })),
	clinician: 'severe flank pain → possible renal colic or infection',
	reason: 'Severe loin pain with vomiting or fever may be an obstructed or infected kidney.'
	// Source: NICE NG118 renal colic.
});
routine('uro.uti', {
	when: c('dysuria'),
	clinician: 'lower urinary tract symptoms without fever',
	reason: 'Uncomplicated cystitis can be handled within a business day.'
	// Source: NICE NG109.
});

/* ---------- circulation: DVT / PE ---------- */

emergency('vascular.pe_signs', {
	when: all(
		anyOf('dyspnea', 'pleuritic_pain', 'cough_blood', 'chest_pain', 'rib_pain'),
		any(c('leg_swelling'), all(c('calf_pain'), c('dvt_risk')))
	),
	clinician: 'breathing or chest symptoms with a swollen/painful leg → possible PE',
	reason: 'Chest symptoms with signs of DVT suggest pulmonary embolism.'
	// Source: Wells PE criteria; NICE NG158.
});
urgent('vascular.dvt', {
	when: any(c('leg_swelling'), all(c('calf_pain'), c('dvt_risk'))),
	clinician: 'swollen or painful calf/leg (with risk factors) → possible DVT',
	reason: 'Unilateral leg swelling or calf pain after travel, surgery or hormones suggests DVT.'
	// Source: Wells DVT criteria; NICE NG158.
});

/* ---------- diabetes ---------- */

emergency('dm.dka_or_hhs', {
	when: any(
		all(
			c('glucose_hi_text'),
			anyOf('vomit', 'fast_breathing', 'dyspnea', 'confusion', 'lethargy', 'unresponsive', 'abd_pain', 'dka')
		),
		all(c('dka'), anyOf('diabetes', 'vomit', 'fast_breathing', 'glucose_hi_text')),
		all(c('type1'), c('vomit'), c('dehydration'))
	),
	clinician: 'very high sugar with vomiting, fast breathing, ketones or drowsiness → possible DKA/HHS',
	reason: 'Hyperglycaemia with vomiting, Kussmaul breathing, ketotic breath or drowsiness indicates DKA or HHS.'
	// Source: JBDS / ADA hyperglycaemic crises guidance.
});
emergency('dm.hypo_severe', {
	when: all(c('glucose_lo_text'), anyOf('confusion', 'unresponsive', 'seizure', 'syncope', 'lethargy')),
	clinician: 'low sugar with confusion, drowsiness, seizure or collapse',
	reason: 'Severe hypoglycaemia with neuroglycopenia needs emergency treatment.'
	// Source: ADA severe hypoglycaemia definition.
});
urgent('dm.hypo', {
	when: c('glucose_lo_text'),
	clinician: 'low blood sugar / recurrent hypos',
	reason: 'Hypoglycaemia, especially recurrent or on sulfonylureas, needs same-day medication review.'
	// Source: Clearline labelling policy (shared/triage/README.md): recurrent sulfonylurea hypoglycaemia → urgent.
});
urgent('dm.hyperglycaemia', {
	when: any(
		c('glucose_very_high'),
		all(c('glucose_hi_text'), anyOf('type1', 'ran_out', 'vomit', 'nausea', 'abd_pain', 'dehydration')),
		all(c('type1'), c('vomit'))
	),
	clinician: 'high sugar with type 1 diabetes, vomiting or no insulin → DKA risk',
	reason: 'Type 1 diabetes with high sugar, vomiting or missed insulin can become DKA within hours.'
	// Source: JBDS sick-day rules.
});

/* ---------- medication ---------- */

emergency('med.double_dose_symptomatic', {
	when: all(c('double_dose'), anyOf('syncope', 'confusion', 'unresponsive', 'lethargy', 'severe_dyspnea', 'bleeding')),
	clinician: 'medication error with symptoms',
	reason: 'A medication overdose with symptoms needs emergency care.'
	// Source: Poison-centre practice.
});
urgent('med.double_dose', {
	when: c('double_dose'),
	clinician: 'extra or wrong dose taken',
	reason:
		'Double doses of cardiac, diabetic, anticoagulant or psychiatric drugs can cause harm; a clinician or poison control assesses.'
	// Source: Clearline labelling policy (shared/triage/README.md): double dose of a beta-blocker → urgent.
});

/* ---------- patterns from independent vignettes ---------- */

emergency('neuro.posterior_stroke_signs', {
	when: any(
		all(c('ataxia'), anyOf('sudden', 'double_vision', 'speech_problem', 'face_droop', 'vomit', 'headache')),
		all(c('double_vision'), c('sudden'))
	),
	clinician: 'sudden loss of balance/coordination or double vision → possible posterior circulation stroke',
	reason: 'Balance and eye signs (the B and E of BE FAST) are the posterior-circulation strokes FAST misses.'
	// Source: AHA/ASA BE FAST; NICE NG128.
});

emergency('env.carbon_monoxide', {
	when: any(
		c('co_named'),
		all(c('co_source'), anyOf('headache', 'dizzy', 'nausea', 'vomit', 'confusion', 'syncope', 'lethargy'))
	),
	clinician: 'headache/dizziness/nausea with a fuel-burning source → possible carbon monoxide poisoning',
	reason: 'CO poisoning mimics flu, often affects a whole household and can kill; everyone must leave the building.',
	// Source: CDC carbon monoxide poisoning clinical guidance.
	patientText:
		'Get everyone (and pets) out of the building into fresh air now and call 911. A clinician has also been alerted.'
});
emergency('injury.fall_older_cannot_get_up', {
	when: all(older, c('fall_event'), anyOf('cant_get_up', 'cant_bear_weight')),
	clinician: 'older adult who fell and cannot get up or bear weight → possible hip fracture / long lie',
	reason: 'An older adult unable to get up after a fall may have a hip fracture and risks a long lie.'
	// Source: NICE CG124 hip fracture; NICE CG161 falls (long lie).
});
emergency('resp.stridor_at_rest', {
	when: c('stridor_rest'),
	clinician: 'stridor at rest → upper airway obstruction',
	reason: 'Stridor at rest signals moderate to severe upper airway obstruction.'
	// Source: NICE CKS croup (Westley score); RCH croup guideline.
});
urgent('resp.stridor', {
	when: c('stridor'),
	clinician: 'barking cough or noisy breathing in → croup / upper airway',
	reason: 'Stridor or croup needs same-day assessment and often steroids.'
	// Source: NICE CKS croup.
});
urgent('eye.zoster', {
	when: c('zoster_eye'),
	clinician: 'blisters/shingles on the forehead or near the eye → possible herpes zoster ophthalmicus',
	reason: 'Zoster in the ophthalmic division threatens the eye and needs antivirals within 72 hours.'
	// Source: NICE CKS shingles (same-day ophthalmology if eye involved).
});
urgent('resp.pneumonia_signs', {
	when: any(
		all(c('fever'), anyOf('cough', 'productive_cough'), c('pleuritic_pain')),
		all(c('fever'), c('productive_cough'), any(older, c('dyspnea')))
	),
	clinician: 'fever with cough and pleuritic pain → possible pneumonia',
	reason: 'Fever with productive cough and pleuritic pain suggests pneumonia needing same-day examination.'
	// Source: NICE NG138 / CG191 pneumonia (CRB-65 assessment).
});
urgent('skin.wound_infection', {
	when: all(
		anyOf('wound_infection', 'spreading_redness'),
		anyOf('fever', 'rigors', 'diabetes', 'immunocompromised', 'spreading_redness')
	),
	clinician: 'infected wound or spreading redness with fever or risk factors → possible cellulitis / wound infection',
	reason:
		'A wound infection with fever, spreading redness or diabetes needs same-day antibiotics and review for sepsis.'
	// Source: NICE NG141 cellulitis; NICE NG125 surgical site infection.
});
urgent('neuro.giant_cell_arteritis', {
	when: all(
		{ ageAtLeast: 50 },
		any(c('jaw_claudication'), all(c('scalp_tender'), anyOf('headache', 'vision_change', 'jaw_claudication')))
	),
	clinician: 'new headache with scalp tenderness or jaw claudication, age 50+ → possible giant cell arteritis',
	reason: 'Untreated giant cell arteritis can cause sudden permanent blindness; steroids are started the same day.'
	// Source: BSR 2020 giant cell arteritis guideline (fast-track pathway).
});
urgent('ent.sudden_hearing_loss', {
	when: c('hearing_loss_sudden'),
	clinician: 'sudden hearing loss',
	reason: 'Sudden sensorineural hearing loss responds to steroids only if started early.'
	// Source: AAO-HNS sudden hearing loss guideline; NICE CKS.
});
urgent('dm.new_onset_symptoms', {
	when: all(
		c('thirst'),
		any(all(c('polyuria'), any({ ageBelow: 18 }, c('weight_loss'))), all(c('weight_loss'), { ageBelow: 18 }))
	),
	clinician: 'thirst with polyuria or weight loss → possible new diabetes',
	reason: 'Children with thirst, polyuria and weight loss can be in early DKA; test glucose the same day.'
	// Source: NICE NG18 (same-day referral for suspected type 1 diabetes in children).
});

emergency('tox.sedative_with_alcohol', {
	when: all(c('sedative_taken'), c('alcohol_binge')),
	clinician: 'heavy alcohol plus a sedative or opioid → risk of respiratory depression',
	reason: 'Alcohol with benzodiazepines, opioids or sleeping tablets can stop breathing.'
	// Source: FDA boxed warning (opioid/benzodiazepine/alcohol co-use); poison-centre practice.
});
emergency('safety.strangulation_or_threat', {
	when: c('strangulation'),
	clinician: 'non-fatal strangulation or threat to kill → very high risk of homicide',
	reason:
		'Strangulation by a partner is the strongest predictor of later homicide and can cause delayed airway injury.',
	// Source: Training Institute on Strangulation Prevention; DASH risk checklist.
	patientText: 'If you are in danger now, call 911. A clinician has also been alerted and will contact you safely.'
});
urgent('safety.abuse', {
	when: c('abuse'),
	clinician: 'patient reports abuse or feeling unsafe at home',
	reason: 'Domestic abuse needs a same-day, private clinician response and safety planning.',
	// Source: USPSTF intimate partner violence screening; NICE PH50.
	patientText:
		'If you are in danger now, call 911. A nurse or doctor will contact you within 30 minutes; tell us if it is not safe to call.'
});
emergency('neuro.spinal_injury', {
	when: all(
		anyOf('major_trauma', 'fall_event', 'injury_mech'),
		anyOf('back_pain', 'neck'),
		anyOf('limb_deficit', 'focal_neuro', 'saddle_numbness', 'incontinence')
	),
	clinician: 'back/neck injury with numbness, tingling or weakness → possible spinal cord injury',
	reason: 'Neurological symptoms after spinal trauma need immobilisation and emergency imaging.'
	// Source: NEXUS / Canadian C-spine rule; ATLS.
});
emergency('peds.infant_apnoea', {
	when: all(c('apnoea'), infant),
	clinician: 'infant with pauses in breathing or colour change → possible BRUE / apnoea',
	reason: 'Pauses in breathing or turning blue or floppy in an infant can signal sepsis, seizures or airway problems.'
	// Source: AAP 2016 BRUE clinical practice guideline.
});
emergency('peds.red_features', {
	when: any(c('bulging_fontanelle'), all(c('fever'), c('red_cry'), { ageBelow: 5 })),
	clinician: 'bulging fontanelle, or fever with a high-pitched/weak cry → NICE red features',
	reason: 'A bulging fontanelle or a weak/high-pitched cry with fever suggests meningitis or sepsis in a young child.'
	// Source: NICE NG143 traffic-light system (red).
});
emergency('sepsis.fever_headache_rash', {
	when: all(
		c('fever'),
		c('headache'),
		c('rash'),
		anyOf('vomit', 'photophobia', 'confusion', 'lethargy', 'severe_headache')
	),
	clinician: 'fever, headache and rash with vomiting or drowsiness → possible meningococcal disease',
	reason:
		'Early meningococcal disease presents as fever, headache, vomiting and a rash before the rash becomes purpuric.'
	// Source: NICE NG240 meningitis and meningococcal disease.
});
emergency('vascular.aaa_rupture', {
	when: all(
		{ ageAtLeast: 50 },
		anyOf('back_pain', 'abd_pain', 'flank_pain', 'aneurysm'),
		anyOf('sudden', 'severe', 'severe_pain', 'aneurysm'),
		anyOf('dizzy', 'syncope')
	),
	clinician: 'sudden severe back/abdominal pain with faintness, age 50+ → possible ruptured aortic aneurysm',
	reason: 'Ruptured AAA presents as sudden back or abdominal pain with collapse and is rapidly fatal.'
	// Source: NICE NG156 abdominal aortic aneurysm.
});
emergency('ob.abdominal_pain_red_flags', {
	when: all(pregnant, c('abd_pain'), anyOf('persistent', 'rigid_abdomen', 'severe', 'severe_pain')),
	clinician: 'pregnant with constant, severe or board-like abdominal pain → possible abruption',
	reason: 'Constant or severe abdominal pain or a hard uterus in pregnancy can be placental abruption.'
	// Source: RCOG Green-top 63 antepartum haemorrhage.
});
urgent('gi.jaundice', {
	when: c('jaundice'),
	clinician: 'new jaundice',
	reason: 'New jaundice (obstruction, hepatitis, haemolysis) needs same-day assessment.'
	// Source: NICE CKS jaundice in adults.
});
emergency('uro.priapism', {
	when: c('priapism'),
	clinician: 'prolonged erection → priapism',
	reason: 'Ischaemic priapism over 4 hours causes permanent damage without emergency treatment.'
	// Source: AUA/SMSNA priapism guideline.
});

/* ---------- general severity ---------- */

urgent('general.severe_pain', {
	when: any(c('severe_pain'), all({ severityAtLeast: 8 }, { clinicalSignal: true })),
	clinician: 'severe pain',
	reason: 'Severe pain needs same-day assessment whatever its site.'
	// Source: Telephone triage protocols (pain severity ≥ 8/10).
});
routine('general.limb_symptoms', {
	when: c('limb_deficit'),
	clinician: 'numbness/weakness without stroke features',
	reason: 'Gradual or bilateral numbness needs review but not emergency care.'
	// Source: Primary care neuropathy pathway.
});

/* ---------- non-clinical and fall-back ---------- */

rule('admin.request', 'admin', {
	when: all(c('admin_request'), { clinicalSignal: false }),
	clinician: 'administrative request, no clinical content',
	reason: 'Refills of stable medicines, billing, records, forms and scheduling go to support staff.'
	// Source: Clearline labelling policy (shared/triage/README.md): admin only when no clinical red flag appears anywhere.
});
rule('default.routine_clinical', 'routine', {
	when: { clinicalSignal: true },
	clinician: 'clinical content without red flags',
	reason: 'Clinical questions without red flags are answered by the care team within a business day.',
	// Source: Default rule.
	fallback: true
});
rule('default.routine_unclassified', 'routine', {
	when: { clinicalSignal: false },
	clinician: 'nothing recognised; a person must read it',
	reason: 'Empty or unclear reports are never treated as admin: the care team reads them.',
	// Source: Clearline labelling policy (shared/triage/README.md): empty or nonsense text is routine, not admin.
	fallback: true
});

export const ruleSet: RuleSet = {
	version: '2026.11.1',
	rules,
	lexicon
};
