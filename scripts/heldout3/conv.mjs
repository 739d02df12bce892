// heldout3: the conversation builder. Gold spans are recorded while each turn is assembled.
import { Rng, assembleTurn, spellDigits, numWords, DIGIT } from './lib.mjs';
import * as V from './values.mjs';

export class Conv {
  constructor({ id, family, style, seed, region }) {
    this.id = id; this.family = family; this.S = style; this.region = region;
    this.rng = new Rng(seed);
    const r = this.rng;
    this.persona = { lower: r.chance(0.55), noApos: r.chance(0.5), typo: r.pick([0.015, 0.03, 0.06]), abbr: r.pick([0.4, 1, 1.4]), noFinalPunct: r.chance(0.6) };
    this.dia = style !== 'asr' && r.chance(0.45); // show diacritics in names
    this.turns = []; this.gold = []; this.nEnt = 0;
  }
  ent() { return this.nEnt++; }
  pick(...a) { return this.rng.pick(a); }
  chance(p) { return this.rng.chance(p); }
  /** style choice: formatted text, asr text (default: same template, transformed), chat text */
  v(f, a, ch) { return this.S === 'asr' ? (a ?? f) : this.S === 'chat' ? (ch ?? f) : f; }

  span(type, text, { ent, meta } = {}) { return { kind: 'span', type, text, ent: ent ?? this.ent(), meta }; }
  neg(text) { return { kind: 'neg', text }; }

  say(speaker, parts) {
    const { text, spans } = assembleTurn(parts, this.S, speaker, this.persona, this.rng);
    const turn = this.turns.length;
    this.turns.push({ speaker, text });
    for (const s of spans) this.gold.push({ type: s.type, turn, start: s.start, end: s.end, text: text.slice(s.start, s.end), entity: s.ent, meta: s.meta });
    return turn;
  }
  _tag(speaker, strs, vals) { const parts = []; strs.forEach((s, i) => { parts.push(s); if (i < vals.length) parts.push(vals[i]); }); return this.say(speaker, parts); }
  A(strs, ...vals) { return this._tag('agent', strs, vals); }
  C(strs, ...vals) { return this._tag('customer', strs, vals); }
  /** agent/customer line from a plain array of parts */
  a(...parts) { return this.say('agent', parts); }
  c(...parts) { return this.say('customer', parts); }

  // ------------------------------------------------ PII spans
  first(p) { return this.dia ? p.first : p.firstA; }
  last(p) { return this.dia ? p.last : p.lastA; }
  N(s, { lower = false } = {}) { return this.span('PERSON', V.nameText(this, s, { lower })); }
  F(p, o) { return this.N(this.first(p), o); }
  L(p, o) { return this.N(this.last(p), o); }
  full(p, o) { return this.N(this.first(p) + ' ' + this.last(p), o); }
  spelled(s) { const t = V.spelledName(this, s); return t ? this.span('PERSON', t) : null; }
  /** later mention: formatted ASR sometimes drops the capital */
  later(s) { return this.N(s, { lower: this.S === 'formatted' && this.chance(0.3) }); }
  title() { return this.rng.weighted([['Ms.', 4], ['Mr.', 4], ['Mrs.', 2], ['Dr.', 1], ['Mx.', 0.5]]); }

