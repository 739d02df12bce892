#!/usr/bin/env node
// Second held-out set for the redaction engine: conversations nobody tuned on.
//   node scripts/heldout2/generate.mjs            -> eval/heldout2/heldout2.jsonl
// Deterministic (seeded mulberry32). Gold offsets are recorded while each turn is assembled and then
// re-checked: every gold text must equal its substring, have no space/punctuation at its edges, and
// card numbers must pass Luhn, routing numbers the ABA checksum, IBANs mod-97.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRng, Conversation, L, N, luhnOk, abaOk, ibanOk, n2w } from './lib.mjs';
import { values, PETS, DOCTORS, AGENTS } from './values.mjs';

const SEED = 0x5eed2026;
const COUNT = 252;
const R = makeRng(SEED);
const V = values(R);
const { S } = V;

// ---- hard negatives (rule 11): rendered per style, never labelled --------------------------------
const lettersSay = (s) => s.split('').map((ch) => (/\d/.test(ch) ? S.dw(ch) : /[A-Za-z]/.test(ch) ? ch.toLowerCase() : '')).filter(Boolean).join(' ');
const NEG = {
  ref: (prefix) => { const v = `${prefix}${R.digits(R.int(6, 9))}`; return { f: v, a: lettersSay(v), c: v }; },
  dashedRef: (prefix) => { const v = `${prefix}-${R.digits(4)}-${R.digits(3)}`; return { f: v, a: lettersSay(v), c: v }; },
  /** a long numeric reference that happens to pass Luhn: looks like a card, is not one */
  luhnRef: () => { let v; do { v = R.pick(['8', '9']) + R.digits(15); } while (!luhnOk(v)); const g = v.match(/.{4}/g); return { f: g.join(' '), a: S.sayGroups(g, 'digits'), c: v }; },
  tracking: () => { const v = R.chance(0.5) ? `1Z${R.digits(3)}AX${R.digits(10)}` : R.digits(22); return { f: v, a: lettersSay(v), c: v }; },
  amount: (cur = '$') => { const d = R.int(8, 3400); const c = R.int(0, 99); const f = `${cur}${d.toLocaleString('en-US')}.${String(c).padStart(2, '0')}`; const unit = { '$': 'dollars', '€': 'euro', '£': 'pounds', '₹': 'rupees', 'A$': 'dollars' }[cur]; return { f, a: `${n2w(d)} ${unit}${c ? ` and ${n2w(c)} ${cur === '£' ? 'pence' : 'cents'}` : ''}`, c: f }; },
  time: () => { const h = R.int(1, 12); const m = R.pick([0, 15, 30, 45, 10]); return { f: `${h}:${String(m).padStart(2, '0')} ${R.pick(['am', 'pm'])}`, a: `${n2w(h)} ${m === 0 ? "o'clock" : m < 10 ? 'oh ' + n2w(m) : n2w(m)} ${R.pick(['a m', 'p m'])}`.replace("o'clock a m", "o'clock").replace("o'clock p m", "o'clock"), c: `${h}${m ? ':' + m : ''}${R.pick(['am', 'pm'])}` }; },
  date: () => { const m = R.pick(['March', 'May', 'June', 'August', 'October', 'December']); const d = R.int(1, 28); return { f: `${m} ${d}`, a: `${m.toLowerCase()} ${n2w(d)}`, c: `${m.slice(0, 3)} ${d}` }; },
  flight: () => { const v = `${R.pick(['EI', 'QF', 'AI', 'BA', 'AC'])} ${R.int(12, 989)}`; return { f: v, a: lettersSay(v), c: v.replace(' ', '') }; },
  model: () => { const v = R.pick(['SM-S928B', 'A3102', 'XT2403-2', 'G9-PRO-128']); return { f: v, a: lettersSay(v), c: v }; },
  otp: () => { const v = R.digits(6); return { f: v, a: S.sayDigits(v), c: v }; },
  percent: () => { const w = R.int(2, 9); const p = R.int(1, 9); return { f: `${w}.${p}%`, a: `${n2w(w)} point ${n2w(p)} percent`, c: `${w}.${p}%` }; },
  count: (n) => ({ f: String(n), a: n2w(n), c: String(n) }),
};
const um = () => R.pick(['', '', 'uh, ', 'um, ', 'er, ', 'so, uh, ']);
const ack = () => R.pick(['Mm-hmm.', 'Okay.', 'Go on.', 'Yep.', 'Got it, next four?', 'Okay, and then?', 'Uh-huh.']);
const emo = (C) => (C.style === 'chat' && R.chance(0.35) ? ' ' + R.pick(['🙏', '😅', '👍', '🙂', '😬', '🐾', '📦']) : '');
const P = (v) => L('PERSON', V.nameV(v));

