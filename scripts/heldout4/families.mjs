// Scenario families. Each takes a Conv and writes the dialogue. Literal template text never contains digits:
// every number goes through a PII renderer (labelled) or c.N.* (hard negative, never labelled).
import { PEOPLE, AGENTS, genIp, genCard, genDob, genIban, luhnOk } from './values.mjs';
import { makePersona, greet, askName, askDob, askPhone, askEmail, askAddress, cardPayment, bankDetails, ibanBlock, closing, bc, tollFree, genPhone, genAddress, newCard } from './blocks.mjs';

const other = (rng, p) => { for (;;) { const q = rng.pick(PEOPLE); if (q !== p.person) return q; } };
const L = (rng) => rng.pick('ABCDEFGHJKLMNPRSTVWXYZ'.split(''));
const ref = (rng, pre, n) => pre + rng.digits(n);
const imei = (rng) => { const b = '35' + rng.digits(12); for (let c = 0; c < 10; c++) if (luhnOk(b + c)) return b + c; throw new Error('imei'); };
const end = (c) => (c.style === 'chat' ? 'chatting' : 'calling');

export const FAMILIES = {
  vet_booking(c) {
    const r = c.rng, N = c.N, cc = r.chance(0.7) ? 'US' : 'CA';
    c.locale = cc;
    const p = makePersona(r, cc), agent = r.pick(AGENTS), vet = other(r, p);
    const org = r.pick(['Maple Hollow Animal Hospital', 'Paws & Whiskers Veterinary', 'Summerfield Vet Clinic', 'Kingsway Pet Hospital']);
    const pet = r.pick(['Biscuit', 'Pickles', 'Mango', 'Waffles', 'Pepper', 'Noodle', 'Tofu', 'Clementine', 'Pretzel']);
    const sp = r.pick(['dog', 'cat', 'rabbit', 'puppy']);
    greet(c, org, agent);
    const why = r.int(0, 3);
    if (why === 0) c.u`Hi, I need to book a checkup for my ${sp} ${pet}. She is a young one, only about ${N.num(r.int(4, 11))} months old, and due for her rabies booster.`;
    else c.u`Hi, I need to book a checkup for my ${sp} ${pet}. ${['', 'He has been limping since Tuesday.', 'He will not stop scratching his ear.', 'She is due for her rabies booster.'][why]}`;
    askName(c, p);
    c.a`Thanks. And ${pet} has been seen here before?`;
    c.u`Yes, we saw Dr. ${c.name(vet, 'last')} back in ${r.pick(['May', 'June', 'March'])}.`;
    askDob(c, p, { lead: 'To find your file, can I get the pet owner\'s date of birth?' });
    c.a`Dr. ${c.name(vet, 'last')} has an opening on ${N.date(r.int(1, 12), r.int(1, 28))} at ${N.time(r.int(8, 16), r.pick([0, 15, 30, 45]))}, or the following morning at ${N.time(r.int(8, 11), r.pick([0, 30]))}.`;
    c.u`The first one, please. Will that include a nail trim?`;
    c.a`It can. The exam is ${N.money(r.int(55, 95), cc === 'CA' ? 'CAD' : 'USD')}, the booster is ${N.money(r.int(20, 45) + 0.5, cc === 'CA' ? 'CAD' : 'USD')}, and we hold the slot with a ${N.money(25, cc === 'CA' ? 'CAD' : 'USD')} deposit.`;
    askPhone(c, p);
    cardPayment(c, p, { amount: 25, cur: cc === 'CA' ? 'CAD' : 'USD' });
    c.a`You're booked. The booking number is ${N.code(ref(r, 'VT', 6))}. Please arrive ${N.num(10)} minutes early and bring ${pet}'s leash or carrier.`;
    if (r.chance(0.5)) askEmail(c, p);
    closing(c, p, org, agent, tollFree(r, cc, 'PET-CARE'));
  },

  hotel_change(c) {
    const r = c.rng, N = c.N, cc = r.pick(['US', 'UK', 'CA']);
    c.locale = cc;
    const p = makePersona(r, cc), agent = r.pick(AGENTS), guest2 = other(r, p);
    const org = r.pick(['Grant Park Inn', 'Harbor & King Suites', 'Summerhill Lodge', 'The Rose and Crown Hotel']);
    const cur = cc === 'UK' ? 'GBP' : cc === 'CA' ? 'CAD' : 'USD';
    greet(c, org, agent);
    c.u`Hi, I have a reservation and I need to change the dates.`;
    c.a`Of course. Do you have the confirmation number?`;
    c.u`Yes, it's ${N.code(L(r) + L(r) + r.digits(6))}.`;
    c.a`Thank you. And the name on the booking?`;
    c.u`${c.name(p.person)}${c.style === 'asr' ? '' : ', '}${c.style !== 'chat' && r.chance(0.5) ? ['spelled ', c.spell(p.last, c.style === 'asr' ? 'spaced' : r.pick(['dash', 'nato']))] : ''}.`;
    c.a`I see ${N.num(2)} nights in a king room, arriving ${N.date(r.int(1, 12), r.int(1, 20))}. What dates would you like instead?`;
    c.u`Can we push it to ${N.date(r.int(1, 12), r.int(1, 27))}? Our flight ${N.code(r.pick(['BA', 'AC', 'UA', 'DL']) + r.int(100, 2999))} now lands at ${N.time(r.int(13, 22), r.pick([5, 20, 40]))}. I may be late.`;
    c.a`That works. The rate for those nights is ${N.money(r.int(139, 289), cur)} per night plus ${N.pct(r.pick([12, 13.5, 15]))} tax.`;
    c.u`Fine. Can you also add my ${r.pick(['partner', 'sister', 'colleague'])} ${c.name(guest2)} as a second guest?`;
    c.a`Done, ${c.name(guest2, 'first')} is on the reservation. The card on file ends in ${c.cardPartial(p.card)}. Shall I keep using that one?`;
    c.u`No, that card was replaced. Use the new one.`;
    cardPayment(c, newCard(p, r), { zip: cc !== 'UK' });
    askEmail(c, p);
    c.a`Your new confirmation will go to that address. Check-in is from ${N.time(15)}.`;
    closing(c, p, org, agent, r.chance(0.5) ? tollFree(r, cc, 'STAY-NOW') : null);
  },

  storm_claim(c) {
    const r = c.rng, N = c.N, cc = r.chance(0.8) ? 'US' : 'CA';
    const p = makePersona(r, cc), agent = r.pick(AGENTS), adj = other(r, p);
    const org = r.pick(['Bellwether Mutual', 'Granite & Young Insurance', 'Northgate Home Insurance']);
    greet(c, org, agent);
    c.u`Hi, a tree came down on my roof in the storm on ${N.date(r.int(1, 12), r.int(1, 28))} and I need to file a claim.`;
    c.a`I'm sorry to hear that. Is everyone safe?`;
    c.u`Yeah, we're fine, but the garage is a mess and the rose bushes are flattened.`;
    askName(c, p);
    askDob(c, p);
    askAddress(c, p, { lead: 'What is the address of the damaged property?' });
    c.a`How many rooms have water damage?`;
    c.u`${N.num(r.int(1, 4))}, plus the garage. A contractor quoted ${N.money(r.int(4, 40) * 500, cc === 'CA' ? 'CAD' : 'USD')} for the roof.`;
    c.a`Okay. Your claim number is ${N.code(`CLM${r.digits(7)}`)}. Your adjuster will be ${c.name(adj)}. ${c.name(adj, 'first')} can visit on ${N.date(r.int(1, 12), r.int(1, 28))} between ${N.time(9)} and ${N.time(13)}.`;
    if (r.chance(0.5)) { c.u`Can I get ${c.name(adj, 'first')}'s direct number?`; c.a`Yes, it's ${c.phone(genPhone(r, cc))}.`; }
    askPhone(c, p);
    c.a`Once the claim is approved, would you like the payment by direct deposit?`;
    c.u`Yes please, that's faster.`;
    bankDetails(c, p, { lead: 'Okay. What is the bank routing number?' });
    c.a`Your deductible is ${N.money(r.pick([500, 1000, 2500]))}. Please keep receipts for any emergency repairs, and mark them with the claim number.`;
    closing(c, p, org, agent, tollFree(r, cc, 'CLAIM-NOW'));
  },

  student_loan(c) {
    const r = c.rng, N = c.N;
    const p = makePersona(r, 'US'), agent = r.pick(AGENTS);
    const org = r.pick(['Crestline Loan Servicing', 'Brightpath Student Aid', 'Keystone Education Loans']);
    greet(c, org, agent);
    c.u`Hi, I want to switch to an income-driven repayment plan and set up autopay.`;
    askName(c, p, { spell: false });
    c.a`For verification, can I have your Social Security number?`;
    if (r.chance(0.5)) c.u`Sure, ${c.ssn(p.ssn)}.`;
    else { c.u`Do you need the whole thing?`; c.a`Just the last four is fine.`; c.u`${c.ssn(p.ssn, { last4: true })}.`; }
    askDob(c, p);
    c.a`Thank you. Do you have an online account with us? What's the username?`;
    c.u`I think it's ${c.username(p.username)}.`;
    c.a`Yes, I see ${c.username(p.username)}. Your current balance is ${N.money(r.int(8000, 52000) + 0.37)} at ${N.pct(r.pick([4.99, 5.5, 6.8]))} interest.`;
    c.u`Part of it was a Pell grant, so I thought it would be lower. My payments went up in June.`;
    c.a`The grant portion isn't included. On the new plan your payment would be about ${N.money(r.int(90, 310))} a month, starting ${N.date(r.int(1, 12), r.pick([1, 15, 28]))}.`;
    c.u`Okay, that's better. Let's do that.`;
    bankDetails(c, p, { lead: 'For autopay, what is the routing number of your bank?' });
    c.a`Autopay gives you a ${N.pct(0.25)} rate reduction. I've mailed a confirmation. Your request number is ${N.code(r.digits(9))}.`;
    if (r.chance(0.6)) askEmail(c, p);
    closing(c, p, org, agent, tollFree(r, 'US', 'LOAN-HELP'));
  },

  ev_charger_install(c) {
    const r = c.rng, N = c.N, cc = r.chance(0.7) ? 'US' : 'CA';
    const p = makePersona(r, cc), agent = r.pick(AGENTS), tech = other(r, p);
    const org = r.pick(['VoltNest Home Charging', 'Amperly', 'Hunter Ridge Electric']);
    greet(c, org, agent);
    c.u`Hi, I bought the ${r.pick(['VoltNest Pro', 'Amperly Go'])} level ${N.num(2)} charger, model ${N.code(r.pick(['VN', 'AG']) + r.int(32, 80) + r.pick(['A', 'X']))}, and I want to book the install.`;
    askName(c, p, { spell: r.chance(0.3) });
    askAddress(c, p, { lead: 'What is the address where the charger will be installed?' });
    c.a`Is your main panel ${N.num(200)} amps, and how far is it from where you park?`;
    c.u`It's ${N.num(200)} amps, about ${N.num(r.int(10, 60))} feet from the garage wall. We have a ${N.year(r.int(2019, 2024))} ${r.pick(['Ioniq', 'Mustang Mach-E', 'Model Y', 'Bolt'])}.`;
    c.a`Great. Our electrician ${c.name(tech)} can come on ${N.date(r.int(1, 12), r.int(1, 28))} at ${N.time(r.int(8, 14))}. The visit takes about ${N.num(r.int(2, 4))} hours.`;
    c.u`Perfect. One question, the charger's app says it can't connect. Will the installer fix that?`;
    c.a`We can check now. On the charger screen, under network, what IP address does it show?`;
    const ip = genIp(r, r.pick(['priv', 'priv', 'pub']));
    c.u`It says ${c.ip(ip)}, and firmware version ${N.version(`${r.int(2, 5)}.${r.int(0, 14)}.${r.int(0, 9)}`)}.`;
    c.a`Thanks. That's a local address, so it is on your Wi-Fi. I'll reset the cloud pairing.`;
    askPhone(c, p);
    cardPayment(c, p, { amount: r.pick([99, 149, 199]), cur: cc === 'CA' ? 'CAD' : 'USD' });
    c.a`You're confirmed. The job number is ${N.code(`EV${r.digits(5)}`)}.`;
    closing(c, p, org, agent, tollFree(r, cc, 'GO-VOLT'));
  },

  home_warranty(c) {
    const r = c.rng, N = c.N;
    const p = makePersona(r, 'US'), agent = r.pick(AGENTS), tech = other(r, p);
    const org = r.pick(['Shieldstone Home Warranty', 'HomeSure Protection', 'Keystone Home Shield']);
    greet(c, org, agent);
    c.u`My ${r.pick(['water heater', 'dishwasher', 'furnace', 'garage door opener'])} stopped working and I want to open a repair request. It's model ${N.code(L(r) + L(r) + '-' + r.digits(4))}.`;
    askName(c, p);
    askAddress(c, p, { lead: 'What is the address of the covered home?' });
    askPhone(c, p, { readback: true });
    c.a`Your plan covers it. There is a service fee of ${N.money(r.pick([75, 100, 125]))}. We've assigned ${r.pick(['Mark & Young Plumbing', 'Brown Brothers Appliance', 'Price Right Repair'])}, and the technician will be ${c.name(tech, 'first')}.`;
    c.u`When can they come? Monday is bad, I have a ${r.pick(['dentist', 'doctor'])} appointment.`;
    c.a`How about ${N.date(r.int(1, 12), r.int(1, 28))} between ${N.time(r.int(8, 12))} and ${N.time(r.int(13, 17))}?`;
    c.u`That works.`;
    cardPayment(c, p, { amount: 100 });
    c.a`Your ticket number is ${N.code(`${r.digits(8)}`)}. ${c.name(tech, 'first')} will text you about ${N.num(30)} minutes before arriving.`;
    if (r.chance(0.5)) askEmail(c, p);
    closing(c, p, org, agent, tollFree(r, 'US', 'FIX-HOME'));
  },

  phone_tradein(c) {
    const r = c.rng, N = c.N, cc = r.pick(['US', 'US', 'UK']);
    c.locale = cc;
    const p = makePersona(r, cc), agent = r.pick(AGENTS);
    const org = r.pick(['Nimbus Mobile', 'Skyline Wireless', 'Bramble Mobile']);
    const cur = cc === 'UK' ? 'GBP' : 'USD';
    greet(c, org, agent);
    c.u`Hi, I want to trade in my old ${N.product(r.pick(['Galaxy S21', 'iPhone 12', 'Pixel 7', 'iPhone 13 mini']))} for the upgrade offer.`;
    askName(c, p, { spell: r.chance(0.3) });
    c.a`Can you read me the IMEI? You can find it by dialing star pound zero six pound.`;
    const im = imei(r);
    c.u`Okay, it's ${N.code(c.style === 'formatted' ? `${im.slice(0, 2)} ${im.slice(2, 8)} ${im.slice(8, 14)} ${im.slice(14)}` : im)}.`;
    c.a`Thanks. In good condition the trade-in value is ${N.money(r.int(90, 420), cur)}, credited over ${N.num(24)} months. Will you ship it or bring it to a store?`;
    c.u`Ship it, please.`;
    askAddress(c, p, { lead: 'Where should we send the prepaid box?', postcodeSeparate: r.chance(0.3) });
    c.a`The box should arrive in ${N.num(r.int(2, 5))} days, tracking number ${N.code(r.chance(0.5) ? `9400${r.digits(18)}` : `1Z${L(r)}${r.digits(3)}${L(r)}${r.digits(10)}`)}.`;
    askEmail(c, p, { readback: false });
    c.u`Will the credit show on my next bill?`;
    c.a`It will show on the bill after the phone is inspected. If you prefer, we can refund the ${N.money(r.int(30, 60), cur)} activation fee to your card ending in ${c.cardPartial(p.card)}.`;
    c.u`Yes, do that.`;
    askPhone(c, p, { readback: false });
    closing(c, p, org, agent, tollFree(r, cc, 'NIMBUS-1'));
  },

  concert_refund(c) {
    const r = c.rng, N = c.N, cc = r.pick(['US', 'CA', 'UK']);
    c.locale = cc;
    const p = makePersona(r, cc), agent = r.pick(AGENTS);
    const org = r.pick(['TicketHarbor', 'StubLoop', 'GateList Tickets']);
    const band = r.pick(['The June Parade', 'Velvet Static', 'Hunter and the Hollows', 'Summer Kings', 'Brown Bird Revival']);
    const venue = r.pick(['Rosewood Amphitheater', 'Kingsbury Hall', 'the Grant Street Arena', 'Maplewood Pavilion']);
    const cur = cc === 'UK' ? 'GBP' : cc === 'CA' ? 'CAD' : 'USD';
    greet(c, org, agent);
    c.u`Hi, the ${band} show at ${venue} on ${N.date(r.int(1, 12), r.int(1, 28))} was cancelled and I haven't got my refund.`;
    c.a`I'm sorry about that. What's the order number?`;
    c.u`${N.code(`${r.digits(2)}-${r.digits(5)}/${r.digits(2)}`)}.`;
    c.a`And the username on your account, so I can verify?`;
    c.u`${r.pick(['It\'s ', 'Username is ', ''])}${c.username(p.username)}.`;
    askEmail(c, p, { readback: r.chance(0.4) });
    c.a`Thanks, ${c.name(p.person, 'first')}. I see ${N.num(2)} tickets in section ${N.code(String(r.int(101, 330)))}, row ${N.code(L(r))}, seats ${N.num(r.int(1, 20))} and ${N.num(r.int(21, 30))}, total ${N.money(r.int(80, 400) + 0.5, cur)} including fees.`;
    c.u`Right. It's been ${N.num(r.int(10, 30))} days. The site said it may take a week.`;
    c.a`The refund was sent to the card ending in ${c.cardPartial(p.card)} on ${N.date(r.int(1, 12), r.int(1, 28))}. Banks may take up to ${N.num(10)} business days.`;
    c.u`That card was cancelled though. Can you send it somewhere else?`;
    if (cc === 'UK') { ibanBlock(c, p, { lead: 'I can do a bank transfer instead. What is the IBAN?' }); }
    else { c.a`I can issue it to a new card.`; cardPayment(c, newCard(p, r), { zip: true }); }
    c.a`Done. Your case number is ${N.code(`TH${r.digits(7)}`)}.`;
    closing(c, p, org, agent, null);
  },

  medical_billing(c) {
    const r = c.rng, N = c.N;
    const p = makePersona(r, 'US'), agent = r.pick(AGENTS), doc = other(r, p), kid = [other(r, p)[0], p.last];
    const org = r.pick(['Riverside Health Billing', 'Mercy Hope Medical Group', 'Summit Grant Hospital']);
    greet(c, org, agent);
    c.u`Hi, I got a bill for ${N.money(r.int(180, 2400) + 0.6)} and I think it's wrong. Insurance should have covered it.`;
    c.a`I can look into that. Is the bill for you or someone else?`;
    const forKid = r.chance(0.5);
    if (forKid) {
      c.u`It's for my ${r.pick(['son', 'daughter'])}, ${c.name(kid)}.`;
      c.a`And ${c.name(kid, 'first')}'s date of birth?`;
      c.u`${c.dob({ ...genDob(r), y: r.int(2008, 2020) })}.`;
      c.a`And your name, as the guarantor?`;
      c.u`${c.name(p.person)}.`;
    } else {
      askName(c, p);
      askDob(c, p);
    }
    if (r.chance(0.5)) {
      c.a`To verify the guarantor, can I also have the last four of your Social?`;
      c.u`${r.pick(['Sure, ', 'It\'s ', ''])}${c.ssn(p.ssn, { last4: true })}.`;
    }
    c.a`Thank you. The visit on ${N.date(r.int(1, 12), r.int(1, 28))} with Dr. ${c.name(doc, 'last')} was billed as code ${N.code(String(r.pick([99213, 99214, 99203, 85025, 80053])))}, and the claim to your insurer was denied.`;
    c.u`Denied? Why?`;
    c.a`The claim number ${N.code(r.digits(11))} shows the insurer had an old address. Can you confirm your current one?`;
    askAddress(c, p, { lead: 'What address should be on file?' });
    c.a`I'll resubmit. In the meantime, would you like to pay the ${N.money(r.int(20, 60))} copay today?`;
    c.u`Sure, might as well.`;
    cardPayment(c, p, { amount: 40 });
    askPhone(c, p, { readback: false });
    c.a`Your statement reference is ${N.code(`ST-${r.digits(6)}`)}. If insurance pays, you'll see a credit on your next statement.`;
    closing(c, p, org, agent, tollFree(r, 'US', 'MED-BILL'));
  },

  food_delivery(c) {
    const r = c.rng, N = c.N, cc = r.pick(['US', 'CA', 'UK']);
    c.locale = cc;
    const p = makePersona(r, cc), agent = r.pick(AGENTS), driver = other(r, p);
    const org = r.pick(['ForkRun', 'Dashly', 'Munchbox']);
    const resto = r.pick(["Mama Rose's Kitchen", 'Grant Street Noodle Bar', 'King Pho', 'Golden Summer Grill', 'Young & Hungry Tacos']);
    const cur = cc === 'UK' ? 'GBP' : cc === 'CA' ? 'CAD' : 'USD';
    greet(c, org, agent);
    c.u`My order from ${resto} never showed up. The app says delivered at ${N.time(r.int(18, 21), r.int(1, 59))} but there's nothing here.`;
    c.a`Sorry about that! Can I have the order number?`;
    c.u`${N.code(`#${r.digits(4)}-${r.digits(4)}`)}`;
    c.a`Thanks. And the username or email on the account?`;
    if (r.chance(0.5)) c.u`${c.username(p.username)}`; else c.u`${c.email(p.email)}`;
    c.a`I see it: ${N.num(2)} pad thai, ${N.num(1)} spring rolls, total ${N.money(r.int(18, 60) + 0.45, cur)}. Your driver ${c.name(driver, 'first')} marked it delivered.`;
    askAddress(c, p, { lead: 'What address should it have gone to?', postcodeSeparate: false });
    c.a`The pin was dropped at the building next door. Is there a buzzer code for next time?`;
    c.u`Yes, buzzer ${N.code(r.digits(4))}, then the ${r.pick(['third', 'second', 'fourth'])} floor.`;
    c.a`I'll refund the ${N.money(r.int(18, 60) + 0.45, cur)} to your card ending in ${c.cardPartial(p.card)} and add a ${N.money(5, cur)} credit. Use code ${N.code(`SORRY${r.int(5, 15)}`)} next time.`;
    c.u`Thanks. Will I get a receipt?`;
    if (r.chance(0.6)) askEmail(c, p, { readback: false });
    closing(c, p, org, agent, null);
  },

  crypto_lockout(c) {
    const r = c.rng, N = c.N, cc = r.pick(['US', 'UK', 'CA']);
    c.locale = cc;
    const p = makePersona(r, cc), agent = r.pick(AGENTS);
    const org = r.pick(['Coinvault', 'Ledgerly Exchange', 'BitHarbor']);
    greet(c, org, agent);
    c.u`My account is locked. I tried to log in this morning and it said suspicious activity.`;
    c.a`I can help. What's the username?`;
    c.u`${c.username(p.username)}.`;
    askEmail(c, p, { readback: r.chance(0.5) });
    askDob(c, p);
    const badIp = genIp(r, c.style === 'asr' ? 'pub' : r.pick(['pub', 'v6']));
    c.a`I see a login attempt at ${N.time(r.int(0, 6), r.int(1, 59))} from IP address ${c.ip(badIp)}. Was that you?`;
    const homeIp = genIp(r, 'pub');
    c.u`No! I was asleep. My home IP should be ${c.ip(homeIp)}, I checked it.`;
    c.a`Understood. I've blocked that session. I'm sending a ${N.num(6)}-digit code to the phone ending in ${c.phone(p.phone, { part: 'last4' })}.`;
    c.u`Okay, I got it: ${N.code(r.digits(6))}.`;
    c.a`Verified. Your balance of ${N.decimal(`0.0${r.digits(3)}`, 'bitcoin')} is safe. A withdrawal of ${N.money(r.int(200, 3000), cc === 'UK' ? 'GBP' : 'USD')} was attempted and cancelled.`;
    c.u`Can I withdraw everything to my bank to be safe?`;
    if (cc === 'US') bankDetails(c, p, { lead: 'Yes. What is the routing number for your bank?' });
    else if (cc === 'UK') ibanBlock(c, r.chance(0.6) ? p : { ...p, iban: genIban(r, r.pick(['IE', 'DE', 'AT', 'BE'])) }, { lead: 'Yes. What is the IBAN for the withdrawal?' });
    else {
      c.a`Yes. We have your transit and institution numbers from your last deposit. What is the account number?`;
      c.u`${c.account(p.account)}.`;
      c.a`Thanks, account ending in ${c.account(p.account, { last4: true })}.`;
    }
    c.a`Done. Your ticket number is ${N.code(`CV-${r.digits(6)}`)}. Please turn on an authenticator app and mark this device as trusted.`;
    closing(c, p, org, agent, null);
  },

  pension_transfer_uk(c) {
    const r = c.rng, N = c.N;
    c.locale = 'UK';
    const p = makePersona(r, 'UK'), agent = r.pick(AGENTS), adviser = other(r, p);
    const org = r.pick(['Albion Pension Trust', 'Thistle & Grant Pensions', 'Northmoor Retirement Services']);
    greet(c, org, agent);
    c.u`Hello, I'd like to transfer my old workplace pension into my current scheme.`;
    askName(c, p);
    askDob(c, p);
    askAddress(c, p, { postcodeSeparate: r.chance(0.5) });
    c.a`Thank you. I can see a transfer value of ${N.money(r.int(8000, 160000) + 0.12, 'GBP')} as of your June statement.`;
    c.u`That sounds right. My financial adviser, ${c.name(adviser)}, said it may be worth more if I wait.`;
    c.a`We can't advise on timing, but ${c.name(adviser, 'last')} can request a new quote. Your scheme reference is ${N.code(`APT${r.digits(6)}${L(r)}`)}.`;
    c.u`Also there's a small tax-free lump sum of ${N.pct(25)} I want paid out.`;
    if (r.chance(0.5)) ibanBlock(c, p, { lead: 'For the lump sum, what is the IBAN of your bank account?' });
    else {
      c.a`For the lump sum, we already have your sort code. What is the account number?`;
      c.u`${c.account(p.account)}.`;
      c.a`That's the account ending ${c.account(p.account, { last4: true })}.`;
    }
    askPhone(c, p, { readback: r.chance(0.4) });
    c.a`The transfer normally takes ${N.num(r.int(2, 6))} to ${N.num(r.int(8, 12))} weeks. We'll write to you when it completes.`;
    if (r.chance(0.5)) askEmail(c, p);
    closing(c, p, org, agent, tollFree(r, 'UK'));
  },

  council_tax_uk(c) {
    const r = c.rng, N = c.N;
    c.locale = 'UK';
    const p = makePersona(r, 'UK'), agent = r.pick(AGENTS), partner = other(r, p);
    const org = r.pick(['Hollinsbridge Borough Council', 'Westmere District Council', 'Kingsford City Council']);
    const newAddr = genAddress(r, 'UK');
    greet(c, org, agent);
    c.u`Hi, I'm moving house and need to update my council tax.`;
    c.a`No problem. Do you have your council tax account reference? It's on the top of your bill.`;
    c.u`Yes, it's ${N.code(r.digits(8))}.`;
    askName(c, p);
    askAddress(c, p, { lead: 'Can you confirm the address you are moving out of?', postcodeSeparate: false, split: r.chance(0.3) });
    c.a`And your moving date?`;
    c.u`${N.date(r.int(1, 12), r.int(1, 28), 2025)}. The new place is ${c.address(newAddr)}.`;
    c.a`Thanks. Is anyone else over eighteen living with you at the new address?`;
    if (r.chance(0.5)) { c.u`Just me, so I'd like the single person discount.`; c.a`That's a ${N.pct(25)} reduction. The property is Band ${N.code(r.pick(['B', 'C', 'D']))}, so about ${N.money(r.int(90, 180) + 0.5, 'GBP')} a month over ${N.num(10)} months.`; }
    else { c.u`My partner ${c.name(partner)} is moving in with me.`; c.a`Then I'll add ${c.name(partner, 'first')} to the bill. It's Band ${N.code(r.pick(['C', 'D', 'E']))}, ${N.money(r.int(120, 220) + 0.2, 'GBP')} a month.`; }
    askDob(c, p, { lead: 'For our records, what is your date of birth?' });
    c.a`Would you like to pay by direct debit? We already have your sort code from the old account.`;
    c.u`Yes, same bank. The account number is ${c.account(p.account)}.`;
    c.a`Thank you, the account ending in ${c.account(p.account, { last4: true })}. The first payment will be on ${N.date(r.int(1, 12), r.pick([1, 15]))}.`;
    askPhone(c, p, { readback: false });
    closing(c, p, org, agent, null);
  },

  canadian_telecom(c) {
    const r = c.rng, N = c.N;
    c.locale = 'CA';
    const p = makePersona(r, 'CA', r.chance(0.4) ? r.pick(PEOPLE.filter((x) => ['Tremblay', 'Gagnon', 'Bouchard', 'Whitehorse', 'Lynge', 'Moyo', 'Nguyen', 'Gill'].includes(x[1]))) : undefined);
    const agent = r.pick(AGENTS);
    const org = r.pick(['Northwind Telecom', 'Maple Leaf Mobility', 'Borealis Internet']);
    greet(c, org, agent);
    c.u`Hi, my internet has been down since ${N.time(r.int(6, 11))} and my bill went up by ${N.money(r.int(5, 25), 'CAD')} this month.`;
    askName(c, p);
    askAddress(c, p, { lead: 'Can you confirm the service address?' });
    askDob(c, p);
    c.a`Thanks. I can see the modem, model ${N.code(r.pick(['XB', 'HH', 'NW']) + r.int(3, 8) + '-' + r.digits(3))}. Its WAN IP is ${c.ip(genIp(r, 'pub'))}, and it's responding. Can you open the modem page and read me the gateway address?`;
    c.u`It shows ${c.ip(`192.168.${r.int(0, 2)}.1`)}.`;
    c.a`Good. I've pushed a reset; give it about ${N.num(5)} minutes. About the bill, the promotional price of ${N.money(r.int(55, 85), 'CAD')} ended on ${N.date(r.int(1, 12), r.int(1, 28))}.`;
    c.u`Can you put me back on a promo? I've been with you ${N.num(r.int(3, 12))} years.`;
    c.a`I can offer ${N.money(r.int(60, 75), 'CAD')} for ${N.num(12)} months. Would you like to pay the current balance now?`;
    c.u`Sure.`;
    cardPayment(c, p, { amount: r.int(60, 140) + 0.5, cur: 'CAD' });
    askEmail(c, p, { readback: false });
    c.a`Your ticket number is ${N.code(`NW${r.digits(7)}`)}.`;
    closing(c, p, org, agent, tollFree(r, 'CA', 'NORTHWND'));
  },

  us_health_enrollment(c) {
    const r = c.rng, N = c.N;
    const p = makePersona(r, 'US'), agent = r.pick(AGENTS), spouse = other(r, p), kid = [other(r, p)[0], p.last];
    const org = r.pick(['CoverWell Marketplace', 'Bluegrass Health Connect', 'Grant County Health Exchange']);
    greet(c, org, agent);
    c.u`Hi, I need to enroll my family in a health plan before the deadline on ${N.date(r.pick([1, 12]), 15)}.`;
    askName(c, p, { spell: r.chance(0.5) });
    askDob(c, p);
    c.a`I'll need your Social Security number for the application.`;
    c.u`${r.pick(['Okay, it\'s ', 'Sure. ', ''])}${c.ssn(p.ssn)}.`;
    askAddress(c, p);
    c.a`Who else is in your household?`;
    c.u`My ${r.pick(['wife', 'husband', 'spouse'])}, ${c.name(spouse)}, and our ${r.pick(['son', 'daughter'])} ${c.name(kid, 'first')}.`;
    c.a`What is ${c.name(spouse, 'first')}'s date of birth?`;
    c.u`${c.dob(genDob(r))}.`;
    c.a`And ${c.name(kid, 'first')}'s?`;
    c.u`${c.dob({ ...genDob(r), y: r.int(2010, 2022) })}.`;
    c.a`What is your expected household income for next year?`;
    c.u`About ${N.money(r.int(38, 110) * 1000)}.`;
    c.a`You qualify for a tax credit. The ${r.pick(['Silver', 'Gold', 'Bronze'])} ${N.num(r.pick([70, 87, 94]))} plan would cost ${N.money(r.int(90, 480) + 0.25)} a month with a ${N.money(r.pick([1500, 3000, 6000]))} deductible.`;
    c.u`Let's do the silver one. Can the premium be drafted from my checking?`;
    bankDetails(c, p);
    askPhone(c, p, { readback: false });
    c.a`Your application number is ${N.code(r.digits(10))}. Coverage starts ${N.date(1, 1)}.`;
    closing(c, p, org, agent, tollFree(r, 'US', 'GET-COVER'));
  },
};
