// heldout3: twelve scenario families. Each takes a Conv and writes its turns.
import * as V from './values.mjs';
import { greet, opener, askName, thanks, askDob, askPhone, askEmail, dictateCard, closing, INTERJ } from './conv.mjs';
import { numWords, MONTHS, DIGIT, spellDigits } from './lib.mjs';

const pence = (c, x) => c.neg(c.S === 'asr' ? (x % 1 ? numWords(Math.floor(x)) + ' point ' + DIGIT[Math.round((x % 1) * 10)] : numWords(x)) + ' p' : `${x}p`);
const month = (c) => c.neg(c.S === 'asr' ? c.rng.pick(MONTHS).toLowerCase() : c.rng.pick(MONTHS));
const wordLine = (c, arr) => c.rng.pick(arr);

// -------------------------------------------------------------------------- 1. utility move-in (UK)
export function utilityMoveIn(c) {
  const r = c.rng;
  const co = r.pick(V.COMPANIES.utility);
  const agent = V.makeFirst(r, 'UK', 0.35);
  const p = V.makePerson(r, 'UK');
  const addr = V.ukAddress(r);
  greet(c, co, agent.first);
  opener(c, agent.first, c.pick("I've just moved into a new flat and I need to set up the gas and electric.", "I'm moving in on Friday and want to take over the energy supply.", "I've got the keys to a new house and I need to open an account with you."));
  c.a(c.pick('Congratulations on the move! I can set that up for you.', 'No problem at all, I can sort that out.', "Lovely, let's get you set up."));
  askName(c, p, { spell: 0.45 });
  c.a(...thanks(c, p), " What's the address of the new property?");
  const mode = r.weighted([['breath', 5], ['separate', 3], ['confirm', 2]]);
  if (mode === 'breath') c.C`${c.v("It's ", "it's ", '')}${c.addr(addr)}.`;
  else if (mode === 'separate') {
    c.C`${c.v("It's ", "it's ", '')}${c.addr(addr, { withPc: false })}.`;
    c.a(c.pick('And the postcode?', 'Lovely, and the postcode there?', "What's the postcode?"));
    c.C`${c.v(c.pick('', "It's ", 'Uh, '), c.pick('', "it's ", 'uh '), '')}${c.pc(addr)}.`;
  } else {
    c.a("Let's start with the postcode and I'll find the address.");
    c.C`${c.pc(addr)}.`;
    c.A`Okay, I've got ${c.addr(addr, { withPc: false })}, is that the one?`;
    c.C`${c.pick("Yes, that's it.", 'Yep.', 'That is the one.')}`;
  }
  c.a('And what date did you get the keys?');
  c.C`${c.v('On ', 'on ', '')}${c.day(true)}${c.v(', so last week.', ' so last week', '')}`;
  c.a("Can you read me the electricity meter serial number? It's on a sticker on the front of the meter.");
  const serial = V.refCode(r, r.pick(['99A9999999', 'A99A99999', '99P9999999']));
  c.C`${c.v("It's ", "it's ", '')}${c.ref(serial)}.`;
  c.a('And the reading, just the numbers before the red ones?');
  const reading = r.digits(5);
  c.C`${c.digitsNeg(reading)}.`;
  if (c.chance(0.5)) {
    c.a('Is there a gas meter as well?');
    c.C`${c.v('Yes, the gas reading is ', 'yes the gas reading is ', 'yes gas is ')}${c.digitsNeg(r.digits(5))}.`;
  }
  c.a(c.pick('We run a quick credit check for new accounts.', "I'll need to do a soft credit check."), ' ', c.pick("What's your date of birth?", 'Can I take your date of birth?'));
  const dob = V.makeDob(r);
  c.C`${c.v('', '', '')}${c.dob(dob, { uk: true })}.`;
  askPhone(c, V.makePhone(r, 'UK'));
  askEmail(c, V.makeEmail(r, p, 'UK'), { q: c.pick('And an email address for your bills?', 'Where should we send your bill each month? An email is fine.') });
  c.A`You'll be on our standard tariff: a unit rate of ${pence(c, r.pick([24.5, 26.1, 27.3, 23.8]))} per kilowatt hour and a standing charge of ${pence(c, r.pick([53, 48, 61]))} a day.`;
  if (c.chance(0.55)) {
    const prev = V.makePerson(r, 'UK');
    c.A`The previous occupant, ${c.title()} ${c.L(prev)}, closed their account on ${c.day(true)}, so there's nothing owing on the meter.`;
    c.C`${c.pick('Oh good, I hope so!', 'Great, that is a relief.', 'Okay, good.')}`;
  }
  if (c.chance(0.5)) {
    const old = V.ukAddress(r);
    c.a('And what was your previous address, in case any final bills go there?');
    if (c.chance(0.6)) c.C`${c.addr(old)}.`;
    else { c.C`${c.addr(old, { withPc: false })}.`; c.a('And the postcode?'); c.C`${c.pc(old)}.`; }
  }
  c.A`Your customer reference is ${c.code('AA-9999-9999')}. Your first bill will come in ${month(c)}, and the direct debit will be ${c.money(r.int(60, 180), '£')} a month.`;
  c.C`${wordLine(c, ['Will the bill come by email?', 'I will keep an eye out for it.', 'May I ask if that includes gas?', 'I hope the price stays the same.'])}`;
  c.a(c.pick('Of course.', 'Noted.', "We'll let you know before anything changes."));
  closing(c, p, { co, agentFirst: agent.first, phone: c.chance(0.5) ? V.companyPhone(r, 'UK') : null });
}