// ---- beats ---------------------------------------------------------------------------------
function greet(C) {
  const A = P(C.agent);
  const co = C.co;
  if (C.style === 'chat') {
    C.t.say('agent', ...R.pick([[`You're now chatting with `, A, ` 👋 How can I help?`], [`Hi there! `, A, ` from ${co} here. What can I do for you today?`], [`Hello, thanks for contacting ${co}. My name is `, A, `.`]]));
  } else {
    C.t.say('agent', ...R.pick([
      [`Thanks for calling ${co}, this is `, A, `. How can I help?`],
      [`${co}, `, A, ` speaking.`],
      [`Good afternoon, you're through to ${co}. My name's `, A, `, how can I help today?`],
      [`Hi, `, A, ` here at ${co}, what can I do for you?`],
      [`You're speaking with `, A, ` at ${co}, I'll be looking after you today.`],
      [`Morning, ${co}. I'm `, A, `.`],
      [`Hello, ${co} accounts team, it's `, A, ` on the line.`],
      [`Hi there, my name is `, A, ` and I'll be helping you today at ${co}.`],
      [`${co}, good evening, `, A, ` here, who am I speaking with?`],
    ]));
  }
  const hi = R.chance(0.3) ? ['Hi ', P(C.agent), ', '] : [R.pick(['Hi, ', 'Yeah hi, ', 'Hello, ', 'hey '])];
  C.t.say('customer', ...hi, um(), C.fam.reason(C), emo(C));
}

function askName(C) {
  const p = C.p;
  C.t.say('agent', R.pick(['Can I take your full name, please?', 'Who am I speaking with today?', 'And your name on the account?', 'Could I get your first and last name?']));
  const full = `${p.first} ${p.last}`;
  const r = R.int(0, 3);
  if (r === 0) C.t.say('customer', `It's `, P(full), `.`);
  else if (r === 1) C.t.say('customer', um(), P(p.first), `, `, P(p.last), `. `, R.pick(['That\'s ', 'Spelled ']), L('PERSON', V.spelledV(p.last)), `.`);
  else if (r === 2) C.t.say('customer', `Yeah, `, P(full), `, but the account might be under `, R.chance(0.5) ? 'my husband, ' : 'my wife, ', P(C.p2.first), `.`);
  else C.t.say('customer', P(full), R.pick(['', ' — sorry, it\'s a bit noisy here']), `.`);
  const c = R.int(0, 3);
  if (c === 0) C.t.say('agent', `Thank you, ${p.title} `, P(p.last), `.`);
  else if (c === 1) C.t.say('agent', `Lovely, thanks `, P(p.first), `.`);
  else if (c === 2) C.t.say('agent', `Thanks for that.`);
  else C.t.say('agent', `Got it, I have `, P(p.last), `'s file open now.`);
}

function verifyDob(C) {
  C.t.say('agent', R.pick(['For security, can you confirm your date of birth?', 'What date of birth do we have on file for you?', 'And just your DOB, please.']));
  C.t.say('customer', um(), R.pick([`It's `, 'Born ', '', 'Sure, ']), L('DATE_OF_BIRTH', V.dob(C.cc === 'US' || C.cc === 'CA')), emo(C));
}