  email(e, o) { return this.span('EMAIL', V.emailText(this, e, o)); }
  user(u) { return this.span('USERNAME', V.usernameText(this, u)); }
  phone(p, o = {}) {
    const t = V.phoneText(this, p, o);
    return this.span('PHONE', t, { meta: { kind: 'phone', p } });
  }
  coPhone(p) { return this.span('PHONE', V.companyPhoneText(this, p), { meta: { kind: 'cophone', digits: p.groups.join('') } }); }
  phoneLast(p) { const d = p.groups.join('').slice(-4); return this.span('PHONE', V.lastDigitsText(this, d), { meta: { kind: 'digits', digits: d } }); }
  addr(a, o) { return this.span('ADDRESS', V.addressText(this, a, o)); }
  pc(a) { return this.span('POSTAL_CODE', a.country === 'US' ? V.zipText(this, a.pc) : V.postcodeText(this, a.pc, a.country), { meta: { kind: 'alnum', value: a.pc.replace(/\s/g, '') } }); }
  dob(dt, o) { return this.span('DATE_OF_BIRTH', V.dateText(this, dt, o)); }
  cardFull(card) { return this.span('CREDIT_CARD', V.cardGroupsText(this, card.groups), { meta: { kind: 'card', value: card.number, full: true } }); }
  cardPiece(digits, ent, card) { return this.span('CREDIT_CARD', this.S === 'asr' ? V.cardGroupText(this, digits) : digits, { ent, meta: { kind: 'cardpiece', value: card.number, digits } }); }
  cardLast(card) { const d = card.number.slice(-4); return this.span('CREDIT_CARD', V.lastDigitsText(this, d), { meta: { kind: 'digits', digits: d } }); }
  last4Of(type, digits) { const d = digits.slice(-4); return this.span(type, V.lastDigitsText(this, d), { meta: { kind: 'digits', digits: d } }); }
  exp(card) { return this.span('CARD_EXPIRY', V.expiryText(this, card)); }
  cvv(card) { return this.span('CARD_CVV', V.cvvText(this, card.cvv), { meta: { kind: 'digits', digits: card.cvv } }); }
  ssn(s) { return this.span('SSN', V.ssnText(this, s), { meta: { kind: 'digits', digits: s } }); }
  routing(r) { return this.span('ROUTING_NUMBER', V.digitsText(this, r), { meta: { kind: 'routing', digits: r } }); }
  acct(d) { return this.span('BANK_ACCOUNT', V.digitsText(this, d), { meta: { kind: 'digits', digits: d } }); }
  iban(i) { return this.span('IBAN', V.ibanText(this, i), { meta: { kind: 'iban', value: i } }); }
  ip(x) { return this.span('IP_ADDRESS', V.ipText(this, x), { meta: { kind: 'ip', value: x } }); }

  // ------------------------------------------------ hard negatives (rendered per style, never labelled)
  money(x, cur = '$') { return this.neg(V.moneyText(this, x, cur)); }
  time(h, m = 0) { return this.neg(V.timeText(this, h, m)); }
  date(dt, o = {}) { return this.neg(V.dateText(this, dt, { ...o })); }
  day(uk = false) { return this.date(V.makeDob(this.rng, { minY: 2026, maxY: 2026 }), { uk, year: false }); }
  num(n) { return this.neg(V.countText(this, n)); }
  ref(code, o) { return this.neg(V.refText(this, code, o)); }
  code(pattern, o) { return this.ref(V.refCode(this.rng, pattern), o); }
  digitsNeg(d) { return this.neg(this.S === 'asr' ? spellDigits(d, this.rng, { doubles: 0.3 }) : d); }
  year(y) { return this.neg(V.yearText(this, y)); }
  pct(x) { return this.neg(this.S === 'asr' ? numWords(Math.floor(x)) + (x % 1 ? ' point ' + DIGIT[Math.round((x % 1) * 10)] : '') + ' percent' : `${x}%`); }
  mbps(n) { return this.neg(this.S === 'asr' ? numWords(n) + ' megs' : `${n} Mbps`); }

  toJSON() {
    return {
      id: this.id, split: 'heldout3', family: this.family, style: this.S, region: this.region,
      turns: this.turns,
      gold: this.gold.map(({ type, turn, start, end, text, entity }) => ({ type, turn, start, end, text, entity })),
    };
  }
}

// ------------------------------------------------ shared beats
export const INTERJ = ['Okay.', 'Mm-hmm.', 'Go ahead.', 'Yep.', 'Got it.', 'Uh-huh.', 'Okay, go on.', 'Yes.', 'Right.'];
export const INTERJ_CHAT = ['ok', 'Got it', 'Ok, go ahead', 'Thanks, and the rest?'];

export function greet(c, co, agentFirst, { dept = '' } = {}) {
  const n = c.N(agentFirst);
  const d = dept ? ' ' + dept : '';
  if (c.S === 'chat') {
    return c.rng.pick([
      () => c.A`Hi, you're chatting with ${n} from ${co + d}. How can I help today?`,
      () => c.A`Hello! ${n} here from the ${co} team. What can I help with?`,
      () => c.A`Welcome to ${co + d} chat. My name is ${n}, how can I help?`,
    ])();
  }
  return c.rng.pick([
    () => c.A`Thank you for calling ${co + d}, this is ${n}. How can I help?`,
    () => c.A`${co}, you're through to ${n}, how can I help today?`,
    () => c.A`Good morning, you've reached ${co + d}. My name is ${n}, what can I do for you?`,
    () => c.A`Hi there, ${n} here at ${co}. How can I help?`,
    () => c.A`Hello, ${co + d}, ${n} speaking.`,
    () => c.A`Good afternoon, ${co}, you're speaking with ${n}. How can I help you today?`,
  ])();
}