// -------------------------------------------------------------------------- 2. gym membership cancellation
export function gymCancel(c) {
  const r = c.rng;
  const region = c.region;
  const co = r.pick(V.COMPANIES.gym);
  const agent = V.makeFirst(r, region, 0.35);
  const p = V.makePerson(r, region);
  const cur = region === 'US' ? '$' : region === 'IE' ? '€' : '£';
  greet(c, co, agent.first, { dept: c.pick('', 'member services') });
  opener(c, agent.first, c.pick('I want to cancel my membership.', "I'd like to cancel my gym membership please.", "I need to cancel, I'm moving away."));
  c.a(c.pick("I'm sorry to hear that. ", 'I can help with that. '), 'Can I take your member number?');
  const mem = V.refCode(r, r.pick(['99999999', 'AAA-999999', 'A9999999']));
  c.C`${c.v("It's ", "it's ", '')}${c.ref(mem)}.`;
  askName(c, p, { q: 'And the name on the membership?', spell: 0.3 });
  askDob(c, { uk: region !== 'US' });
  c.a(c.pick('Can I ask why you are cancelling?', "May I ask what's prompted the cancellation?"));
  const why = r.int(0, 3);
  if (why === 0) { const trainer = V.makeFirst(r, region, 0.5); c.C`${c.v('Honestly, my trainer ', 'honestly my trainer ', 'tbh my trainer ')}${c.N(trainer.first)}${c.v(' left, and the price went up to ', ' left and the price went up to ', ' left and price went up to ')}${c.money(r.pick([49.99, 54.99, 39.5, 62]), cur)}${c.v(' a month.', ' a month', ' a month')}`; }
  else if (why === 1) { const city = region === 'US' ? r.pick(['Eugene', 'Austin', 'Charlotte', 'Madison', 'Tyler']) : region === 'IE' ? r.pick(['Galway', 'Cork', 'Limerick']) : r.pick(['Leeds', 'Preston', 'Chester', 'Bristol']); c.C`${c.v("I'm moving to ", "i'm moving to ", 'moving to ')}${city}${c.v(' next month.', ' next month', ' next month')}`; }
  else if (why === 2) c.C`${c.v("I just don't use it. I went ", 'i just dont use it i went ', 'i just dont use it, went ')}${c.num(r.int(2, 5))}${c.v(' times since May.', ' times since may', ' times since may lol')}`;
  else c.C`${c.v('Money is tight and the summer rate was ', 'money is tight and the summer rate was ', 'money is tight n the summer rate was ')}${c.money(r.pick([29.99, 35, 44.99]), cur)}.`;
  c.A`I understand. We could freeze the membership for ${c.num(r.int(1, 3))} months for ${c.money(r.pick([5, 7.5, 10]), cur)} a month instead, would that help?`;
  c.C`${c.pick('No, I would just like to cancel.', 'No thanks.', 'I will pass, thanks.')}`;
  c.A`Okay. There's a ${c.num(30)}-day notice period, so your last payment of ${c.money(r.pick([39.99, 49.99, 24.99]), cur)} will go out on ${c.day(region !== 'US')}.`;
  const card = V.makeCard(r);
  c.A`That's taken from the card ending in ${c.cardLast(card)}, is that still right?`;
  if (c.chance(0.4)) {
    const card2 = V.makeCard(r);
    c.C`${c.v("No, I changed it, it's the one ending ", 'no i changed it its the one ending ', 'no changed it, ending in ')}${c.cardLast(card2)}.`;
  } else c.C`${c.pick('Yes.', 'Yep, that one.', 'Correct.')}`;
  if (c.chance(0.5)) {
    const spouse = V.makePerson(r, region, { wordy: 0.35 });
    c.C`${c.v('Also my partner ', 'also my partner ', 'also my partner ')}${c.F(spouse)}${c.v(' has a membership on the same account, can I cancel theirs?', ' has a membership on the same account can i cancel theirs', ' has one too on the same acct can i cancel theirs?')}`;
    c.A`I'm afraid ${c.later(c.first(spouse))} would need to call us personally, or I can send a form to ${c.later(c.first(spouse))}'s email.`;
  }
  if (region === 'IE' || (region === 'UK' && c.chance(0.4))) {
    const ib = region === 'IE' ? V.makeForeignIbanOf(r, 'IE') : V.makeUkBank(r).iban;
    c.A`You're also due a refund of ${c.money(r.pick([25, 30, 19.99]), cur)} for the joining fee. Can I take your IBAN for that?`;
    c.C`${c.v("Sure, it's ", "sure it's ", 'sure its ')}${c.iban(ib)}.`;
  }
  const addrRegion = region === 'IE' ? V.ieAddress(r) : region === 'UK' ? V.ukAddress(r) : V.usAddress(r);
  c.A`We'll post your final statement to ${c.addr(addrRegion)}. Is that still current?`;
  c.C`${c.pick('Yes, for now.', 'Yep.', 'That is fine.')}`;
  askEmail(c, V.makeEmail(r, p, region), { q: 'And I will email the cancellation confirmation. Which address?' });
  c.A`Done. Your cancellation reference is ${c.code('CX-99999')}, and you can keep using the gym until ${c.day(region !== 'US')}. Please hand your key fob in at the desk.`;
  if (c.chance(0.5)) c.C`${c.v('Will I get charged for the king size towel hire too?', 'will i get charged for the towel hire too', 'will i get charged for towel hire too?')}`;
  else c.C`${c.v('Great, I will drop it in on Saturday.', 'great i will drop it in on saturday', 'ok will drop it in sat')}`;
  c.a(c.pick('No, that stops with the membership.', 'Perfect.', 'That sounds good.'));
  closing(c, p, { co, agentFirst: agent.first, phone: c.chance(0.4) ? V.companyPhone(r, region === 'IE' ? 'IE' : region === 'UK' ? 'UK' : 'US') : null });
}

// -------------------------------------------------------------------------- 3. broadband outage
export function broadbandOutage(c) {
  const r = c.rng;
  const region = c.region;
  const co = r.pick(V.COMPANIES.broadband);
  const agent = V.makeFirst(r, region, 0.3);
  const p = V.makePerson(r, region);
  const addr = region === 'UK' ? V.ukAddress(r) : region === 'CA' ? V.caAddress(r) : V.usAddress(r);
  greet(c, co, agent.first, { dept: c.pick('technical support', 'broadband support', '') });
  opener(c, agent.first, c.pick("my internet has been down since about seven this morning.", "the broadband keeps dropping out every few minutes.", "we've got no internet at all, the light on the router is red."));
  askName(c, p, { spell: 0.25 });
  c.a(...thanks(c, p), ' ', c.pick('And the first line of the address?', 'Can you confirm the service address?'));
  if (region === 'US') c.C`${c.addr(addr)}.`;
  else if (c.chance(0.5)) { c.C`${c.addr(addr, { withCity: false, withPc: false })}.`; c.a('And the postcode?'.replace('postcode', region === 'CA' ? 'postal code' : 'postcode')); c.C`${c.pc(addr)}.`; }
  else c.C`${c.addr(addr)}.`;
  c.A`I can see a fault open in your area since ${c.time(r.int(5, 9), r.pick([0, 15, 40]))}, but let's check the router. Can you open a browser and go to ${c.ip(V.makeIpv4(r, 'lan'))}?`;
  c.C`${c.pick("Okay, I'm on the page now.", 'Hang on... okay, it says admin login.', 'Yep, got it.')}`;
  c.a('The password is on the back of the router. Once you are in, what does it show for the WAN IP address?');
  const wan = V.makeIpv4(r, 'public');
  const v6 = c.chance(0.55);
  if (!v6 || c.chance(0.5)) c.C`${c.v("It says ", 'it says ', 'says ')}${c.ip(wan)}.`;
  let six = null;
  if (v6) {
    six = V.makeIpv6(r, r.chance(0.8) ? 'global' : 'link');
    c.C`${c.v('And underneath there is an IPv6 address, ', 'and underneath there is an i p v six address ', 'theres also an ipv6 one ')}${c.ip(six)}.`;
  }
  if (!v6 || c.chance(0.6)) { c.A`Thanks. On our side I'm seeing your line come up as ${c.ip(wan)}, so you are getting a connection.`; }
  else c.A`Thanks, so ${c.ip(six)}. That means the line is synced.`;
  c.A`What model is the router? It's printed on the base.`;
  c.C`${c.v('It says ', 'it says ', '')}${c.neg(c.S === 'asr' ? r.pick(['hub six', 'archer a x fifty five', 'smart hub two', 'nighthawk r seven thousand']) : r.pick(['Hub 6', 'Archer AX55', 'Smart Hub 2', 'Nighthawk R7000']))}${c.v(', firmware ', ' firmware ', ' firmware ')}${c.neg(c.S === 'asr' ? r.pick(['three point eighteen point two', 'two point one point four', 'one point forty two']) : r.pick(['v3.18.2', '2.1.4', 'v1.42']))}.`;
  c.A`The speed test shows ${c.mbps(r.int(0, 12))} down against ${c.mbps(r.pick([67, 150, 500, 900]))} expected.`;
  if (c.chance(0.5)) {
    c.a('Have you changed the DNS settings at all?');
    c.C`${c.v('Yeah, my son set it to ', 'yeah my son set it to ', 'yea my son set it to ')}${c.ip(V.makeIpv4(r, 'dns'))}${c.v(' a while back.', ' a while back', ' a while back')}`;
  }
  if (c.chance(0.5)) {
    c.C`${c.v('My laptop shows its own address as ', 'my laptop shows its own address as ', 'laptop says its ip is ')}${c.ip(V.makeIpv4(r, 'device'))}${c.v(', if that helps.', ' if that helps', '')}`;
    c.a("That's fine, that's your local network.");
  }
  const eng = V.makePerson(r, region);
  c.A`I've raised ticket ${c.code(r.pick(['INC9999999', 'FLT-999999', 'AA999999']))}. An engineer, ${c.F(eng)}, can visit on ${c.day(region !== 'US')} between ${c.time(8)} and ${c.time(13)}.`;
  c.C`${wordLine(c, ['I will make sure someone is in.', 'May I ask if there is a charge?', 'I hope it is sorted by then.', 'Can you mark it as urgent? I work from home.'])}`;
  c.A`There's no charge, and you'll get ${c.money(r.pick([3.5, 5, 9.95]), region === 'UK' ? '£' : '$')} a day compensation off your bill.`;
  if (c.chance(0.5)) {
    const u = V.makeUsername(r, p);
    c.A`You can track it in the app. Your username there is ${c.user(u)}, right?`;
    c.C`${c.pick('Yes.', 'I think so, yeah.', 'Yep.')}`;
  }
  askPhone(c, V.makePhone(r, region === 'UK' ? 'UK' : 'US'), { q: 'What number can the engineer call on the day?' });
  closing(c, p, { co, agentFirst: agent.first, phone: c.chance(0.5) ? V.companyPhone(r, region === 'UK' ? 'UK' : 'US') : null });
}