function verifySsn(C, full) {
  const s = V.ssn();
  if (full) {
    C.t.say('agent', 'I need the full social security number for the credit check.');
    if (R.chance(0.4)) {
      const wrong = s.full.f.slice(0, 3).split('').reverse().join('');
      C.t.say('customer', `Okay, `, L('SSN', { f: wrong, a: S.sayDigits(wrong), c: wrong }), `... sorry, let me start again. `, L('SSN', s.full), `.`);
    } else C.t.say('customer', `Yeah, it's `, L('SSN', s.full));
  } else {
    C.t.say('agent', R.pick(['Can you give me the last four of your social?', 'Last four digits of your SSN, please.']));
    C.t.say('customer', um(), L('SSN', s.last4), '.');
  }
}

function givePhone(C) {
  const ph = V.phone(C.cc);
  C.t.say('agent', R.pick(['What is the best number to reach you on?', 'And a contact number?', 'Is there a mobile we can text updates to?']));
  if (R.chance(0.25)) {
    // self-correction: the first digits of the next group come out wrong, then the whole number again
    const nxt = ph.g[1].slice(0, 2).split('').reverse().join('');
    const falseStart = { f: `${ph.g[0]} ${nxt}`, a: S.sayDigits(ph.g[0] + nxt), c: `${ph.g[0]} ${nxt}` };
    C.t.say('customer', `It's `, L('PHONE', falseStart), `... sorry, let me start again. `, L('PHONE', ph), `.`);
  } else C.t.say('customer', um(), `It's `, L('PHONE', ph), emo(C), '.');
  if (R.chance(0.5)) {
    // agent reads back with one digit wrong in the last group; customer corrects the ending
    const last = ph.g[ph.g.length - 1];
    const i = R.int(0, last.length - 1);
    const wrongLast = last.slice(0, i) + String((Number(last[i]) + R.int(1, 8)) % 10) + last.slice(i + 1);
    const wrongG = [...ph.g.slice(0, -1), wrongLast];
    const wv = { f: wrongG.join(' '), a: S.sayGroups(wrongG, 'digits'), c: wrongG.join('') };
    C.t.say('agent', `Let me read that back: `, L('PHONE', wv), `?`);
    const tail = last.slice(-4);
    C.t.say('customer', `No, it ends `, L('PHONE', { f: tail, a: S.sayDigits(tail), c: tail }), `.`);
    C.t.say('agent', `Sorry about that, ending `, L('PHONE', { f: tail, a: S.sayDigits(tail), c: tail }), `, updated.`);
  } else C.t.say('agent', R.pick(['Perfect.', 'Great, updated.', 'Thanks.']));
}

function giveEmail(C) {
  const e = V.email(C.p);
  C.t.say('agent', R.pick(['And an email address for the confirmation?', 'Which email should the receipt go to?', 'Can I confirm the email on file?']));
  C.t.say('customer', um(), R.pick(['Yeah, it\'s ', 'It\'s ', '']), L('EMAIL', e), emo(C));
  if (R.chance(0.4)) C.t.say('agent', `So that's `, L('EMAIL', e), `, correct?`), C.t.say('customer', R.pick(['Yep.', 'That\'s it.', 'Correct.']));
}

function giveAddress(C, lead = 'What address should we use?') {
  const a = V.address(C.cc);
  C.t.say('agent', lead);
  if (C.cc !== 'AU' && C.cc !== 'IE' && C.cc !== 'IN' && R.chance(0.35)) {
    C.t.say('customer', um(), `It's `, L('ADDRESS', { f: a.street, a: a.streetA, c: a.street }), '.');
    C.t.say('agent', R.pick(['And the postcode?', 'And the zip code there?', 'Postal code?']));
    C.t.say('customer', L('POSTAL_CODE', a.zip ?? V.postcode(C.cc)), '.');
  } else C.t.say('customer', um(), R.pick(['It\'s ', 'Sure, ', 'We\'re at ', '']), L('ADDRESS', a), emo(C), '.');
}

