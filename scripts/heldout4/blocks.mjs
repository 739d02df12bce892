// Personas and reusable dialogue blocks.
import { PEOPLE, US_PLACES, US_STREETS, UK_PLACES, UK_STREETS, CA_PLACES, CA_STREETS, EMAIL_DOMAINS, genCard, genRouting, genSsn, genIban,
  genIp, genDob, genExpiry, genCvv, genAccount, genUkPostcode, genCaPostal } from './values.mjs';
import { deaccent } from './conv.mjs';

const US_AREAS = ['617', '520', '218', '912', '208', '978', '423', '541', '260', '406', '956', '207', '505', '563', '828', '914', '314', '737'];
const CA_AREAS = ['416', '647', '902', '204', '403', '514', '306', '250', '506', '867', '438', '587'];
const WORDS = ['pixel', 'runner', 'fox', 'builds', 'maker', 'garden', 'nomad', 'bytes', 'trail', 'cello', 'kite', 'orbit', 'moss', 'ember'];

export function genPhone(rng, cc) {
  if (cc === 'UK') {
    const f = rng.pick(['mob', 'mob', 'lon', 'mcr']);
    const digits = f === 'mob' ? '07' + rng.pick(['7', '8', '9']) + rng.digits(8) : f === 'lon' ? '020' + rng.pick(['7', '8', '3']) + rng.digits(7) : rng.pick(['0161', '0113', '0117', '0141']) + rng.int(2, 9) + rng.digits(6);
    return { cc: 'UK', digits, intl: rng.chance(0.25) };
  }
  const area = rng.pick(cc === 'CA' ? CA_AREAS : US_AREAS);
  return { cc, digits: area + rng.int(2, 9) + rng.digits(2) + rng.digits(4), intl: rng.chance(0.1), one: rng.chance(0.1) };
}
export function tollFree(rng, cc, vanityWord) {
  if (cc === 'UK') return { cc: 'UK', digits: '0800' + rng.digits(3) + rng.digits(4) };
  if (vanityWord && rng.chance(0.5)) {
    const pre = rng.pick(['800', '888', '877', '866']);
    const spokenPre = { 800: 'eight hundred', 888: 'eight eight eight', 877: 'eight seven seven', 866: 'eight six six' }[pre];
    return { cc, vanity: `1-${pre}-${vanityWord.toUpperCase()}`, vanitySpoken: `one ${spokenPre} ${vanityWord.toLowerCase().replace(/-/g, ' ').replace(/[0-9]/g, (d) => ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][+d])}` };
  }
  return { cc, digits: rng.pick(['800', '888', '877', '866', '855']) + rng.int(2, 9) + rng.digits(6), fmt: rng.pick(['one', 'one', 'dash', 'paren']) };
}
function tok(s) { // split a login/local-part into tokens
  return s.match(/[a-z]+|[0-9]+|[._-]/g).map((x) => ({ k: /[0-9]/.test(x) ? 'num' : /[._-]/.test(x) ? 'sep' : 'word', s: x }));
}
export function genEmail(rng, [first, last], cc) {
  const f = deaccent(first).toLowerCase().replace(/[^a-z]/g, ''), l = deaccent(last).toLowerCase().replace(/[^a-z]/g, '');
  const n = rng.chance(0.5) ? String(rng.int(1, 99)) : String(rng.int(1960, 2005)).slice(rng.chance(0.5) ? 2 : 0);
  const local = rng.pick([`${f}.${l}`, `${f}${l}${n}`, `${f[0]}.${l}`, `${f}_${l}`, `${f}${n}`, `${l}.${f[0]}${n}`, `${f}-${l}`, `${f[0]}${l}${n}`]);
  const domain = rng.pick(EMAIL_DOMAINS[cc] || EMAIL_DOMAINS.US);
  const tokens = tok(local).map((t) => (t.k === 'word' && t.s.length <= 2 ? { k: 'letters', s: t.s } : t));
  return { text: `${local}@${domain}`, tokens, domain };
}
export function genUsername(rng, [first, last]) {
  const f = deaccent(first).toLowerCase().replace(/[^a-z]/g, ''), l = deaccent(last).toLowerCase().replace(/[^a-z]/g, '');
  const w = rng.pick(WORDS), n = String(rng.int(2, 99));
  const text = rng.pick([`${f}_${w}${n}`, `${w}${l}${n}`, `${f}.${l}${n}`, `${f[0]}${l}_${w}`, `${l}${f[0]}${n}`, `the${w}${f}`]);
  return { text, tokens: tok(text).map((t) => (t.k === 'word' && t.s.length <= 2 ? { k: 'letters', s: t.s } : t)) };
}
export function genAddress(rng, cc) {
  if (cc === 'UK') {
    const [city, pc] = rng.pick(UK_PLACES); const [street, type] = rng.pick(UK_STREETS);
    const inward = `${rng.int(0, 9)}${rng.pick('ABDEFGHJLNPQRSTUWXYZ'.split(''))}${rng.pick('ABDEFGHJLNPQRSTUWXYZ'.split(''))}`;
    return { cc, kind: 'street', num: rng.int(1, 240), street, type, city, zip: rng.chance(0.5) ? pc : `${pc.split(' ')[0]} ${inward}`, unit: rng.chance(0.35) ? { kind: 'Flat', val: rng.chance(0.7) ? String(rng.int(1, 30)) : `${rng.int(1, 9)}${rng.pick(['A', 'B', 'C'])}` } : null };
  }
  if (cc === 'CA') {
    const [city, region, regionName, pc] = rng.pick(CA_PLACES); const [street, type, abbr] = rng.pick(CA_STREETS);
    const unit = rng.chance(0.4) ? { kind: rng.pick(['Apt', 'Unit', 'Suite']), val: String(rng.int(101, 2408)) } : null;
    return { cc, kind: 'street', num: rng.int(5, 9800), street, type, abbr, useAbbr: rng.chance(0.5), city, region, regionName, zip: rng.chance(0.5) ? pc : pc.slice(0, 4) + genCaPostal(rng).slice(4), unit, unitDash: unit && rng.chance(0.6) };
  }
  const [city, region, regionName, zp] = rng.pick(US_PLACES);
  const zip = rng.chance(0.15) ? `${zp}${rng.digits(2)}-${rng.digits(4)}` : zp + rng.digits(2);
  const k = rng.weighted([['street', 80], ['pobox', 10], ['rr', 10]]);
  if (k === 'pobox') return { cc, kind: 'pobox', box: rng.int(12, 9800), city, region, regionName, zip };
  if (k === 'rr') return { cc, kind: 'rr', rr: rng.int(1, 9), box: rng.int(10, 480), city, region, regionName, zip };
  const [street, type, abbr] = rng.pick(US_STREETS);
  return { cc, kind: 'street', num: rng.weighted([[rng.int(2, 99), 2], [rng.int(100, 999), 3], [rng.int(1000, 9999), 4], [rng.int(10000, 28999), 1]]), dir: type && rng.chance(0.15) ? rng.pick(['N', 'S', 'E', 'W']) : null,
    street, type, abbr, useAbbr: rng.chance(0.5), city, region, regionName, zip, unit: rng.chance(0.35) ? { kind: rng.pick(['Apt', 'Apt', 'Unit', 'Suite', '#']), val: rng.pick([String(rng.int(1, 40)), `${rng.int(1, 9)}${rng.pick(['A', 'B', 'C', 'D', 'F'])}`, String(rng.int(100, 620))]) } : null };
}
export function makePersona(rng, cc, person) {
  const p = person || rng.pick(PEOPLE);
  const card = genCard(rng);
  return {
    cc, person: p, first: p[0], last: p[1], dob: genDob(rng), phone: genPhone(rng, cc), email: genEmail(rng, p, cc), username: genUsername(rng, p),
    address: genAddress(rng, cc), card, expiry: genExpiry(rng), cvv: genCvv(rng, card.brand), ssn: genSsn(rng), account: genAccount(rng, cc === 'UK' ? 8 : undefined),
    routing: genRouting(rng), iban: genIban(rng, cc === 'UK' ? 'GB' : undefined), ip: genIp(rng), mi: rng.pick('ABCDEFGHJKLMNPRSTW'.split('')),
  };
}