// -------------------------------------------------------------------------- 4. airline loyalty account
export function airlineLoyalty(c) {
  const r = c.rng;
  const region = c.region;
  const co = r.pick(V.COMPANIES.airline);
  const agent = V.makeFirst(r, 'ANY', 0.3);
  const p = V.makePerson(r, region);
  const u = V.makeUsername(r, p);
  const e = V.makeEmail(r, p, region);
  greet(c, co, agent.first, { dept: c.pick('loyalty desk', 'frequent flyer services', '') });
  opener(c, agent.first, c.pick("I can't log into my frequent flyer account and the miles from my last trip are missing.", 'my miles from last month never showed up.', "I'm locked out of my loyalty account."));
  c.a('I can look into that. What is your membership number?');
  c.C`${c.v("It's ", "it's ", '')}${c.ref(V.refCode(r, r.pick(['AA 999 999 999', '999999999', 'AA9999999'])))}.`;
  c.a('And the username you log in with?');
  c.C`${c.v(c.pick('Um, I think it is ', "It's "), c.pick('um i think it is ', "it's "), c.pick('i think its ', ''))}${c.user(u)}.`;
  askName(c, p, { q: 'And your name as it appears on your passport?', spell: 0.4 });
  askDob(c, { uk: region !== 'US' });
  c.a("Thanks. What's the email address on the account?");
  c.C`${c.v('It should be ', 'it should be ', 'should be ')}${c.email(e)}.`;
  const flight = V.refCode(r, 'AA 999');
  const booking = V.refCode(r, 'AAAAAA');
  c.A`I see it. Which flight are the miles missing for?`;
  c.C`${c.v('Flight ', 'flight ', 'flight ')}${c.ref(flight, { pairs: 0.8 })}${c.v(' on ', ' on ', ' on ')}${c.day(region !== 'US')}${c.v(', booking reference ', ' booking reference ', ', booking ref ')}${c.ref(booking)}.`;
  c.A`Got it, seat ${c.ref(r.int(10, 42) + r.pick(['A', 'C', 'D', 'F', 'K']))}. That's ${c.num(r.int(1200, 6400))} miles, I've added them now. It can take ${c.num(r.pick([24, 48, 72]))} hours to show.`;
  if (c.chance(0.55)) {
    const comp = V.makePerson(r, 'ANY');
    c.C`${c.v('My partner, ', 'my partner ', 'my partner ')}${c.full(comp)}${c.v(", was on the same booking. Can their miles go on my account?", ' was on the same booking can their miles go on my account', ' was on the same booking, can their miles go on my acct?')}`;
    c.A`I'm afraid ${c.later(c.first(comp))} would need their own membership, but I can send ${c.later(c.first(comp))} a join link.`;
  }
  c.a('For the login problem, I can send a reset link. Do you still use that email?');
  if (c.chance(0.5)) {
    const e2 = V.makeEmail(r, p, region);
    c.C`${c.v('No, can you change it to ', 'no can you change it to ', 'no pls change to ')}${c.email(e2)}?`;
    c.A`Sure, updated to ${c.email(e2)}. The link expires in ${c.num(24)} hours.`;
  } else c.C`${c.pick('Yes, that one is fine.', 'Yep, still the same.', 'Yes.')}`;
  const ph = V.makePhone(r, r.pick(region === 'UK' ? ['UK', 'UK', 'IN', 'NG'] : region === 'CA' ? ['CA', 'CA', 'IN'] : ['US', 'US', 'NG', 'IN']));
  c.a('We also have a phone number on file for text alerts. Is that still right?');
  c.C`${c.v('It should be ', 'it should be ', 'should be ')}${c.phone(ph)}.`;
  c.A`Perfect. You're ${c.num(r.int(800, 4000))} miles away from ${c.v('Gold tier', 'gold tier', 'Gold tier')}, and your status renews in ${month(c)}.`;
  closing(c, p, { co, agentFirst: agent.first, phone: c.chance(0.4) ? V.companyPhone(r, region === 'UK' ? 'UK' : 'US') : null });
}