function payCard(C) {
  const card = V.card();
  const K = Symbol('card');
  const amount = NEG.amount(C.cur);
  C.t.say('agent', `The amount today is `, N(amount), `. Whenever you're ready, the long number on the card.`);
  const mode = R.int(0, 4);
  if (mode === 0) C.t.say('customer', um(), `It's `, L('CREDIT_CARD', V.digitsV(card.groups), K), '.');
  else if (mode === 4) {
    // false start, then the whole number in groups of three
    const frag = card.pan.slice(0, 6);
    C.t.say('customer', L('CREDIT_CARD', V.digitsV([frag.slice(0, 4), frag.slice(4)], { mode: 'digits' })), `... sorry, let me start again.`);
    C.t.say('agent', R.pick(['No problem, take your time.', 'Sure, from the top.']));
    const triples = card.pan.match(/.{1,3}/g);
    C.t.say('customer', L('CREDIT_CARD', V.digitsV(triples, { mode: 'digits', sep: ' ' }), K), emo(C));
  }
  else if (mode === 1 || card.amex) {
    // dictated in chunks with agent interjections in between
    const chunks = card.amex ? [card.groups[0], card.groups[1], card.groups[2]] : card.groups;
    chunks.forEach((g, i) => {
      C.t.say('customer', i === 0 ? um() : '', L('CREDIT_CARD', V.digitsV([g], { mode: R.chance(0.3) ? 'pairs' : 'digits' }), K));
      if (i < chunks.length - 1) C.t.say('agent', ack());
    });
  } else if (mode === 2) {
    // read in pairs: "45 39 14 88"
    const pairs = card.pan.match(/.{1,2}/g);
    C.t.say('customer', `Okay, `, L('CREDIT_CARD', V.digitsV(pairs, { mode: 'pairs', sep: ' ' }), K), '.');
  } else {
    // two halves over two turns
    const h = card.pan.length / 2;
    const a = [card.groups[0], card.groups[1]]; const b = card.groups.slice(2);
    C.t.say('customer', `First part is `, L('CREDIT_CARD', V.digitsV(a), K), `...`);
    C.t.say('agent', 'Yes?');
    C.t.say('customer', `and then `, L('CREDIT_CARD', V.digitsV(b), K), '.');
    void h;
  }
  const last4 = card.pan.slice(-4);
  if (R.chance(0.5)) {
    const wrong = last4.slice(0, 2) + last4[3] + last4[2];
    if (wrong !== last4) {
      C.t.say('agent', `That's the card ending `, L('CREDIT_CARD', { f: wrong, a: S.sayDigits(wrong), c: wrong }), `?`);
      C.t.say('customer', `No, `, L('CREDIT_CARD', { f: last4, a: S.sayDigits(last4), c: last4 }), `.`);
    }
  }
  C.t.say('agent', R.pick(['And the expiry date?', 'Expiry on the card?', 'What\'s the expiration?']));
  C.t.say('customer', um(), L('CARD_EXPIRY', V.expiry()), '.');
  C.t.say('agent', card.amex ? 'And the four-digit code on the front?' : R.pick(['And the three digits on the back?', 'Security code, please.', 'Last thing, the CVV.']));
  C.t.say('customer', L('CARD_CVV', V.cvv(card.amex)), emo(C));
  C.t.say('agent', `That's gone through. Your confirmation number is `, N(NEG.ref(R.pick(['CNF', 'PAY', 'TX']))), `.`);
  if (!luhnOk(card.pan)) throw new Error('card failed Luhn');
  C.checks.push(['luhn', card.pan]);
}

