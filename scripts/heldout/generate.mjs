// Deterministic generator of the held-out redaction evaluation set (eval/heldout/heldout.jsonl).
// Scenario families, names, places and wording differ from shared/eval/data/dev-synthetic.jsonl on
// purpose: it measures how the engine generalises. Gold follows shared/eval/LABELS.md.
// Usage: node scripts/heldout/generate.mjs [--n 400] [--seed 20261123] [--out eval/heldout/heldout.jsonl]
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { seed, int, pick, chance, digits, iban } from './values.mjs';
import { Conv, assertGold } from './conv.mjs';
import { person, name, phone, ipv4, ipv6, money, clock, dayDate, fullDate, refCode, longRef, pct, numW, otp, flight,
  username, email, address, last4, ibanText } from './render.mjs';
import { greet, askName, verifyDob, verifySsn, verifyZip, askPhone, askEmail, askAddress, cardBlock, bankBlock, ibanBlock, close } from './blocks.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, x, i, all) => (x.startsWith('--') ? [...a, [x.slice(2), all[i + 1]]] : a), []));
const N = Number(args.n ?? 400);
seed(Number(args.seed ?? 20261123));
const OUT = args.out ?? 'eval/heldout/heldout.jsonl';

const FAMILIES = {
  airline_rebooking(c, p, ag) {
    const co = pick(['Aurora Pacific Airlines', 'Grant & Young Air', 'Skyrose Regional']);
    greet(c, co, ag);
    c.cust('My flight ', flight(c), ' on ', dayDate(c), ' was cancelled and I need to rebook.');
    c.agent('I can help. What is the booking reference?');
    c.cust("It's ", refCode(c, 'AAA9AA'), '.');
    askName(c, p);
    c.agent('I can move you to ', flight(c), ' departing at ', clock(c), ', seat ', numW(c, int(3, 40)), c.asr ? ' c' : 'C', '. The fare difference is ', money(c, int(20, 300) + 0.5), '.');
    c.cust(pick(['That works.', 'Fine, book it.', 'Okay, go ahead.']));
    if (chance(0.6)) cardBlock(c, { cvv: chance(0.8) });
    c.agent('Your new e-ticket number is ', longRef(c, 13, chance(0.5), '0'), '.');
    if (chance(0.5)) askEmail(c, p);
    if (chance(0.4)) {
      c.cust('My wife ', name(c, person(), 'first'), ' is on the same booking, can you move her too?');
      c.agent('Yes, both passengers are now on the ', clock(c), ' flight.');
    }
    close(c, co, ag, { vanityWords: ['fly', 'rose'] });
  },
  telecom_sim_swap(c, p, ag) {
    const co = pick(['Kestrel Mobile', 'Price Wireless', 'Bluefin Telecom']);
    greet(c, co, ag);
    c.cust(pick(['I lost my phone and need a new SIM on my number.', 'My SIM stopped working after I got a new handset.']));
    c.agent('Which number is this for?');
    c.cust(c.v('PHONE', phone(c, pick(['us', 'uk', 'intl', 'ca']))), '.');
    askName(c, p);
    verifyDob(c);
    if (chance(0.5)) verifySsn(c, false);
    c.agent("I've sent a one-time code to your email. Can you read it to me?");
    c.cust("It's ", otp(c), '.');
    if (chance(0.5)) { c.agent('What is your login for the app?'); c.cust(c.v('USERNAME', username(c, p)), '.'); }
    if (!c.asr && chance(0.3)) { c.cust('Also my router admin page is at ', c.v('IP_ADDRESS', chance(0.5) ? ipv4(c) : ipv6()), ' and it keeps dropping.'); c.agent('I will note that.'); }
    c.agent("I'll text a confirmation to the number ending in ", c.v('PHONE', last4(c)), '.');
    c.agent('The new SIM card number on the back of the card, please.');
    c.cust(longRef(c, 19, chance(0.6), '89'), '.');
    c.agent('Activated. Your plan is ', money(c, int(25, 90)), ' a month with ', numW(c, int(5, 100)), ' gigs. Ticket ', refCode(c, 'TK-999999'), ' is open for the swap.');
    if (chance(0.5)) askAddress(c, { country: pick(['us', 'ca']) });
    close(c, co, ag, { vanityWords: ['kes', 'trel'] });
  },
  hotel_booking_guarantee(c, p, ag) {
    const co = pick(['King Street Suites', 'Rose Valley Lodge', 'Harbour Hope Hotel']);
    greet(c, co, ag);
    c.cust(pick(['I want to book a room for ', 'Do you have anything for ']), numW(c, int(2, 5)), ' nights from ', dayDate(c), '?');
    c.agent('We have a ', pick(['king bed', 'double queen', 'king suite']), ' at ', money(c, int(89, 320)), ' per night plus ', pct(c), ' tax.');
    c.cust("I'll take the king.");
    askName(c, p);
    c.agent('I need a card to guarantee the reservation.');
    cardBlock(c, { cvv: chance(0.5) });
    if (chance(0.5)) verifyZip(c);
    askPhone(c, pick(['us', 'uk', 'intl']));
    if (chance(0.5)) askEmail(c, p);
    c.agent('Your confirmation number is ', longRef(c, pick([9, 10, 16]), chance(0.5)), '. Check-in is at ', clock(c), '.');
    close(c, co, ag);
  },
  pharmacy_refill(c, p, ag) {
    const co = pick(['Young & King Pharmacy', 'Bishop Lane Chemists', 'MedsNow Pharmacy']);
    greet(c, co, ag);
    c.cust('I need to refill my prescription, the number is ', refCode(c, pick(['RX 9999999', '9999999-99'])), '.');
    askName(c, p);
    verifyDob(c);
    const dr = person();
    c.agent('I see it was written by Dr. ', name(c, dr, 'last'), '. It is ', numW(c, pick([10, 20, 40, 50])), ' milligrams, ', numW(c, 30), ' tablets.');
    if (chance(0.5)) c.cust('Right, Dr. ', name(c, dr, 'last'), pick([' has been great.', "'s office said it was sent over."]));
    else c.cust(pick(['Yes that is the one.', 'Yes. I hope the price has not gone up again.', 'Yes, and will it be ready in June?']));
    c.agent('Your copay is ', money(c, int(3, 60) + 0.99), '. It will be ready ', dayDate(c), ' after ', clock(c), '.');
    if (chance(0.5)) { c.cust('Can my son pick it up? His name is ', name(c, person(), 'full'), '.'); c.agent('Sure, I added him.'); }
    if (chance(0.5)) { askAddress(c, { country: 'us' }); c.agent('Mail order number ', longRef(c, 10, false), ' ships today, tracking ', refCode(c, '1Z999A99999999999'), '.'); }
    if (chance(0.4)) cardBlock(c, { cvv: false });
    close(c, co, ag, { vanityWords: ['meds', 'now'] });
  },
  student_loan(c, p, ag) {
    const co = pick(['Summit Grant Loan Servicing', 'Lakeshore Student Aid']);
    greet(c, co, ag);
    c.cust('I want to apply for income driven repayment.');
    askName(c, p);
    verifySsn(c, true);
    verifyDob(c);
    c.agent('Your balance is ', money(c, int(8000, 90000)), ' at ', pct(c), '. Under the new plan the payment would be ', money(c, int(50, 400)), '.');
    c.cust('That is much better. Can I set up autopay?');
    bankBlock(c);
    c.agent('Done. Your application number is ', refCode(c, 'IDR-99999999'), ' and the first draft is on ', fullDate(c), '.');
    if (chance(0.5)) askEmail(c, p);
    close(c, co, ag);
  },
  car_rental_damage(c, p, ag) {
    const co = pick(['Price Rite Rentals', 'Tundra Car Hire', 'Wilder & Hope Auto Rental']);
    greet(c, co, ag);
    c.cust('I returned a car with a dent and I want to sort out the claim.');
    c.agent('What is the rental agreement number?');
    c.cust(refCode(c, pick(['RA999999999', '99999-9999'])), '.');
    askName(c, p);
    const adj = person();
    c.agent('Your adjuster is ', name(c, adj, 'full'), '. The estimate is ', money(c, int(300, 2500)), ' and your deductible is ', money(c, 500), '.');
    c.cust('Can ', name(c, adj, 'first'), ' call me back?');
    askPhone(c, pick(['us', 'ca', 'uk']));
    if (chance(0.5)) cardBlock(c);
    c.agent('Claim ', longRef(c, 12, false), ' is open. The car was a ', pick(['2024 Corolla', '2023 Model 3', 'Kia Sportage']), ' with ', numW(c, int(12000, 48000)), ' miles.');
    if (chance(0.5)) askAddress(c, { withZip: true });
    close(c, co, ag);
  },
  charity_donation(c, p, ag) {
    const co = pick(['Hope Harbor Foundation', 'Grant Street Food Bank', 'Rose & Young Children\'s Fund']);
    greet(c, co, ag);
    c.cust('I would like to make a donation of ', money(c, pick([25, 50, 100, 250])), ' in memory of my mother ', name(c, person(), 'full'), '.');
    c.agent("That's very kind. Is it a one-off gift or monthly?");
    c.cust(pick(['One-off.', 'Monthly, please.']));
    askName(c, p);
    cardBlock(c);
    askAddress(c, { withZip: chance(0.6) });
    c.agent('Your receipt number is ', longRef(c, 16, chance(0.5), '4'), '. It is ', pct(c), ' tax deductible.');
    if (chance(0.5)) askEmail(c, p);
    close(c, co, ag, { vanityWords: ['give', 'hope'] });
  },
  utility_hardship(c, p, ag) {
    const co = pick(['Cascade Ridge Power', 'Moon River Water', 'Prairie Bill Energy Co-op']);
    greet(c, co, ag);
    c.cust(pick(["I can't pay my bill this month, I lost my job.", 'My bill went up and I need a payment plan.']));
    askName(c, p);
    c.agent('Can you confirm the service address?');
    const a = address(c, { withZip: chance(0.5), country: pick(['us', 'ca']) });
    c.cust(c.v('ADDRESS', a.text), '.');
    if (chance(0.6)) verifySsn(c, false);
    c.agent('Your balance is ', money(c, int(120, 900) + 0.25), '. I can spread it over ', numW(c, pick([3, 6, 12])), ' months and take ', pct(c), ' off.');
    c.cust('Will the bill still be due on the ', c.asr ? 'fifteenth' : '15th', '?');
    c.agent('Yes. Case ', refCode(c, 'HS-999999'), '. Do you want the installments drafted from a bank account?');
    c.cust('Yes please.');
    bankBlock(c, { routing: chance(0.8) });
    close(c, co, ag);
  },
  gym_cancellation(c, p, ag) {
    const co = pick(['IronWill Fitness', 'Summer Hill Gym', 'Peak Grant Athletics']);
    greet(c, co, ag);
    c.cust("I'd like to cancel my membership, I'm moving to ", pick(['Saskatoon', 'Hilo', 'Aberystwyth', 'Trois-Rivières', 'Dubuque']), '.');
    askName(c, p);
    c.agent('What is the card on file? Just the last four.');
    c.cust(c.v('CREDIT_CARD', last4(c)), '.');
    verifyDob(c);
    if (chance(0.5)) { c.agent('And the username you use in the IronWill app?'); c.cust(c.v('USERNAME', username(c, p))); }
    if (chance(0.5)) verifyZip(c);
    c.cust('I also want to return the ', refCode(c, 'SKU AA-9999'), ' resistance band set, model ', refCode(c, 'A99'), '.');
    c.agent('There is a cancellation fee of ', money(c, int(20, 99)), '. Your last billing date is ', dayDate(c), '.');
    c.cust(pick(['Will I get a bill after that?', 'Ok, fine.']));
    if (chance(0.5)) askEmail(c, p);
    if (chance(0.4)) askAddress(c);
    c.agent('Cancellation confirmation ', refCode(c, 'CX999999'), '. Your trainer ', name(c, person(), 'first'), ' says goodbye.');
    close(c, co, ag);
  },
  bank_wire_iban(c, p, ag) {
    const co = pick(['Northshore Savings', 'Kingfisher Federal', 'Page & Law Private Bank']);
    greet(c, co, ag);
    c.cust('I need to send an international wire to my brother in ', pick(['Warsaw', 'Dublin', 'Riyadh', 'Lyon', 'Dubai', 'Madrid', 'Rotterdam']), '.');
    askName(c, p);
    verifySsn(c, false);
    c.agent('What account are you sending from?');
    c.cust('My checking, ending in ', c.v('BANK_ACCOUNT', last4(c)), '.');
    const ben = person();
    c.agent("And the beneficiary's name?");
    c.cust(name(c, ben, 'full'), '.');
    ibanBlock(c);
    c.agent('And the SWIFT code?');
    c.cust(refCode(c, pick(['AAAAPLPW', 'AAAADEFFXXX', 'AAAAIE2D'])), '.');
    c.agent('The amount?');
    c.cust(money(c, int(200, 9000), pick(['$', '€'])), '.');
    c.agent('The wire fee is ', money(c, 45), '. Reference ', longRef(c, 16, chance(0.5), '5'), '. It should arrive by ', dayDate(c), '.');
    if (chance(0.4)) { c.cust('Also save my landlord as a payee, IBAN ', c.v('IBAN', ibanText(c, iban())), '.'); c.agent('Saved. May I help with anything else on the wire?'); }
    close(c, co, ag);
  },
  crypto_recovery(c, p, ag) {
    const co = pick(['CoinHarbor', 'Lumen Exchange', 'BitMoon Markets']);
    greet(c, co, ag);
    c.cust("I'm locked out of my account and I think someone changed my email.");
    c.agent('What is your username?');
    c.cust(pick(['', "It's ", 'Username is ']), c.v('USERNAME', username(c, p)), '.');
    askName(c, p);
    c.agent('What email did you originally register with?');
    c.cust(c.v('EMAIL', email(c, p)), '.');
    verifyDob(c);
    const v6 = !c.asr && chance(0.4);
    c.agent('I see a login from ', c.v('IP_ADDRESS', v6 ? ipv6() : ipv4(c)), ' on ', dayDate(c), ' at ', clock(c), '. Was that you?');
    c.cust('No, I have never been there. I usually log in from ', c.v('IP_ADDRESS', ipv4(c)), '.');
    c.agent('I have frozen withdrawals. Your balance of ', c.asr ? 'zero point four two' : '0.42', ' BTC is safe. Ticket ', longRef(c, 10, false), '.');
    c.agent('Please enter the 2FA code from the app.');
    c.cust(otp(c), '.');
    if (chance(0.5)) askPhone(c, 'intl');
    close(c, co, ag);
  },
  tax_preparer_callback(c, p, ag) {
    const co = pick(['Rose & Bishop Tax Services', 'Ledgerly Tax', 'Young Accounting Group']);
    greet(c, co, ag);
    const prep = person();
    c.cust('I missed a call from ', name(c, prep, 'title'), ' about my return.');
    askName(c, p);
    verifySsn(c, chance(0.6));
    verifyDob(c);
    c.agent(name(c, prep, 'first'), "'s notes say your refund is ", money(c, int(300, 6000)), ' for tax year ', c.asr ? 'twenty twenty five' : '2025', '.');
    c.cust('Can it go straight to my bank?');
    bankBlock(c);
    c.agent('Sure. Can ', name(c, prep, 'first'), ' call you back ', dayDate(c), ' at ', clock(c), '?');
    askPhone(c, pick(['us', 'us', 'ca']));
    if (chance(0.4)) verifyZip(c);
    c.agent('Your e-file confirmation is ', longRef(c, 15, chance(0.5)), '.');
    close(c, co, ag);
  },
  vet_clinic_deposit(c, p, ag) {
    const co = pick(['Hunter Creek Animal Hospital', 'Paws & Price Vet']);
    greet(c, co, ag);
    c.cust('I need to book surgery for my dog ', pick(['Biscuit', 'Mochi', 'Pepper']), '.');
    askName(c, p);
    askPhone(c);
    c.agent(pick(['Dr. ', 'Doctor ']), name(c, person(), 'last'), ' has ', dayDate(c), ' at ', clock(c), '. We need a deposit of ', money(c, int(100, 400)), '.');
    cardBlock(c, { cvv: chance(0.7) });
    c.agent('Booked. Appointment ', refCode(c, 'AP-99999'), '. Please fast her from ', clock(c), '.');
    close(c, co, ag);
  },
  moving_estimate(c, p, ag) {
    const co = pick(['Will & Grant Movers', 'Stornoway Removals', 'Two Hunters Moving']);
    greet(c, co, ag);
    c.cust(pick(['I need a quote for a move.', 'How much to move a two bedroom?']));
    askName(c, p);
    c.agent('Where are you moving from?');
    const from = address(c, { withZip: true });
    c.cust('From ', c.v('ADDRESS', from.text), '.');
    c.agent('And to?');
    const to = address(c, { withZip: false, withUnit: true });
    c.cust(c.v('ADDRESS', to.text), '.');
    c.agent('About ', numW(c, int(20, 60)), ' boxes and ', numW(c, int(3, 9)), ' hours, so roughly ', money(c, int(600, 3000)), '. Quote ', longRef(c, 8, false), '.');
    askEmail(c, p);
    if (chance(0.5)) askPhone(c, 'uk');
    close(c, co, ag);
  },
};

const STYLES = ['formatted', 'formatted', 'asr', 'asr', 'chat'];
const fams = Object.keys(FAMILIES);
const lines = [];
const counts = {};
for (let i = 0; i < N; i++) {
  const family = fams[i % fams.length];
  const style = pick(STYLES);
  const c = new Conv(`heldout-${String(i).padStart(4, '0')}`, family, style);
  FAMILIES[family](c, person(), person());
  const rec = c.record();
  assertGold(rec);
  for (const g of rec.gold) counts[g.type] = (counts[g.type] ?? 0) + 1;
  lines.push(JSON.stringify(rec));
}
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, lines.join('\n') + '\n');
console.error(`wrote ${lines.length} conversations to ${OUT}`, counts);