// -------------------------------------------------------------------------- 5. Canadian bank
export function canadianBank(c) {
  const r = c.rng;
  const co = r.pick(V.COMPANIES.ca_bank);
  const agent = V.makeFirst(r, 'CA', 0.3);
  const p = V.makePerson(r, 'CA');
  const oldA = V.caAddress(r), newA = V.caAddress(r);
  greet(c, co, agent.first);
  opener(c, agent.first, c.pick("I've moved and I need to update my address.", 'I need to change my mailing address and check my chequing account.', 'I moved last month and my statements are still going to the old place.'));
  askName(c, p, { spell: 0.4 });
  askDob(c, { uk: c.chance(0.3) });
  c.a('And the postal code we have on file?');
  c.C`${c.v(c.pick("It's ", 'Should be ', ''), c.pick("it's ", 'should be ', ''), '')}${c.pc(oldA)}.`;
  c.A`Thanks. That matches. What's the new address?`;
  if (c.chance(0.6)) c.C`${c.addr(newA)}.`;
  else { c.C`${c.addr(newA, { withPc: false })}.`; c.a('And the postal code?'); c.C`${c.pc(newA)}.`; }
  c.A`Updated. The ${c.v(newA.city, newA.city.toLowerCase(), newA.city)} branch on ${c.v(r.pick(['Main Street', 'King Street']), r.pick(['main street', 'king street']), r.pick(['Main Street', 'King Street']))} is now your closest.`;
  const acct = String(r.int(1000000, 9999999));
  if (c.chance(0.5)) {
    c.a('Which account would you like the new cheques for?');
    c.C`${c.v('My chequing, the account number is ', 'my chequing the account number is ', 'chequing, acct number ')}${c.acct(acct)}.`;
    c.A`Thanks, the chequing account ending in ${c.last4Of('BANK_ACCOUNT', acct)}. A book of ${c.num(50)} cheques is ${c.money(r.pick([12, 15, 18.5]), 'C$')}.`;
  } else {
    c.A`I'll send new cheques for the chequing account ending in ${c.last4Of('BANK_ACCOUNT', acct)}, is that the one?`;
    c.C`${c.pick('Yes please.', 'Yes.', 'Correct.')}`;
  }
  if (c.chance(0.5)) {
    const card = V.makeCard(r, r.pick(['visa', 'mastercard']));
    c.A`And your credit card ending ${c.cardLast(card)} will be reissued to the new address, it arrives in ${c.num(r.int(5, 10))} business days.`;
  }
  c.C`${wordLine(c, ['Also, can I raise my e-transfer limit? I will be paying my landlord.', 'May I also increase my e-transfer limit?', 'I hope I can raise the Interac limit too.'])}`;
  c.A`Sure, I can raise it from ${c.money(3000, 'C$')} to ${c.money(r.pick([5000, 10000]), 'C$')} a day. Your reference for these changes is ${c.code('AAA-999999')}.`;
  if (c.chance(0.5)) {
    const ref = V.makePerson(r, 'CA');
    c.C`${c.v('Oh, and my landlord is ', 'oh and my landlord is ', 'oh and my landlord is ')}${c.full(ref)}${c.v(', should I add them as a payee?', ' should i add them as a payee', ', should i add them as payee?')}`;
    c.A`You can, just use ${c.later(c.first(ref))}'s email or phone in the app.`;
  }
  askPhone(c, V.makePhone(r, 'CA'), { q: 'Is your phone number still the same?', readback: 0.4 });
  closing(c, p, { co, agentFirst: agent.first, phone: c.chance(0.5) ? V.companyPhone(r, 'US') : null });
}

// -------------------------------------------------------------------------- 6. US tax preparation
export function usTaxPrep(c) {
  const r = c.rng;
  const co = r.pick(V.COMPANIES.tax);
  const agent = V.makeFirst(r, 'US', 0.35);
  const p = V.makePerson(r, 'US');
  const ssn = V.makeSsn(r);
  greet(c, co, agent.first);
  if (c.chance(0.4)) c.C`${c.v("Hi, I'd like to get my ", "hi i'd like to get my ", 'hi, want to start my ')}${c.year(2025)}${c.v(' return started.', ' return started', ' return')}`;
  else opener(c, agent.first, c.pick('I need help filing my taxes this year.', 'I want to file jointly with my spouse this year.', 'I got a letter and I need to file before the deadline.'));
  c.a("Happy to help. What's your full legal name?");
  c.C`${c.full(p)}.`;
  c.a("And your Social Security number?");
  const k = r.int(0, 2);
  if (k === 0) c.C`${c.v("It's ", "it's ", '')}${c.ssn(ssn)}.`;
  else if (k === 1) c.C`${c.v('Sure, ', 'sure ', '')}${c.ssn(ssn)}.`;
  else c.C`${c.ssn(ssn)}.`;
  c.A`Thank you. So the last four are ${c.last4Of('SSN', ssn)}.`;
  askDob(c);
  if (c.chance(0.6)) {
    const sp = V.makePerson(r, 'US', { wordy: 0.3 });
    const ssn2 = V.makeSsn(r);
    c.a('Are you filing jointly? If so, I need your spouse\'s name and Social.');
    c.C`${c.v('Yes, my spouse is ', 'yes my spouse is ', 'yes my spouse is ')}${c.full(sp)}${c.v(', and the Social is ', ' and the social is ', ', ssn is ')}${c.ssn(ssn2)}.`;
    c.A`And ${c.later(c.first(sp))}'s date of birth?`;
    c.C`${c.dob(V.makeDob(r))}.`;
  }
  if (c.chance(0.6)) {
    const kid = V.makeFirst(r, 'US', 0.3);
    c.a('Any dependents?');
    c.C`${c.v('Yes, my kid ', 'yes my kid ', 'yes my kid ')}${c.N(kid.first)}${c.v(', born ', ' born ', ', born ')}${c.dob(V.makeDob(r, { minY: 2008, maxY: 2023 }))}.`;
  }
  c.a(c.v("What was your employer's EIN? It's in box b of the W-2.", "what was your employer's e i n it's in box b of the w two"));
  c.C`${c.v("It's ", "it's ", '')}${c.neg(c.S === 'asr' ? spellDigits(r.digits(2), r) + ' ' + spellDigits(r.digits(7), r) : r.digits(2) + '-' + r.digits(7))}${c.v(', and wages were ', ' and wages were ', ', wages ')}${c.money(r.int(31000, 148000))}.`;
  c.a('And last year\'s adjusted gross income, to sign electronically?');
  c.C`${c.v('About ', 'about ', 'around ')}${c.money(r.int(28000, 140000))}.`;
  const addr = V.usAddress(r);
  c.a("What's your current home address?");
  c.C`${c.addr(addr)}.`;
  c.A`Great. Your refund estimate is ${c.money(r.int(300, 4200) + r.pick([0, 0.5, 0.25]))}. For direct deposit, what is your routing number?`;
  const rt = V.makeRouting(r);
  c.C`${c.v("It's ", "it's ", '')}${c.routing(rt)}.`;
  c.a('And the account number?');
  const acct = r.digits(r.int(9, 12)).replace(/^0/, '4');
  c.C`${c.acct(acct)}.`;
  c.A`So routing ${c.routing(rt)}, account ending in ${c.last4Of('BANK_ACCOUNT', acct)}, checking.`;
  c.C`${c.pick('Yes, checking.', 'Correct.', 'Yep.')}`;
  if (c.chance(0.5)) {
    c.a('Did the IRS send you an Identity Protection PIN this year?');
    c.C`${c.v('Yes, ', 'yes ', 'yes ')}${c.digitsNeg(r.digits(6))}.`;
  }
  c.A`You should see the refund in about ${c.num(21)} days. Our fee is ${c.money(r.pick([89, 129, 159]))}, and I will mark the return as ready for review.`;
  askPhone(c, V.makePhone(r, 'US'), { q: 'Best phone number in case the IRS has questions?', readback: 0.4 });
  closing(c, p, { co, agentFirst: agent.first, phone: c.chance(0.5) ? V.companyPhone(r, 'US') : null });
}