function payBank(C) {
  if (C.cc === 'US') {
    const r = V.routing(); const acct = V.account();
    C.t.say('agent', 'Can I have the routing number for the account?');
    C.t.say('customer', um(), L('ROUTING_NUMBER', r), '.');
    C.t.say('agent', 'And the account number?');
    const groups = acct.raw.match(/.{1,3}/g);
    C.t.say('customer', `Okay it's `, L('BANK_ACCOUNT', V.digitsV(groups, { mode: 'digits', sep: ' ' })), '.');
    C.t.say('agent', `Checking account ending `, L('BANK_ACCOUNT', acct.last4), `, and the draft comes out on `, N(NEG.date()), `.`);
    C.checks.push(['aba', r.raw]);
  } else {
    const cc = C.cc === 'IE' ? 'IE' : C.cc === 'UK' ? 'GB' : R.pick(['DE', 'FR', 'NL', 'ES']);
    const ib = V.iban(cc);
    C.t.say('agent', 'Can I take the IBAN for the refund?');
    C.t.say('customer', `Yeah, one second... okay, `, L('IBAN', ib), '.');
    C.t.say('agent', R.pick(['Thank you, that validates.', 'Lovely, that\'s in.']));
    C.checks.push(['iban', ib.raw]);
  }
}

function closing(C) {
  C.t.say('agent', R.pick(['Is there anything else I can help with?', 'Anything else today?', 'Will there be anything else?']));
  C.t.say('customer', R.pick(['No, that\'s all, thanks.', 'Nope, I hope that\'s everything.', 'That\'s it, cheers.', 'no thats all thx']), emo(C));
  const r = R.int(0, 3);
  if (r === 0) C.t.say('agent', `Thanks, ${C.p.title} `, P(C.p.last), `. Have a good one.`);
  else if (r === 1) C.t.say('agent', `If you need us again the number is `, L('PHONE', V.tollFree()), `. Bye now.`);
  else C.t.say('agent', R.pick(['Take care, bye.', 'Thanks for calling, bye.', 'Have a lovely day.']));
}

