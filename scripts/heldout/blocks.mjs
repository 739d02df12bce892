// Dialogue blocks shared by the scenario families (greeting, verification, card capture, bank details, close).
import { int, pick, chance, digits, iban, abaRouting, card } from './values.mjs';
import { name, phone, vanity, email, username, address, postal, usZip, panText, expiry, cvvText, ssn, last4, dob,
  numText, ibanText, refCode } from './render.mjs';

export const SMALL_TALK = [
  'Sorry, the rates rose again and I will be honest, the bill is a shock.', 'I hope this is quick, I am on my lunch break.',
  'Can you mark that as urgent? I have a summer job starting Monday.', 'My grant only covers part of it.',
  'The young lad at the counter said to call.', 'We got the king bed last time and the price was fair.',
  'May I ask something first?', 'I will wait, no problem.', 'It was a brown envelope, I think.',
  'The hunter green one, not the navy.', 'I got the new Pixel 9 Pro last week.', 'My daughter is back from Hilo in June.'];
/** Greeting; half the time the caller opens with small talk full of name-like words used as words (LABELS rule 3). */
export function greet(c, company, agentP) {
  greetOnly(c, company, agentP);
  if (chance(0.5)) c.cust(pick(SMALL_TALK));
}
function greetOnly(c, company, agentP) {
  const who = name(c, agentP, 'first');
  if (c.chat) return c.agent(pick(['Hi there! You are chatting with ', 'Hello, this is ', 'Welcome to ' + company + ' support, my name is ']), who,
    pick(['. How can I help today?', ' from ' + company + '. What can I do for you?', '. What brings you in today?']));
  c.agent(pick([`Thank you for calling ${company}, my name is `, `${company}, good afternoon, you're speaking with `, `Hi, ${company} here, this is `]),
    who, pick(['. How can I help you?', ', how may I help?', '. What can I do for you today?']));
}

export function askName(c, p) {
  c.agent(pick(['Can I start with your full name?', 'Who am I speaking with today?', 'May I have the name on the account, please?']));
  const form = pick(['full', 'full', 'middle', 'full']);
  c.cust(pick(["It's ", 'Yes, this is ', 'Sure, ', 'My name is ', '']), name(c, p, form), pick(['.', '', ', thanks.']));
  if (chance(0.35)) {
    c.agent('Could you spell the last name for me?');
    c.cust(pick(['Sure, ', '', 'Yep, ']), name(c, p, 'spelled'), '.');
  }
  if (chance(0.5)) c.agent(pick(['Thank you, ', 'Great, thanks, ', 'Perfect, ']), name(c, p, chance(0.5) ? 'title' : 'first'), '.');
}

export function verifyDob(c) {
  c.agent(pick(['And your date of birth, please?', 'For security, can you confirm your date of birth?', 'What is your birth date?']));
  c.cust(pick(['', "It's ", 'I was born on ', 'Born ', 'Sure, ']), c.v('DATE_OF_BIRTH', dob(c)), '.');
}
export function verifySsn(c, full = chance(0.4)) {
  if (full) {
    c.agent(pick(['I will need your full Social Security number.', 'Can you read me your social security number?']));
    c.cust(pick(['Okay, ', "It's ", '', 'Sure, it is ']), c.v('SSN', ssn(c)), '.');
  } else {
    c.agent(pick(['And the last four of your social?', 'Can you give me the last four digits of your SSN?']));
    c.cust(pick(['', "It's ", 'Last four is ']), c.v('SSN', last4(c)), '.');
  }
}
export function verifyZip(c) {
  c.agent(pick(['What is the ZIP code on file?', 'And the postal code on the account?', 'Can you confirm your billing zip?']));
  const z = chance(0.7) ? usZip(c) : postal(c, pick(['E1C 4M7', 'S7K 3J8', 'KY1 1XT', 'SY23 2AX', 'V9R 5J6', 'TR18 2QQ']));
  c.cust(pick(['', "It's ", 'Should be ']), c.v('POSTAL_CODE', z), '.');
}
export function askPhone(c, kind) {
  c.agent(pick(['What is the best number to reach you on?', 'And a callback number in case we get disconnected?', 'Which phone number should we use?']));
  c.cust(pick(['', "It's ", 'You can use ', 'My cell, ']), c.v('PHONE', phone(c, kind)), '.');
}
export function askEmail(c, p) {
  c.agent(pick(['What email should I send the confirmation to?', 'Can I get your email address?', "What's the email on the account?"]));
  c.cust(pick(['', "It's ", 'Sure, ', 'Send it to ']), c.v('EMAIL', email(c, p)), '.');
}
export function askAddress(c, opts = {}) {
  c.agent(pick(['And the address?', "What's the street address?", 'Can you confirm the mailing address?', 'Where should we send it?']));
  const a = address(c, opts);
  c.cust(pick(['', "It's ", 'Sure, ', 'We are at ']), c.v('ADDRESS', a.text), '.');
  if (!opts.withZip && chance(0.5)) {
    c.agent(pick(['And the postcode?', 'And the zip?', 'And the postal code there?']));
    c.cust(c.v('POSTAL_CODE', a.zipText));
  }
  return a;
}