// -------------------------------------------------------------------------- 7. UK payroll bank details
export function ukPayroll(c) {
  const r = c.rng;
  const co = r.pick(V.COMPANIES.payroll);
  const agent = V.makeFirst(r, 'UK', 0.35);
  const p = V.makePerson(r, 'UK');
  const bank = V.makeUkBank(r);
  greet(c, co, agent.first, { dept: 'payroll' });
  opener(c, agent.first, c.pick('I need to change the bank account my wages go into.', "I've switched banks and need to update my details for payroll.", 'I want my pay to go to a new account.'));
  c.a("No problem. What's your employee number?");
  c.C`${c.v("It's ", "it's ", '')}${c.ref(V.refCode(r, r.pick(['AA-99999', '9999999', 'A99999'])))}.`;
  askName(c, p, { spell: 0.3 });
  askDob(c, { uk: true });
  const abroad = c.chance(0.3);
  if (!abroad) {
    c.A`Thanks. Which bank is it with?`;
    c.C`${c.v(bank.bank, bank.bank.toLowerCase(), bank.bank.toLowerCase())}.`;
    c.a('And the sort code?');
    c.C`${c.neg(V.sortCodeText(c, bank.sort))}.`;
    c.a('And the account number?');
    c.C`${c.v("It's ", "it's ", '')}${c.acct(bank.acct)}.`;
    c.A`Let me read that back: sort code ${c.neg(V.sortCodeText(c, bank.sort))}, account ${c.acct(bank.acct)}.`;
    c.C`${c.pick("That's right.", 'Yes.', 'Correct.')}`;
    if (c.chance(0.5)) {
      c.a('For our international payroll system I also need the IBAN. It is on your online banking.');
      c.C`${c.v("Okay, it's ", "okay it's ", 'ok its ')}${c.iban(bank.iban)}.`;
    }
  } else {
    const f = V.makeForeignIban(r);
    c.C`${c.v("I'm moving to work at our site abroad, can you pay into my ", "i'm moving to work at our site abroad can you pay into my ", 'im moving abroad for work, can u pay into my ')}${c.v(f.bank, f.bank.toLowerCase(), f.bank)}${c.v(' account? The IBAN is ', ' account the i b a n is ', ' acct? IBAN is ')}${c.iban(f.iban)}.`;
    c.A`Let me read it back: ${c.iban(f.iban)}.`;
    c.C`${c.pick('Yes.', "That's it.", 'Correct.')}`;
  }
  c.A`That will take effect from the ${month(c)} payroll. Payday is the ${c.neg(c.S === 'asr' ? r.pick(['twenty eighth', 'last friday', 'twenty fifth']) : r.pick(['28th', 'last Friday', '25th']))}.`;
  c.C`${wordLine(c, ['Will my tax code change?', 'I hope it goes through in time.', 'May I get a payslip by email?', 'Can you mark it as urgent?'])}`;
  c.A`Your tax code stays ${c.ref(r.pick(['1257L', 'BR', 'K475', '1257L W1']))}, and your net pay this month is ${c.money(r.int(1400, 3900) + r.pick([0.5, 0.25, 0.84, 0]), '£')}.`;
  if (c.chance(0.5)) {
    const mgr = V.makePerson(r, 'UK', { wordy: 0.3 });
    c.a('I also need your line manager to approve this. Who is it?');
    c.C`${c.v("It's ", "it's ", '')}${c.full(mgr)}.`;
    c.A`Thanks, I'll send ${c.later(c.first(mgr))} the approval request.`;
  }
  const addr = V.ukAddress(r);
  c.a(c.v('Is your home address still the same for the P60?', 'is your home address still the same for the p sixty'));
  if (c.chance(0.5)) c.C`${c.v('No, it is now ', 'no it is now ', 'no its now ')}${c.addr(addr)}.`;
  else { c.C`${c.v('No, I moved to ', 'no i moved to ', 'no, moved to ')}${c.addr(addr, { withPc: false })}.`; c.a('And the postcode?'); c.C`${c.pc(addr)}.`; }
  askEmail(c, V.makeEmail(r, p, 'UK'), { q: 'And an email for your payslips?' });
  closing(c, p, { co, agentFirst: agent.first });
}

// -------------------------------------------------------------------------- 8. rental car damage
export function rentalDamage(c) {
  const r = c.rng;
  const region = c.region;
  const co = r.pick(V.COMPANIES.rental);
  const agent = V.makeFirst(r, region, 0.35);
  const p = V.makePerson(r, region);
  const cur = region === 'UK' ? '£' : '$';
  const card = V.makeCard(r);
  greet(c, co, agent.first, { dept: c.pick('damage recovery', 'customer service', '') });
  opener(c, agent.first, c.pick('I got a letter about damage on the car I returned.', 'I need to pay the damage excess from my rental.', "I'm calling about a scratch on the rental car."));
  c.a('Can I take the rental agreement number?');
  c.C`${c.v("It's ", "it's ", '')}${c.ref(V.refCode(r, r.pick(['RA 9999 9999', '999999999', 'AA99999999'])))}.`;
  askName(c, p, { q: 'And the name of the main driver?', spell: 0.3 });
  c.A`Thank you. That was the ${c.v(r.pick(['white Corolla', 'grey Qashqai', 'blue Golf']), r.pick(['white corolla', 'grey qashqai', 'blue golf']))}, registration ${c.ref(region === 'UK' ? V.refCode(r, 'AA99 AAA') : V.refCode(r, '9AAA999'))}, returned on ${c.day(region === 'UK')} at ${c.time(r.int(8, 19), r.pick([0, 10, 30, 45]))}.`;
  if (c.chance(0.5)) {
    const drv = V.makePerson(r, region);
    c.C`${c.v('Yes. My partner ', 'yes my partner ', 'yes my partner ')}${c.F(drv)}${c.v(' was driving when it happened.', ' was driving when it happened', ' was driving when it happend')}`;
    c.A`Is ${c.later(c.first(drv))} listed as an additional driver?`;
    c.C`${c.pick('Yes, they are.', 'I think so.', 'Yes.')}`;
  } else c.C`${c.pick('Yes, that is the one.', 'Yep.', 'That is it.')}`;
  c.A`The damage is a ${c.num(r.int(8, 30))} centimetre scratch on the rear bumper. The excess is ${c.money(r.pick([250, 300, 450, 600]), cur)}, plus an admin fee of ${c.money(r.pick([35, 45, 50]), cur)}.`;
  c.C`${wordLine(c, ['That seems a steep price, but fine.', 'I will pay it today.', 'I hope that is the final amount.', 'Okay, I will pay by card.'])}`;
  c.a(c.pick('Okay, can I take the long card number?', 'What is the card number, please?', 'Go ahead with the card number when you are ready.'));
  dictateCard(c, card);
  c.a(c.pick('And the expiry date?', 'When does it expire?', 'Expiry?'));
  if (c.S !== 'chat' && c.chance(0.3)) {
    const ent = c.ent();
    const mm = String(card.expM).padStart(2, '0');
    c.C`${c.v("It's ", "it's ")}${c.span('CARD_EXPIRY', c.S === 'asr' ? (card.expM < 10 ? 'oh ' + DIGIT[card.expM] : numWords(card.expM)) : mm, { ent })}...`;
    c.a(c.pick(...INTERJ));
    c.C`${c.span('CARD_EXPIRY', c.S === 'asr' ? numWords(card.expY % 100) : String(card.expY % 100), { ent })}.`;
  } else c.C`${c.v('It expires ', 'it expires ', 'exp ')}${c.exp(card)}.`;
  c.a(c.pick('And the security code on the back?', 'And the three digits on the back?'.replace('three', card.cvv.length === 4 ? 'four' : 'three'), 'Last thing, the CVV?'));
  if (c.S !== 'chat' && c.chance(0.25)) {
    const ent = c.ent();
    const a = card.cvv.slice(0, 1), b = card.cvv.slice(1);
    c.C`${c.span('CARD_CVV', c.S === 'asr' ? DIGIT[+a] : a, { ent })}...`;
    c.a(c.pick('Mm-hmm.', 'Yep.'));
    c.C`${c.span('CARD_CVV', c.S === 'asr' ? spellDigits(b, r) : b, { ent })}.`;
  } else c.C`${c.v("It's ", "it's ", '')}${c.cvv(card)}.`;
  const billing = region === 'UK' ? V.ukAddress(r) : V.usAddress(r);
  c.a(region === 'UK' ? 'And the billing postcode?' : 'And the billing ZIP code?');
  c.C`${c.pc(billing)}.`;
  c.A`Thank you. I've charged ${c.money(r.pick([285, 335, 495, 650]), cur)} to the card ending in ${c.cardLast(card)}. Your payment reference is ${c.code('DR-999999')}.`;
  askEmail(c, V.makeEmail(r, p, region), { q: 'Where should I email the receipt and the damage photos?' });
  closing(c, p, { co, agentFirst: agent.first, phone: c.chance(0.4) ? V.companyPhone(r, region === 'UK' ? 'UK' : 'US') : null });
}