// ---- families ------------------------------------------------------------------------------
const FAM = {
  mortgage_card_payment: { cos: ['Grant & Hope Mortgages', 'Harbourline Home Loans'], cur: '$',
    reason: () => 'I want to make my mortgage payment by card, I missed the direct debit.',
    body: (C) => { C.t.say('agent', 'What\'s the mortgage reference?'); C.t.say('customer', N(NEG.ref('MTG')), '.'); C.t.say('agent', `Your rate rose to `, N(NEG.percent()), ` last quarter, so the bill this month is a bit higher.`); askName(C); verifyDob(C); payCard(C); } },
  pet_insurance_claim: { cos: ['Fetch & Price Pet Cover', 'Rose Valley Pet Insurance'], cur: '€',
    reason: (C) => `I'm calling about a claim for my dog ${C.pet}, she had surgery.`,
    body: (C) => { C.t.say('agent', 'Do you have the claim number?'); C.t.say('customer', N(NEG.ref('CLM')), `. The vet was Dr. `, P(C.doc), ` at Willow & King Veterinary.`); C.t.say('agent', `I can see the invoice for `, N(NEG.amount(C.cur)), ` from `, N(NEG.date()), `. How is ${C.pet} doing?`); C.t.say('customer', R.pick(['Much better, thanks, she may need a follow-up.', 'Grand now, thanks. The vet said she might need a second round of antibiotics, about 20 days.'.replace('20', C.style === 'asr' ? 'twenty' : '20')])); askName(C); giveEmail(C); payBank(C); } },
  mobile_upgrade: { cos: ['Kestrel Mobile', 'Summit Telecom'], cur: '£',
    reason: () => 'I\'d like to upgrade my phone, the contract ends soon.',
    body: (C) => { askName(C); verifyDob(C); C.t.say('agent', `You're eligible for the `, N(NEG.model()), `, it's `, N(NEG.amount(C.cur)), ` a month. I'll text a code to the phone ending `, L('PHONE', (() => { const d = R.digits(4); return { f: d, a: S.sayDigits(d), c: d }; })()), `.`); C.t.say('customer', `Got it, the code is `, N(NEG.otp()), `.`); giveAddress(C, 'Where should we deliver the new handset?'); C.t.say('agent', `Your order number is `, N(NEG.ref('ORD')), `, it ships by `, N(NEG.time()), ` tomorrow.`); payCard(C); } },
  streaming_refund: { cos: ['StreamHive', 'Marquee Plus'], cur: 'A$',
    reason: () => 'I was charged twice for my subscription and want a refund.',
    body: (C) => { const u = V.username(); C.t.say('agent', 'What\'s your username?'); C.t.say('customer', `It's `, L('USERNAME', u), emo(C)); C.t.say('agent', `I see a login from `, L('IP_ADDRESS', V.ip()), ` on `, N(NEG.date()), `, and invoice `, N(NEG.ref('INV')), ` for `, N(NEG.amount(C.cur)), `.`); C.t.say('customer', 'That login was me, yeah. The second charge wasn\'t.'); giveEmail(C); askName(C); C.t.say('agent', `I'll refund `, N(NEG.amount(C.cur)), ` to the card ending `, L('CREDIT_CARD', (() => { const d = R.digits(4); return { f: d, a: S.sayDigits(d), c: d }; })()), `. It takes about `, N(NEG.count(R.int(3, 10))), ` business days.`); } },
  hospital_billing: { cos: ['St. Brigid\'s Hospital billing', 'Mercy Hope Medical Center'], cur: '$',
    reason: (C) => `I got a bill for my son's visit and I think it's wrong.`,
    body: (C) => { askName(C); C.t.say('agent', 'And the patient\'s name?'); C.t.say('customer', `My son, `, P(C.p3.first), `. He saw Dr. `, P(C.doc), ` on `, N(NEG.date()), '.'); verifyDob(C); C.t.say('agent', `Statement reference `, N(NEG.luhnRef()), ` shows `, N(NEG.amount(C.cur)), ` after the insurer paid `, N(NEG.percent()), `.`); if (C.cc === 'US') verifySsn(C, false); C.t.say('agent', `The billing office direct line is `, L('PHONE', V.phone(C.cc)), `, extension `, N((() => { const x = R.digits(4); return { f: x, a: S.sayDigits(x), c: x }; })()), `.`); payCard(C); } },
  security_install: { cos: ['Sentinel Home Security', 'Brightwatch Alarms'], cur: '$',
    reason: () => 'I want to book the install for the camera system I bought.',
    body: (C) => { askName(C); giveAddress(C, 'What\'s the address for the install?'); const tech = R.pick(['Bill', 'Will', 'Grant', 'Hunter']); C.t.say('agent', `Our technician `, P(tech), ` will be there on `, N(NEG.date()), ` between `, N(NEG.time()), ` and `, N(NEG.time()), `.`); C.t.say('agent', `Once the hub is online it should show as `, L('IP_ADDRESS', V.ip()), ` on your network.`); givePhone(C); C.t.say('agent', `Your booking reference is `, N(NEG.dashedRef('SEC')), `.`); } },
  bank_fraud_alert: { cos: ['Meridian Bank', 'Young & Marshall Credit Union'], cur: '$',
    reason: () => 'I got a text saying there was suspicious activity on my card.',
    body: (C) => { askName(C); C.t.say('agent', 'Which card is it?'); const d = R.digits(4); C.t.say('customer', `The one ending in `, L('CREDIT_CARD', { f: d, a: S.sayGroups([d], 'pairs'), c: d }), '.'); if (C.cc === 'US') verifySsn(C, false); else verifyDob(C); C.t.say('agent', `I see `, N(NEG.amount(C.cur)), ` at Hope Street Electronics at `, N(NEG.time()), ` and `, N(NEG.amount(C.cur)), ` online. Were those you?`); C.t.say('customer', R.pick(['No, neither, I was asleep.', 'No! I\'ve never even been to Hope Street. I was in Galway all week 😬'.replace(' 😬', C.style === 'chat' ? ' 😬' : '')])); C.t.say('agent', `I've blocked it. Case number `, N(NEG.ref('FRD')), `. I'll send a one-time code, it's valid for `, N(NEG.count(10)), ` minutes.`); C.t.say('customer', `Got `, N(NEG.otp()), `.`); givePhone(C); } },
  travel_insurance: { cos: ['Wanderwise Travel Insurance', 'Compass & King Cover'], cur: '€',
    reason: () => 'My flight got cancelled and I need to claim on my travel policy.',
    body: (C) => { C.t.say('agent', 'What\'s the policy number?'); C.t.say('customer', N(NEG.ref('TRV')), `. We were on `, N(NEG.flight()), ` to ${R.pick(['Lisbon', 'Chennai', 'Perth', 'Florence', 'Montreal'])} on `, N(NEG.date()), `, then the `, N(NEG.time()), ` train was cancelled too.`); askName(C); C.t.say('agent', 'Who else was travelling?'); C.t.say('customer', `My partner, `, P(`${C.p2.first} ${C.p2.last}`), `, and my mother, `, P(C.p3.first), '.'); verifyDob(C); giveEmail(C); payBank(C); } },
  car_loan_payoff: { cos: ['Marshall Young Auto Finance', 'Drivewell Credit'], cur: '$',
    reason: () => 'I want a payoff quote for my car loan, I may sell the car.',
    body: (C) => { askName(C); verifyDob(C); if (C.cc === 'US') verifySsn(C, R.chance(0.5)); C.t.say('agent', `Your payoff is `, N(NEG.amount(C.cur)), ` good until `, N(NEG.date()), `, at `, N(NEG.percent()), ` APR. Quote reference `, N(NEG.luhnRef()), `.`); C.t.say('customer', 'Can I pay it from my bank account?'); payBank(C); givePhone(C); } },
  parcel_redirect: { cos: ['ParcelPath', 'Swiftpost Couriers'], cur: '£',
    reason: () => 'I need to redirect a parcel, I won\'t be home.',
    body: (C) => { C.t.say('agent', 'What\'s the tracking number?'); C.t.say('customer', um(), N(NEG.tracking()), emo(C)); askName(C); C.t.say('agent', `It's due on `, N(NEG.date()), `. Where would you like it sent?`); C.t.say('customer', ...R.pick([[`To my neighbour, `, P(C.p2.first), `.`], [`Can it go to my neighbour `, P(`${C.p2.first} ${C.p2.last}`), `? She said she will sign for it.`], [`My sister `, P(C.p2.first), `'s place, if that's okay.`]])); giveAddress(C, 'What\'s the neighbour\'s address?'); givePhone(C); } },
  school_fee_payment: { cos: ['Mount Hope Grammar', 'Kingsbridge College'], cur: R.pick(['A$', '₹', '€']),
    reason: (C) => `I'm paying term fees for my daughter.`,
    body: (C) => { C.t.say('agent', 'What\'s the student\'s name and ID?'); C.t.say('customer', P(`${C.p3.first} ${C.p.last}`), `, student ID `, N(NEG.ref('STU')), `, she's in year `, N(NEG.count(R.int(3, 11))), '.'); askName(C); C.t.say('agent', `Term fees are `, N(NEG.amount(C.cur)), `, there's a grant that covers `, N(NEG.percent()), ` of the excursion cost.`); payCard(C); giveEmail(C); } },
  vet_appointment: { cos: ['Willow & Rose Vets', 'Paws on Parade Clinic'], cur: 'A$',
    reason: (C) => `I'd like to book ${C.pet} in for vaccinations.`,
    body: (C) => { askName(C); C.t.say('agent', `Dr. `, P(C.doc), ` has `, N(NEG.time()), ` on `, N(NEG.date()), `, or Dr. `, P(R.pick(DOCTORS.filter((d) => d !== C.doc))), ` at `, N(NEG.time()), '.'); C.t.say('customer', `The first one, ${C.pet} likes `, P(C.doc), `.`); givePhone(C); giveAddress(C, 'Is your address still current? What do you have?'); } },
};