const FEMALE = new Set(['Priya', 'Sanjana', 'Harpreet', 'Ananya', 'Nilufar', 'Deepika', 'Mei-Ling', 'Ji-woo', 'Xiaoling', 'Soo-ah', 'Haruka', 'Chidinma', 'Amara', 'Wanjiru', 'Folasade',
  'Guadalupe', 'Ximena', 'Luz', 'Itzel', 'Katarzyna', 'Milena', 'Agnieszka', 'Irina', 'Siobhán', 'Aoife', 'Niamh', 'Saoirse', 'Layla', 'Fatima Zahra', 'Rania', 'Hope', 'Rose', 'June',
  'Summer', 'Dawn', 'Faith', 'Joy', 'May', 'Grace', 'Ngozi', 'Marguerite', 'Chloé', 'Kateri', 'Mark']);
export const titleFor = (person) => (FEMALE.has(person[0]) ? 'Ms.' : 'Mr.');

// ---------- blocks ----------
const BACKCHANNEL = ['Okay.', 'Mm-hmm.', 'Go on.', 'Got it.', 'Yep.', 'Uh-huh.', 'Okay, go ahead.', 'Right.', 'Next four?'];
export const bc = (rng) => rng.pick(BACKCHANNEL);

export function greet(c, org, agent) {
  const r = c.rng;
  if (c.style === 'chat') {
    c.a`${r.pick(['Hi there! ', 'Hello! ', 'Welcome! '])}You're chatting with ${c.name(agent, 'first')} from ${org}. ${r.pick(['How can I help today?', 'What can I do for you?'])}`;
  } else {
    r.pick([
      () => c.a`Thank you for calling ${org}, my name is ${c.name(agent, 'first')}. How can I help you today?`,
      () => c.a`${org}, this is ${c.name(agent, 'first')} speaking. How may I help?`,
      () => c.a`Good ${r.pick(['morning', 'afternoon'])}, you've reached ${org}. I'm ${c.name(agent, 'first')}, what can I do for you?`,
    ])();
  }
}
export function askName(c, p, { spell = c.rng.chance(0.4), title = true } = {}) {
  const r = c.rng;
  c.a`${r.pick(['Can I start with your full name, please?', 'May I have your first and last name?', 'Who am I speaking with today?', 'Could I get the name on the account?'])}`;
  if (spell) {
    const mode = c.style === 'asr' ? r.pick(['spaced', 'spaced', 'asin', 'nato']) : c.style === 'chat' ? 'spaced' : r.pick(['dash', 'comma', 'asin', 'nato', 'spaced']);
    const which = p.last.length > 3 ? 'last' : 'first';
    if (c.style === 'chat') c.u`${c.name(p.person)} (${which} name is ${c.spell(p[which], mode)})`;
    else if (r.chance(0.5)) c.u`It's ${c.name(p.person)}. ${which === 'last' ? 'The last name is spelled' : 'That first name is'} ${c.spell(p[which], mode)}.`;
    else {
      c.u`${c.name(p.person)}.`;
      c.a`Could you spell the ${which} name for me?`;
      c.u`Sure, ${c.spell(p[which], mode)}.`;
    }
  } else {
    r.pick([() => c.u`Yeah, it's ${c.name(p.person)}.`, () => c.u`${c.name(p.person)}.`, () => c.u`My name is ${c.name(p.person, 'fml', { mi: p.mi })}.`, () => c.u`Hi, um, this is ${c.name(p.person)}.`])();
  }
  if (title && r.chance(0.7)) c.a`${r.pick(['Thank you', 'Thanks', 'Perfect, thank you'])}, ${titleFor(p.person)} ${c.name(p.person, 'last')}.`;
}
export function askDob(c, p, { lead } = {}) {
  const r = c.rng;
  c.a`${lead || r.pick(['And can you confirm your date of birth?', 'For security, what is your date of birth?', 'What date of birth do we have on file for you?'])}`;
  r.pick([() => c.u`${c.dob(p.dob)}.`, () => c.u`Sure, it's ${c.dob(p.dob)}.`, () => c.u`I was born ${c.dob(p.dob)}.`, () => c.u`Uh, ${c.dob(p.dob)}.`])();
}
export function askPhone(c, p, { readback = c.rng.chance(0.5), split = c.rng.chance(0.2) } = {}) {
  const r = c.rng;
  c.a`${r.pick(['What is the best phone number to reach you?', 'Can I get a callback number?', 'And the phone number on the account?', 'What number should we text updates to?'])}`;
  if (split && !p.phone.intl) {
    const ent = c.newEnt();
    c.u`It's ${c.phone(p.phone, { part: 'area', ent })}...`;
    c.a`${bc(r)}`;
    c.u`${c.phone(p.phone, { part: 'rest', ent })}.`;
  } else {
    r.pick([() => c.u`${c.phone(p.phone, { hesitate: c.style === 'asr' && r.chance(0.3) })}.`, () => c.u`My cell is ${c.phone(p.phone)}.`, () => c.u`You can reach me at ${c.phone(p.phone)}, that's my mobile.`])();
  }
  if (readback) {
    if (r.chance(0.5)) c.a`Let me read that back: ${c.phone(p.phone)}. Correct?`;
    else c.a`Great, so the number ending in ${c.phone(p.phone, { part: 'last4' })}.`;
    c.u`${r.pick(['Yes.', 'That\'s right.', 'Yep, that\'s it.', 'Correct.'])}`;
  }
}
export function askEmail(c, p, { readback = c.rng.chance(0.5) } = {}) {
  const r = c.rng;
  c.a`${r.pick(['And the email address?', 'What email should I send the confirmation to?', 'Can you confirm the email on file?'])}`;
  if (c.style === 'asr' && r.chance(0.35)) c.u`it's ${c.email(p.email)} so that's ${c.email(p.email, { spelled: true })}`;
  else if (c.style === 'formatted' && r.chance(0.3)) c.u`It's ${c.email(p.email)}. Let me spell it: ${c.email(p.email, { spelled: true })}.`;
  else c.u`${r.pick(['Sure, it\'s ', 'It\'s ', ''])}${c.email(p.email)}.`;
  if (readback) { c.a`So that's ${c.email(p.email)}?`; c.u`${r.pick(['Yes.', 'Yep.', 'That\'s the one.'])}`; }
}
export function askAddress(c, p, { lead, split = c.rng.chance(0.25), postcodeSeparate = c.rng.chance(0.4) } = {}) {
  const r = c.rng;
  c.a`${lead || r.pick(['What is the address on the account?', 'Can you confirm your home address?', 'And what\'s the full address?'])}`;
  if (split) {
    const ent = c.newEnt();
    c.u`It's ${c.address(p.address, { part: 'line', ent })}...`;
    c.a`${r.pick(['Mm-hmm.', 'Okay.', 'Go on.', 'Yes?'])}`;
    c.u`${c.address(p.address, { part: 'cityzip', ent, zip: !postcodeSeparate })}.`;
  } else {
    c.u`${r.pick(['Sure, ', 'It\'s ', 'Yeah, it\'s ', ''])}${c.address(p.address, { zip: !postcodeSeparate })}.`;
  }
  if (postcodeSeparate && p.address.zip) {
    const pc = p.cc === 'UK' ? 'postcode' : p.cc === 'CA' ? 'postal code' : 'zip code';
    c.a`And the ${pc}?`;
    c.u`${r.pick(['', 'It\'s ', 'Uh, '])}${c.postal(p.address.zip)}.`;
  }
}
/** card number dictated in chunks with backchannels; optional correction; readback; expiry; cvv; billing postcode */
export function cardPayment(c, p, { amount, cur = 'USD', zip = true, readback = c.rng.chance(0.6) } = {}) {
  const r = c.rng, N = c.N;
  if (amount) c.a`The total today comes to ${N.money(amount, cur)}. ${r.pick(['Which card would you like to use?', 'Can I take the long card number?', 'Go ahead with the card number whenever you\'re ready.'])}`;
  else c.a`Can I get the card number, please?`;
  const chunks = c.cardChunks(p.card);
  const correct = r.chance(0.25) && c.style !== 'chat';
  chunks.forEach((ch, i) => {
    if (i === 0 && correct) {
      const first = chunks.chunks[0][0];
      const wrong = first.slice(0, 2) + String((+first[2] + 1) % 10);
      const wrongT = c.style === 'asr' ? wrong.split('').map((d) => ['oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][+d]).join(' ') : wrong;
      c.u`${r.pick(['It\'s ', 'Okay, ', ''])}${c.pii('CREDIT_CARD', wrongT, { ent: chunks.ent, falseStart: true })}, sorry, ${ch}${chunks.length > 1 ? '...' : '.'}`;
    } else if (i === 0) c.u`${r.pick(['It\'s ', 'Okay, it\'s ', 'Sure, ', ''])}${ch}${chunks.length > 1 ? '...' : '.'}`;
    else c.u`${r.pick(['', '', 'Then ', 'And '])}${ch}${i < chunks.length - 1 ? '...' : '.'}`;
    if (i < chunks.length - 1) c.a`${bc(r)}`;
  });
  if (readback) {
    c.a`${r.pick(['Thank you. I have the card ending in ', 'So that\'s the card ending '])}${c.cardPartial(p.card)}. ${r.pick(['And the expiration date?', 'When does it expire?'])}`;
  } else c.a`${r.pick(['And the expiration date?', 'What\'s the expiry on the card?'])}`;
  c.u`${r.pick(['', 'It expires ', 'Uh, '])}${c.expiry(p.expiry)}.`;
  c.a`${r.pick(['And the three digit security code on the back?', 'And the security code?', 'Last thing, the CVV.'])}`;
  c.u`${r.pick(['', 'It\'s ', ''])}${c.cvv(p.cvv)}.`;
  if (zip && p.address.zip) {
    c.a`${p.cc === 'US' ? 'And the billing zip code?' : 'And the billing postal code?'}`;
    c.u`${c.postal(p.address.zip)}.`;
  }
}
export function bankDetails(c, p, { lead } = {}) {
  const r = c.rng;
  c.a`${lead || 'I can set that up. What is the routing number?'}`;
  c.u`${r.pick(['', 'The routing number is ', 'Okay, it\'s '])}${c.routing(p.routing)}.`;
  c.a`${r.pick(['And the account number?', 'Thanks. And the checking account number?'])}`;
  c.u`${r.pick(['', 'It\'s ', 'Account number ', 'Um, '])}${c.account(p.account)}.`;
  if (r.chance(0.6)) { c.a`Thank you, that's the account ending in ${c.account(p.account, { last4: true })}.`; c.u`${r.pick(['Yes.', 'Right.', 'Correct.'])}`; }
}
export function ibanBlock(c, p, { lead } = {}) {
  const r = c.rng;
  c.a`${lead || 'What is the IBAN for the receiving account?'}`;
  const split = r.chance(0.4) ? r.int(2, 3) : 0;
  const parts = c.iban(p.iban, { split });
  if (split) { c.u`It's ${parts[0]}...`; c.a`${bc(r)}`; c.u`${parts[1]}.`; } else c.u`${r.pick(['Sure, ', 'It\'s ', ''])}${parts[0]}.`;
}
export function closing(c, p, org, agent, tf, { nameForm = c.rng.pick(['first', 'last', 'first']) } = {}) {
  const r = c.rng;
  c.a`${r.pick(['Is there anything else I can help with?', 'Anything else today?', 'Is there anything else you need?'])}`;
  c.u`${r.pick(['No, that\'s everything, thanks.', 'No, that\'s it. Thank you so much.', 'Nope, all good.', 'I think that\'s all, thanks.'])}`;
  if (tf) c.a`${r.pick(['If anything comes up, you can call us at ', 'Our direct line is '])}${c.phone(tf)}. ${r.pick(['Have a great day', 'Take care', c.style === 'chat' ? 'Thanks for reaching out' : 'Thanks for calling'])}, ${nameForm === 'last' ? titleFor(p.person) + ' ' : ''}${c.name(p.person, nameForm)}.`;
  else c.a`Thanks for contacting ${org}, ${c.name(p.person, nameForm)}. Have a good one.`;
}
export function newCard(p, rng) {
  const card = genCard(rng);
  return { ...p, card, cvv: genCvv(rng, card.brand), expiry: genExpiry(rng) };
}