// -------------------------------------------------------------------------- 9. pharmacy refill
export function pharmacyRefill(c) {
  const r = c.rng;
  const region = c.region;
  const co = r.pick(V.COMPANIES.pharmacy);
  const agent = V.makeFirst(r, region, 0.35);
  const p = V.makePerson(r, region);
  const forOther = c.chance(0.4);
  const pat = forOther ? V.makePerson(r, region, { wordy: 0.25 }) : p;
  greet(c, co, agent.first, { dept: c.pick('', 'pharmacy') });
  if (forOther) {
    const rel = c.pick('my partner', 'my neighbour', 'a friend', 'an elderly neighbour I look after');
    c.C`${c.v("Hi, I'm calling to refill a prescription for " + rel + ', ', "hi i'm calling to refill a prescription for " + rel + ' ', 'hi, need a refill for ' + rel + ' ')}${c.full(pat)}.`;
    c.a('Of course. And who am I speaking with?');
    c.C`${c.v("It's ", "it's ", 'its ')}${c.full(p)}.`;
  } else opener(c, agent.first, c.pick('I need to refill my prescription.', "I'd like to order a refill please.", 'my blood pressure tablets are running out.'));
  c.a('Do you have the prescription number? It starts with RX on the label.'.replace('RX', c.S === 'asr' ? 'r x' : 'RX'));
  const rx = V.refCode(r, r.pick(['RX 9999999', 'RX-999999', '9999999-99999']));
  c.C`${c.v("Yes, it's ", "yes it's ", 'yes its ')}${c.ref(rx)}.`;
  c.a(forOther ? 'And the patient\'s date of birth?' : 'And can I take your name and date of birth?');
  const dob = V.makeDob(r, { minY: forOther ? 1935 : 1950, maxY: forOther ? 1960 : 2004 });
  if (forOther) c.C`${c.v('Their date of birth is ', 'their date of birth is ', 'dob is ')}${c.dob(dob, { uk: region !== 'US' })}.`;
  else c.C`${c.full(p)}${c.v(', ', ' ', ', ')}${c.dob(dob, { uk: region !== 'US' })}.`;
  const med = r.pick([['lisinopril', 20, 90], ['metformin', 500, 60], ['atorvastatin', 40, 30], ['levothyroxine', 75, 90], ['amlodipine', 5, 30], ['sertraline', 50, 30]]);
  const doc = V.makePerson(r, 'ANY');
  c.A`I have ${c.neg(c.S === 'asr' ? med[0] + ' ' + numWords(med[1]) + ' milligrams' : med[0] + ' ' + med[1] + ' mg')}, ${c.num(med[2])} tablets, prescribed by Dr. ${c.L(doc)}. There are ${c.num(r.int(1, 4))} refills left.`;
  if (c.chance(0.5)) {
    c.C`${c.v('Yes. Actually Dr. ', 'yes actually doctor ', 'yes actually dr ')}${c.later(c.last(doc))}${c.v(' said the dose might go up in May.', ' said the dose might go up in may', ' said dose might go up in may')}`;
    c.a('Okay, I will fill the current dose for now.');
  }
  c.A`It'll be ready after ${c.time(r.int(13, 17))} ${c.v('tomorrow', 'tomorrow', 'tmrw')}. The copay is ${c.money(r.pick([4.99, 12.5, 15, 25]), region === 'US' ? '$' : region === 'CA' ? 'C$' : '£')}.`;
  const card = V.makeCard(r);
  c.A`Shall I charge the card on file ending in ${c.cardLast(card)}?`;
  c.C`${c.pick('Yes please.', 'Yes.', 'That is fine.')}`;
  if (c.chance(0.5)) {
    c.C`${c.v('Can you deliver it instead? ', 'can you deliver it instead ', 'can u deliver it? ')}${c.v("I'm at ", "i'm at ", 'im at ')}${c.addr(region === 'CA' ? V.caAddress(r) : region === 'UK' ? V.ukAddress(r) : V.usAddress(r))}.`;
    c.A`Yes, delivery is ${c.money(r.pick([3.99, 5, 2.5]), region === 'UK' ? '£' : '$')} and it goes out between ${c.time(10)} and ${c.time(14)}.`;
  }
  askPhone(c, V.makePhone(r, region === 'UK' ? 'UK' : region === 'CA' ? 'CA' : 'US'), { q: 'What number should we text when it is ready?', readback: 0.5 });
  if (forOther) c.A`I've added a note that ${c.F(p)} will collect for ${c.later(c.first(pat))}. Please bring ID.`;
  c.C`${wordLine(c, ['Thanks for your patience with me.', 'Will I need the bottle?', 'I hope it is the rose gold box again, ha, the other brand upset my stomach.', 'Great, I will bring my ID.'])}`;
  closing(c, p, { co, agentFirst: agent.first, phone: c.chance(0.6) ? V.companyPhone(r, region === 'UK' ? 'UK' : 'US') : null });
}