const COUNTRY = { mortgage_card_payment: ['US', 'CA', 'US'], pet_insurance_claim: ['IE', 'UK', 'IE'], mobile_upgrade: ['UK', 'AU', 'IN'],
  streaming_refund: ['AU', 'US', 'IN'], hospital_billing: ['US', 'US', 'CA'], security_install: ['US', 'AU', 'UK', 'IE'],
  bank_fraud_alert: ['US', 'UK', 'IN'], travel_insurance: ['IE', 'UK', 'IE'], car_loan_payoff: ['US', 'US', 'CA'],
  parcel_redirect: ['UK', 'IE', 'AU', 'CA'], school_fee_payment: ['AU', 'IN', 'IE'], vet_appointment: ['AU', 'US', 'UK'] };
const CURRENCY = { US: '$', CA: '$', UK: '£', IE: '€', AU: 'A$', IN: '₹' };

function conversation(i) {
  const famName = Object.keys(FAM)[i % 12];
  const fam = FAM[famName];
  const style = ['formatted', 'asr', 'chat'][Math.floor(i / 12) % 3];
  const cc = R.pick(COUNTRY[famName]);
  const C = { style, cc, fam, co: R.pick(fam.cos), cur: CURRENCY[cc], agent: R.pick(AGENTS), p: V.person(), p2: V.person(), p3: V.person(),
    pet: R.pick(PETS), doc: R.pick(DOCTORS), t: new Conversation(style, R), checks: [] };
  greet(C);
  fam.body(C);
  if (R.chance(0.3)) C.t.say('customer', R.pick(['Oh and will my next bill change?', 'May I ask one more thing, is the grant still available?', 'I hope this doesn\'t happen again, honestly.']));
  closing(C);
  const rec = C.t.finish(`h2-${String(i).padStart(4, '0')}`, 'heldout2', famName);
  validate(rec, C.checks);
  return rec;
}