const INTERJ = ['Mm-hmm.', 'Okay.', 'Go ahead.', 'Got it, next four?', 'Uh huh, keep going.', 'Yes.', 'Sorry, go on.', 'Okay, and then?'];
/** Card capture: brand, PAN whole or in chunks, optional read-back "ending in", expiry, CVV. */
export function cardBlock(c, { exp = true, cvv = true } = {}) {
  const k = card();
  c.agent(pick(['What card will you be using?', 'Which card would you like to put this on?', 'I can take a card payment. What type of card is it?']));
  c.cust(pick(['A ', "It's a ", 'My ']), k.brand, pick(['.', ' card.', ', the work one.']));
  c.agent(pick(['Go ahead with the card number.', 'Please read me the long number on the front.', "When you're ready, the card number."]));
  const chunked = chance(0.6);
  if (!chunked) {
    c.cust(pick(['', "It's ", 'Okay, ', 'Sure: ']), c.v('CREDIT_CARD', panText(c, k.groupStrs)), pick(['.', '', ', and that is it.']));
  } else {
    // split the groups into 2-4 consecutive pieces; in speech, sometimes split inside a group
    let groups = [...k.groupStrs];
    if (chance(0.3)) { const g = groups[1]; groups.splice(1, 1, g.slice(0, 2), g.slice(2)); }
    const cuts = [];
    const n = Math.min(groups.length, int(2, 4));
    let rest = groups;
    for (let i = 0; i < n - 1; i++) { const take = int(1, Math.max(1, rest.length - (n - 1 - i))); cuts.push(rest.slice(0, take)); rest = rest.slice(take); }
    cuts.push(rest);
    const e = c.eid();
    cuts.forEach((piece, i) => {
      if (!piece.length) return;
      c.cust(i === 0 ? pick(['Okay, ', 'It starts ', '', 'First part is ']) : pick(['', 'Then ', 'Next is ', 'And ']), c.v('CREDIT_CARD', panText(c, piece), e),
        i === cuts.length - 1 ? pick(['.', ", that's the end.", '']) : pick(['.', '', '...']));
      if (i < cuts.length - 1) c.agent(pick(INTERJ));
    });
  }
  if (chance(0.6)) {
    c.agent(pick(["That's the ", 'So I have a ', 'Just confirming, the ']), k.brand, pick([' ending in ', ' with last four ']), c.v('CREDIT_CARD', last4(c, k.pan.slice(-4))), ', correct?');
    c.cust(pick(['Yes.', "That's right.", 'Correct.']));
  }
  if (exp) {
    c.agent(pick(['And the expiration date?', 'When does it expire?', "What's the expiry on the card?"]));
    c.cust(pick(['', "It's ", 'Expires ', 'Good through ']), c.v('CARD_EXPIRY', expiry(c)), '.');
  }
  if (cvv) {
    c.agent(pick(['And the security code on the back?', 'Last thing, the three or four digit security code.', 'And the CVV, please.']));
    c.cust(pick(['', "It's ", 'Security code is ']), c.v('CARD_CVV', cvvText(c, k.cvvLen)), '.');
  }
  return k;
}
export function bankBlock(c, { routing = true } = {}) {
  if (routing) {
    c.agent(pick(["What's the routing number?", 'Can I get the nine-digit routing number for your bank?', 'And the bank routing number?']));
    c.cust(pick(['', "It's ", 'Routing is ']), c.v('ROUTING_NUMBER', numText(c, abaRouting())), '.');
  }
  c.agent(pick(['And the account number?', 'Now the checking account number, please.', 'And which account number should we use?']));
  const acct = digits(int(8, 12));
  c.cust(pick(['', "It's ", 'Account number ']), c.v('BANK_ACCOUNT', numText(c, acct)), '.');
  if (chance(0.4)) {
    c.agent('So that is the account ending in ', c.v('BANK_ACCOUNT', last4(c, acct.slice(-4))), ', right?');
    c.cust('Yes.');
  }
}
export function ibanBlock(c, cc) {
  const s = iban(cc);
  c.agent(pick(["What's the beneficiary IBAN?", 'Please read me the IBAN of the receiving account.', 'And the IBAN?']));
  c.cust(pick(['', "It's ", 'Sure, ', 'The IBAN is ']), c.v('IBAN', ibanText(c, s)), '.');
  return s;
}
export function close(c, company, agentP, { vanityWords } = {}) {
  c.agent(pick(['Is there anything else I can help with?', 'Anything else today?', 'Can I help with anything else?']));
  if (chance(0.4)) c.cust(pick(['No, that is all, thanks ', "That's everything. Cheers, ", 'Nope, thank you so much ']), name(c, agentP, 'first'), '.');
  else c.cust(pick(['No, that is everything.', "That's all, thank you.", 'No thanks, bye.']));
  if (chance(0.5)) {
    const num = vanityWords && chance(0.5) ? vanity(c, vanityWords) : phone(c, 'tollfree');
    c.agent(pick(['If you need us again, call ', 'You can always reach us at ', 'Our direct line is ']), c.v('PHONE', num), pick(['. Have a good day.', '. Take care.', '.']));
  } else c.agent(pick(['Thanks for calling, goodbye.', 'Have a lovely day.', 'Take care now.']));
}
export { refCode, username, email, phone, address };