// -------------------------------------------------------------------------- 10. charity donation
export function charityDonation(c) {
  const r = c.rng;
  const region = c.region;
  const co = r.pick(V.COMPANIES.charity);
  const agent = V.makeFirst(r, region, 0.4);
  const p = V.makePerson(r, region);
  const cur = region === 'UK' ? '£' : '$';
  greet(c, co, agent.first, { dept: c.pick('', 'supporter care') });
  const memory = c.chance(0.5) ? V.makePerson(r, region, { wordy: 0.3 }) : null;
  if (memory) c.C`${c.v("Hi, I'd like to make a donation in memory of my late friend, ", "hi i'd like to make a donation in memory of my late friend ", 'hi id like to donate in memory of my friend ')}${c.F(memory)}.`;
  else opener(c, agent.first, c.pick("I'd like to make a donation.", 'I saw your appeal on TV and want to give something.', 'I want to set up a monthly gift.'));
  c.a(c.pick("That's very kind. ", 'Thank you so much. '), c.pick('How much would you like to give?', 'What amount were you thinking of?'));
  c.C`${c.money(r.pick([25, 50, 100, 250, 10]), cur)}${c.v(c.pick(', please.', ' a month.', ' as a one off.'), '', c.pick('', ' monthly'))}`;
  c.a('Did you get a letter from us? There may be a campaign code on it.');
  c.C`${c.v('Yes, it says ', 'yes it says ', 'yes says ')}${c.ref(V.refCode(r, r.pick(['AAA99', 'AA99AA', 'AAA-999'])))}.`;
  askName(c, p, { spell: 0.4 });
  if (region === 'UK') c.a('Are you a UK taxpayer? With Gift Aid we can claim an extra twenty five percent. I just need your home address.'.replace('twenty five percent', c.S === 'asr' ? 'twenty five percent' : '25%'));
  else c.a('And your home address for the tax receipt?');
  const addr = region === 'UK' ? V.ukAddress(r) : V.usAddress(r);
  if (c.chance(0.6)) c.C`${c.v('Yes, ', 'yes ', 'yes ')}${c.addr(addr)}.`;
  else { c.C`${c.addr(addr, { withPc: false })}.`; c.a(region === 'UK' ? 'And the postcode?' : 'And the ZIP?'); c.C`${c.pc(addr)}.`; }
  askEmail(c, V.makeEmail(r, p, region), { q: 'And an email for your receipt?' });
  c.a('How would you like to pay? We take debit or credit card.');
  c.C`${c.v('Debit card.', 'debit card', 'debit card')}`;
  const card = V.makeCard(r, r.pick(['visa', 'mastercard', 'visa']));
  c.a('Whenever you are ready, the long number on the front.');
  dictateCard(c, card);
  c.a('And the expiry?');
  c.C`${c.exp(card)}.`;
  c.a('And the security code?');
  c.C`${c.cvv(card)}.`;
  if (memory) {
    c.A`Would you like us to send a tribute card about ${c.later(c.first(memory))}'s gift to someone?`;
    const to = V.makePerson(r, region, { wordy: 0.4 });
    const ta = region === 'UK' ? V.ukAddress(r) : V.usAddress(r);
    c.C`${c.v('Yes, to my cousin, ', 'yes to my cousin ', 'yes to my cousin ')}${c.full(to)}${c.v(', at ', ' at ', ' at ')}${c.addr(ta)}.`;
  }
  c.C`${wordLine(c, ['I hope it helps.', 'Will it go to the summer appeal?', 'Can you grant me a receipt for my tax?', 'May I ask how much goes to the work itself?'])}`;
  c.A`It will, thank you. ${c.pct(r.pick([88, 91, 85]))} goes straight to our services. Your donation reference is ${c.code('9999 9999')}.`;
  askPhone(c, V.makePhone(r, region === 'UK' ? 'UK' : 'US'), { q: 'Can we take a phone number in case there is a problem with the payment?', readback: 0.3 });
  closing(c, p, { co, agentFirst: agent.first, phone: c.chance(0.5) ? V.companyPhone(r, region === 'UK' ? 'UK' : 'US') : null });
}

// -------------------------------------------------------------------------- 11. moving company quote
export function movingQuote(c) {
  const r = c.rng;
  const region = c.region;
  const co = r.pick(V.COMPANIES.moving);
  const agent = V.makeFirst(r, region, 0.35);
  const p = V.makePerson(r, region);
  const mk = () => (region === 'UK' ? V.ukAddress(r) : region === 'CA' ? V.caAddress(r) : V.usAddress(r));
  const from = mk();
  const to = c.chance(0.15) ? (region === 'UK' ? V.ieAddress(r) : region === 'CA' ? V.usAddress(r) : V.caAddress(r)) : mk();
  greet(c, co, agent.first);
  opener(c, agent.first, c.pick("I'd like a quote for a house move.", 'I need a price for moving a two bed flat.', "We're moving next month and need a removal company."));
  askName(c, p, { spell: 0.3 });
  c.a(...thanks(c, p), ' ', 'Where are you moving from?');
  const m = c.S !== 'chat' && c.chance(0.4) ? 3 : r.int(0, 2);
  if (m === 3) {
    // dictated over two turns with an interjection: one ADDRESS entity, one span per turn
    const ent = c.ent();
    const full = V.addressText(c, { ...from, unit: null }, { withPc: false, withCity: false });
    c.C`${c.v("It's ", "it's ")}${c.span('ADDRESS', full, { ent })}...`;
    c.a(c.pick(...INTERJ));
    const rest = { ...from, unit: null };
    let tail = V.addressText(c, rest, { withPc: true, withCity: true });
    tail = tail.slice(full.length).replace(/^[,\s]+/, '');
    c.C`${c.span('ADDRESS', tail, { ent })}.`;
  } else if (m === 0) c.C`${c.v('From ', 'from ', 'from ')}${c.addr(from)}.`;
  else if (m === 1) { c.C`${c.addr(from, { withPc: false })}.`; c.a(region === 'US' ? 'And the ZIP there?' : region === 'CA' ? 'And the postal code?' : 'And the postcode there?'); c.C`${c.pc(from)}.`; }
  else c.C`${c.v("It's ", "it's ", 'its ')}${c.addr(from)}${c.v(", it's on the ", " it's on the ", ', its on the ')}${c.neg(c.S === 'asr' ? r.pick(['third', 'fourth', 'second']) : r.pick(['3rd', '4th', '2nd']))}${c.v(' floor, no lift.', ' floor no lift', ' floor no lift')}`;
  c.a('And where are you moving to?');
  if (c.chance(0.6)) c.C`${c.v('To ', 'to ', 'to ')}${c.addr(to)}.`;
  else { c.C`${c.addr(to, { withPc: false })}.`; c.a(to.country === 'US' ? 'And the ZIP code?' : to.country === 'CA' ? 'And the postal code there?' : to.country === 'IE' ? 'And the Eircode?' : 'And the postcode?'); c.C`${c.pc(to)}.`; }
  c.A`What date are you looking at?`;
  c.C`${c.v('Ideally ', 'ideally ', 'ideally ')}${c.day(region === 'UK')}${c.v(', but we are flexible in May or June.', ' but we are flexible in may or june', ', flexible in may or june tho')}`;
  c.a('How many bedrooms, and any large items?');
  c.C`${c.v("It's a ", "it's a ", 'its a ')}${c.num(r.int(1, 4))}${c.v('-bed, with a king size bed, a piano and about ', ' bed with a king size bed a piano and about ', ' bed, king size bed, a piano and about ')}${c.num(r.int(20, 60))}${c.v(' boxes.', ' boxes', ' boxes')}`;
  c.A`Okay. For a crew of ${c.num(r.int(2, 4))} and a ${c.neg(c.S === 'asr' ? r.pick(['seven and a half tonne', 'luton']) : r.pick(['7.5-tonne', 'Luton']))} van, the quote is ${c.money(r.int(450, 2400), region === 'UK' ? '£' : '$')} plus ${c.money(r.pick([150, 95, 220]), region === 'UK' ? '£' : '$')} for the piano. Your quote number is ${c.code('Q-99999')}.`;
  c.C`${wordLine(c, ['That is a fair price.', 'Will you bring the brown boxes?', 'I hope the young lads are careful with the piano.', 'Can you mark the piano as fragile?'])}`;
  c.a('Great. Can I take a contact number and email?');
  const ph = V.makePhone(r, region === 'UK' ? 'UK' : 'US');
  const e = V.makeEmail(r, p, region);
  if (c.chance(0.5)) c.C`${c.v('Sure, ', 'sure ', '')}${c.phone(ph)}${c.v(', and the email is ', ' and the email is ', ' and email ')}${c.email(e)}.`;
  else { c.C`${c.phone(ph)}.`; c.a('And the email?'); c.C`${c.email(e)}.`; }
  const lead = V.makePerson(r, 'ANY', { wordy: 0.3 });
  c.A`Our crew lead, ${c.F(lead)}, will call the day before. Would you like packing as well? It's ${c.money(r.pick([180, 240, 320]), region === 'UK' ? '£' : '$')} extra.`;
  c.C`${c.pick('No, we will pack ourselves.', 'Yes please.', 'Maybe, let me think.')}`;
  closing(c, p, { co, agentFirst: agent.first, phone: c.chance(0.5) ? V.companyPhone(r, region === 'UK' ? 'UK' : 'US') : null });
}