function validate(rec, checks) {
  const EDGE = /^[\s.,;:!?'")\-]|[\s.,;:!?'"()\-]$/;
  for (const g of rec.gold) {
    const sub = rec.turns[g.turn].text.slice(g.start, g.end);
    if (sub !== g.text) throw new Error(`${rec.id}: gold text mismatch at turn ${g.turn}`);
    if (!g.text || EDGE.test(g.text)) throw new Error(`${rec.id}: span edge has space/punctuation: ${JSON.stringify(g.text)}`);
  }
  if (rec.style === 'asr') for (const t of rec.turns) if (/[0-9]/.test(t.text)) throw new Error(`${rec.id}: digit in asr text: ${t.text}`);
  for (const [kind, v] of checks) {
    const ok = kind === 'luhn' ? luhnOk(v) : kind === 'aba' ? abaOk(v) : ibanOk(v);
    if (!ok) throw new Error(`${rec.id}: ${kind} check failed`);
  }
  // every full card in the gold passes Luhn (pieces joined per entity)
  const byEnt = new Map();
  for (const g of rec.gold) if (g.type === 'CREDIT_CARD' && rec.style !== 'asr') byEnt.set(g.entity, (byEnt.get(g.entity) ?? '') + g.text.replace(/\D/g, ''));
  for (const d of byEnt.values()) if (d.length >= 13 && !luhnOk(d)) throw new Error(`${rec.id}: gold card fails Luhn`);
  for (const g of rec.gold) {
    if (rec.style === 'asr') continue;
    if (g.type === 'ROUTING_NUMBER' && !abaOk(g.text)) throw new Error(`${rec.id}: routing fails ABA`);
    if (g.type === 'IBAN' && !ibanOk(g.text)) throw new Error(`${rec.id}: IBAN fails mod-97`);
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../eval/heldout2/heldout2.jsonl');
fs.mkdirSync(path.dirname(out), { recursive: true });
const lines = [];
for (let i = 0; i < COUNT; i++) lines.push(JSON.stringify(conversation(i)));
fs.writeFileSync(out, lines.join('\n') + '\n');
const size = fs.statSync(out).size;
if (size >= 1_000_000) throw new Error(`output too large: ${size} bytes`);
console.log(`wrote ${lines.length} conversations, ${size} bytes -> ${path.relative(process.cwd(), out)}`);
void AGENTS;