/** customer opening; sometimes greets the agent by name */
export function opener(c, agentFirst, text) {
  if (c.chance(0.3)) return c.C`${c.pick('Hi', 'Hiya', 'Hey', 'Hello')} ${c.N(agentFirst)}, ${text}`;
  return c.C`${c.v(c.pick('Hi, ', 'Yeah, hi. ', 'Hello, um, ', 'Hi there, '), c.pick('hi ', 'yeah hi ', 'hello um '), c.pick('hi, ', 'hey ', ''))}${text}`;
}

export function askName(c, p, { q, spell = 0.35, full = true } = {}) {
  c.a(q || c.pick('Can I take your full name, please?', 'Who am I speaking with?', 'Could I get the name on the account?', 'And your name, please?', 'Can I have your first and last name?'));
  const nm = full ? c.full(p) : c.L(p);
  const r = c.rng.int(0, 4);
  const last = c.last(p);
  const sp = V.spelledName(c, last);
  if (sp && c.chance(spell)) {
    if (r < 2) { c.C`${c.v(c.pick("It's ", 'Yeah, ', 'Sure, '), c.pick("it's ", 'yeah ', ''), c.pick('', 'its ', 'sure '))}${nm}, ${c.v('that is', 'that is', 'thats')} ${c.span('PERSON', sp)}.`; }
    else {
      c.C`${nm}.`;
      c.a(c.pick('Could you spell the surname for me?', 'And how do you spell your last name?', 'Sorry, can you spell that last name?'));
      c.C`${c.v(c.pick('Sure, ', "It's ", ''), c.pick('sure ', "it's ", 'yeah '), '')}${c.span('PERSON', V.spelledName(c, last))}.`;
      if (c.chance(0.4)) { c.A`So that's ${c.span('PERSON', V.spelledName(c, last))}?`; c.C`${c.pick('Yes.', 'That is right.', 'Yep.')}`; }
    }
    return;
  }
  if (r === 0) c.C`${c.v("It's ", "it's ", 'its ')}${nm}.`;
  else if (r === 1) c.C`${c.v('Yeah, my name is ', 'yeah my name is ', 'my name is ')}${nm}.`;
  else if (r === 2) c.C`${c.v("It's under ", "it's under ", 'under ')}${nm}${c.v(', uh.', '', '')}`;
  else c.C`${nm}.`;
}

export function thanks(c, p) { // parts for "Thanks, Ms. Okafor" etc.
  const k = c.rng.int(0, 3);
  const t = c.pick('Thanks, ', 'Thank you, ', 'Lovely, thank you, ', 'Great, thanks, ');
  if (k === 0) return [t, c.title() + ' ', c.later(c.last(p)), '.'];
  if (k === 1) return [t, c.later(c.first(p)), '.'];
  if (k === 2) return [t, c.title() + ' ', c.later(c.last(p)), '.'];
  return ['Thank you.'];
}

export function askDob(c, { uk = false, p = null } = {}) {
  c.a(c.pick('For security, can you confirm your date of birth?', "And what's your date of birth?", 'Can I take your date of birth, please?', 'I just need to verify you. Date of birth?'));
  const dob = V.makeDob(c.rng);
  const k = c.rng.int(0, 3);
  if (k === 0) c.C`${c.v("It's ", "it's ", '')}${c.dob(dob, { uk })}.`;
  else if (k === 1) c.C`${c.v('I was born on ', 'i was born on ', 'born ')}${c.dob(dob, { uk })}.`;
  else if (k === 2) c.C`${c.v('Uh, ', 'uh ', '')}${c.dob(dob, { uk })}.`;
  else c.C`${c.v('Date of birth is ', 'date of birth is ', 'dob ')}${c.dob(dob, { uk })}.`;
  return dob;
}

export function askPhone(c, ph, { q, readback = 0.5 } = {}) {
  c.a(q || c.pick("What's the best number to reach you on?", 'Can I take a contact number?', "And a phone number, in case we get cut off?", 'What number should we call you back on?'));
  const k = c.rng.int(0, 2);
  if (k === 0) c.C`${c.v("It's ", "it's ", '')}${c.phone(ph)}.`;
  else if (k === 1) c.C`${c.v('My mobile is ', 'my mobile is ', 'mob is ')}${c.phone(ph)}.`;
  else c.C`${c.phone(ph)}.`;
  if (c.chance(readback)) {
    if (c.chance(0.5)) { c.A`Thanks, so that's ${c.phone(ph)}?`; c.C`${c.pick('Yes.', 'Correct.', "That's it.")}`; }
    else { c.A`Perfect, the number ending in ${c.phoneLast(ph)}.`; }
  }
}