// -------------------------------------------------------------------------- 12. telecom SIM-swap fraud check
export function simSwapFraud(c) {
  const r = c.rng;
  const region = c.region; // UK, US, IN, NG
  const co = r.pick(V.COMPANIES.telecom);
  const agent = V.makeFirst(r, region === 'IN' ? 'IN' : region === 'NG' ? 'NG' : region, 0.3);
  const p = V.makePerson(r, region);
  const ph = V.makePhone(r, region);
  greet(c, co, agent.first, { dept: 'fraud team' });
  opener(c, agent.first, c.pick("I got a text saying my SIM was swapped and I didn't ask for that.", 'my phone suddenly has no signal and I got an email about a new SIM.', 'I think someone has taken over my number.'));
  c.a("I'm sorry to hear that, let's secure the account. Which mobile number is it?");
  c.C`${c.v("It's ", "it's ", '')}${c.phone(ph, { intl: region === 'IN' || region === 'NG' ? c.chance(0.7) : c.chance(0.4) })}.`;
  askName(c, p, { spell: 0.3 });
  askDob(c, { uk: region !== 'US' });
  if (region === 'UK' || region === 'US') {
    const a = region === 'UK' ? V.ukAddress(r) : V.usAddress(r);
    c.a(region === 'UK' ? 'And the postcode on the account?' : 'And the billing ZIP code?');
    c.C`${c.pc(a)}.`;
  }
  c.A`Thank you. I can see a SIM swap was requested at ${c.time(r.int(0, 5), r.int(1, 59))} ${c.v('today', 'today', 'today')} in our ${c.v(r.pick(['Oxford Street', 'Market Street', 'Times Square', 'Lekki']), r.pick(['oxford street', 'market street', 'times square', 'lekki']))} store, and a new SIM ending ${c.digitsNeg(r.digits(4))} was activated.`;
  c.a('Is your handset IMEI the same? You can dial star hash zero six hash to see it.'.replace('star hash zero six hash', c.S === 'asr' ? 'star hash zero six hash' : '*#06#'));
  c.C`${c.v('It says ', 'it says ', 'says ')}${c.digitsNeg(V.imei(r))}.`;
  c.A`And the SIM card number on your old SIM, if you have it: it's the long number starting ${c.digitsNeg('8944')}.`;
  c.C`${c.v("It's ", "it's ", '')}${c.digitsNeg(V.iccid(r))}.`;
  const e = V.makeEmail(r, p, region === 'IN' ? 'IN' : region === 'NG' ? 'NG' : region);
  c.A`Thanks. I've sent a one-time code to the email on the account, ${c.email(e)}. Can you read it to me?`;
  c.C`${c.v("It's ", "it's ", '')}${c.digitsNeg(r.digits(6))}.`;
  if (c.chance(0.6)) {
    const u = V.makeUsername(r, p);
    c.A`Someone also reset the password on the online account with the username ${c.user(u)}. Is that your username?`;
    c.C`${c.pick("Yes, that's mine.", 'Yes.', 'Yeah, that is me.')}`;
  }
  const other = V.makePhone(r, r.pick(['UK', 'US', 'NG', 'IN', 'GH', 'PL']));
  c.A`That matches. Before the swap, someone called us from ${c.phone(other, { intl: true })}. Do you know that number?`;
  if (c.chance(0.5)) {
    const bro = V.makePerson(r, region);
    c.C`${c.v('That might be my cousin ', 'that might be my cousin ', 'might be my cousin ')}${c.F(bro)}${c.v(', who has my old phone.', ' who has my old phone', ', who has my old phone')}`;
    c.A`Okay, but ${c.later(c.first(bro))} isn't an authorised user, so it shouldn't have been allowed.`;
  } else c.C`${c.pick('No, never seen it.', 'No idea.', "No, that's not anyone I know.")}`;
  c.A`The request also came through our app from the IP address ${c.ip(r.chance(0.7) ? V.makeIpv4(r) : V.makeIpv6(r))}.`;
  c.C`${wordLine(c, ["That's not me, I will report it to the police.", 'I hope they did not get into my bank.', 'Can you grant me a new PIN?', 'Will I lose my photos?'])}`;
  c.A`I've blocked the new SIM and sent your replacement. Your fraud reference is ${c.code('FR-999999')}. The phone ending in ${c.phoneLast(ph)} should work again within ${c.num(r.pick([2, 4]))} hours.`;
  closing(c, p, { co, agentFirst: agent.first, phone: c.chance(0.5) ? V.companyPhone(r, region === 'UK' ? 'UK' : 'US') : null });
}

export const FAMILIES = [
  ['utility_move_in', utilityMoveIn, ['UK']],
  ['gym_cancellation', gymCancel, ['US', 'US', 'IE', 'UK']],
  ['broadband_outage', broadbandOutage, ['UK', 'UK', 'US', 'CA']],
  ['airline_loyalty', airlineLoyalty, ['UK', 'US', 'CA']],
  ['canadian_bank', canadianBank, ['CA']],
  ['us_tax_prep', usTaxPrep, ['US']],
  ['uk_payroll', ukPayroll, ['UK']],
  ['rental_car_damage', rentalDamage, ['US', 'UK']],
  ['pharmacy_refill', pharmacyRefill, ['US', 'CA', 'UK']],
  ['charity_donation', charityDonation, ['UK', 'US']],
  ['moving_quote', movingQuote, ['UK', 'US', 'CA']],
  ['sim_swap_fraud', simSwapFraud, ['UK', 'US', 'IN', 'NG']],
];