export function askEmail(c, e, { q } = {}) {
  c.a(q || c.pick("What's your email address?", 'And an email for the confirmation?', 'Can I take an email address?', 'Which email should we use?'));
  const k = c.rng.int(0, 2);
  if (k === 0) c.C`${c.v("Sure, it's ", "sure it's ", '')}${c.email(e)}.`;
  else if (k === 1) c.C`${c.email(e)}.`;
  else c.C`${c.v("It's ", "it's ", 'its ')}${c.email(e)}${c.v(', all lowercase.', ' all lowercase', '')}`;
  if (c.chance(0.35)) { c.A`Let me read that back: ${c.email(e)}.`; c.C`${c.pick('Yes, that is right.', 'Perfect.', 'Yep.')}`; }
}

/** card number dictated: one breath, chunks over turns with agent interjections, or halves */
export function dictateCard(c, card, { allowSplit = true } = {}) {
  const mode = allowSplit ? c.rng.weighted([['one', 3], ['chunks', 4], ['halves', 2]]) : 'one';
  if (mode === 'one') { c.C`${c.v(c.pick("It's ", 'Okay, ', ''), c.pick("it's ", 'okay ', ''), c.pick('', 'its '))}${c.cardFull(card)}.`; return; }
  const ent = c.ent();
  const gs = card.groups;
  const chunks = mode === 'halves' ? (gs.length === 4 ? [gs[0] + gs[1], gs[2] + gs[3]] : [gs[0] + gs[1], gs[2]]) : gs.slice();
  const render = (d) => (c.S === 'asr' ? null : d);
  chunks.forEach((ch, i) => {
    let piece;
    if (c.S === 'asr') piece = c.span('CREDIT_CARD', ch.length > 6 ? V.cardGroupText(c, ch.slice(0, 4)) + ' ' + V.cardGroupText(c, ch.slice(4)) : V.cardGroupText(c, ch), { ent, meta: { kind: 'cardpiece', value: card.number, digits: ch } });
    else piece = c.span('CREDIT_CARD', mode === 'halves' && c.S === 'formatted' && ch.length === 8 ? ch.slice(0, 4) + ' ' + ch.slice(4) : render(ch), { ent, meta: { kind: 'cardpiece', value: card.number, digits: ch } });
    if (i === 0) c.C`${c.v(c.pick("It's ", 'Okay, the first four are ', 'Okay so ', ''), c.pick("it's ", 'okay the first four are ', 'okay so ', ''), c.pick('', 'ok its '))}${piece}${c.v('...', '', '')}`;
    else if (i === chunks.length - 1) c.C`${c.v(c.pick('And ', 'Then ', ''), c.pick('and ', 'then ', ''), '')}${piece}.`;
    else c.C`${piece}${c.v(c.pick('...', ',', ''), '', '')}`;
    if (i < chunks.length - 1) c.a(c.S === 'chat' ? c.pick(...INTERJ_CHAT) : c.pick(...INTERJ));
  });
}

export function closing(c, p, { co, agentFirst, phone = null, name = true } = {}) {
  const parts = [];
  if (name) {
    const k = c.rng.int(0, 2);
    if (k === 0) parts.push('Thanks for your patience, ', c.later(c.first(p)), '. ');
    else if (k === 1) parts.push('Thank you, ', c.title() + ' ', c.later(c.last(p)), '. ');
    else parts.push('Is there anything else I can help with today? ');
  }
  if (phone) parts.push('If you need us again, the number is ', c.coPhone(phone), '. ');
  parts.push(c.pick('Have a good day.', 'Take care.', `Thanks for contacting ${co}.`, 'Bye now.'));
  c.a(...parts);
  const k2 = c.rng.int(0, 3);
  if (k2 === 0) c.C`${c.pick('Thanks, you too.', 'Cheers, bye.', 'Thank you so much, bye.')}`;
  else if (k2 === 1) c.C`${c.v('Thanks ', 'thanks ', 'thx ')}${c.N(agentFirst, { lower: c.S !== 'formatted' || c.chance(0.3) })}${c.v(', bye.', ' bye', ', bye')}`;
  else if (k2 === 2) c.C`${c.pick('That is everything, thank you.', 'No, that was it. Thanks.', 'All good, thanks for your help.')}`;
  else c.C`${c.pick('Bye.', 'Okay, bye bye.', 'Thanks a lot.')}`;
}
