// Value makers for the second held-out set. Each returns {f, a, c} (formatted, asr, chat) plus the raw
// value where a checksum must be asserted. Names, streets and towns are hand-picked for this file.
import { luhnComplete, abaComplete, makeIban, speech, ordinal, n2w } from './lib.mjs';

export const FIRST = ['Aoife', 'Ciarán', 'Tadhg', 'Niamh', 'Priyanka', 'Arjun', 'Lakshmi', 'Venkatesh', 'Ananya', 'Kwame',
  'Ngozi', 'Chiamaka', 'Oluwaseun', 'Thandiwe', 'Mei-Ling', 'Wei', 'Hiroshi', 'Yuki', 'Minh', 'Joon-ho', 'Seo-yeon',
  'Mateus', 'Graça', 'Luciana', 'Santiago', 'Ximena', 'Fatima', 'Youssef', 'Layla', 'Dmitri', 'Olena', 'Katarzyna',
  'Bartosz', 'Henrik', 'Astrid', 'Tevita', 'Aroha', 'Jarrah', 'Kirra', 'Declan', 'Bridget', 'Hamish', 'Isla', 'Keanu',
  'Esperanza', 'Ibrahim', 'Zeynep', 'Emre', 'Rhys', 'Carys', 'Tomás', 'Ingrid', 'Nomvula', 'Farhan', 'Rukhsana', 'Paulo',
  'Hope', 'Grant', 'Rose', 'May', 'Bill', 'Summer', 'Hunter', 'Will'];
export const LAST = ["O'Sullivan", 'Nakamura', 'Adeyemi', 'Okonkwo', 'Venkataraman', 'Bhattacharya', 'Nguyen', 'Tran',
  'Park', 'Kowalczyk', 'Lindqvist', 'Haddad', 'El-Amin', 'Mahlangu', 'Ferreira', 'Castañeda', 'Villanueva', 'Fonoti',
  'Papadakis', 'Brennan', 'MacLeod', 'Whitcombe', 'Fitzgerald', 'Oyelaran', 'Deshpande', 'Kapoor', 'Zhou', 'Abernathy',
  'Yilmaz', 'Petrenko', 'Mbeki', 'Rautenbach', 'Ní Bhriain', 'Quispe', 'Szabo', 'Moreau', 'Halvorsen', 'Iyer',
  'King', 'Price', 'Young', 'Brown'];
export const AGENTS = ['Siobhán', 'Mehmet', 'Ravi', 'Ngaire', 'Tomasz', 'Chidi', 'Ana-Lucía', 'Kenji', 'Marguerite',
  'Dev', 'Shauna', 'Lwazi', 'Pita', 'Ilse', 'Hope', 'Grant', 'Rose', 'Bill', 'Priya', 'Eamon'];
export const DOCTORS = ['Achterberg', 'Raman', 'Okoro', 'Delacroix', 'Sato', 'Kaur', 'Mulcahy', 'Bianchi'];
export const PETS = ['Biscuit', 'Pepper', 'Mochi', 'Waffles', 'Juniper', 'Tofu', 'Pickles', 'Nugget'];

export function values(R) {
  const S = speech(R);
  const sp = (x) => x.toLowerCase();

  // ---- names
  const person = () => {
    const first = R.pick(FIRST); let last = R.pick(LAST);
    while (last === first) last = R.pick(LAST);
    return { first, last, title: R.pick(['Ms.', 'Mr.', 'Mrs.', 'Dr.', 'Mx.']) };
  };
  const nameV = (s) => ({ f: s, a: sp(s).replace(/[-']/g, (c) => (c === '-' ? ' ' : '')), c: R.chance(0.4) ? sp(s) : s });
  const spelledV = (s) => {
    const letters = s.toUpperCase().replace(/[^A-ZÀ-Ý]/g, '').split('');
    return { f: letters.join('-'), a: S.spell(s), c: letters.join(' ') };
  };

  // ---- cards
  const card = () => {
    const kind = R.pick(['visa', 'visa', 'mc', 'mc2', 'amex', 'disc']);
    const pan = kind === 'visa' ? luhnComplete('4' + R.digits(14))
      : kind === 'mc' ? luhnComplete(String(R.int(51, 55)) + R.digits(13))
        : kind === 'mc2' ? luhnComplete(String(R.int(2221, 2720)) + R.digits(11))
          : kind === 'amex' ? luhnComplete(R.pick(['34', '37']) + R.digits(12))
            : luhnComplete('6011' + R.digits(11));
    const groups = pan.length === 15 ? [pan.slice(0, 4), pan.slice(4, 10), pan.slice(10)] : pan.match(/.{4}/g);
    return { pan, groups, amex: pan.length === 15 };
  };
  /** a run of groups as one value; mode 'pairs' reads "45 39" as "forty five thirty nine" */
  const digitsV = (groups, opts = {}) => {
    const mode = opts.mode ?? (R.chance(0.3) ? 'pairs' : 'digits');
    const sep = opts.sep ?? R.pick([' ', ' ', '-']);
    return { f: groups.join(sep), a: S.sayGroups(groups, mode), c: R.chance(0.5) ? groups.join('') : groups.join(' ') };
  };
  const expiry = () => {
    const m = R.int(1, 12); const y = R.int(26, 32);
    const mm = String(m).padStart(2, '0');
    const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1];
    const f = R.pick([`${mm}/${y}`, `${mm}/${y}`, `${month} 20${y}`, `${mm}/20${y}`]);
    const a = R.pick([`${S.sayPairs(mm)} ${n2w(y)}`, `${sp(month)} twenty ${n2w(y)}`, `${n2w(m)} slash ${n2w(y)}`, `${sp(month)} ${S.year(2000 + y)}`]);
    return { f, a, c: R.pick([`${mm}/${y}`, `${m}/${y}`, `${mm}${y}`]) };
  };
  const cvv = (amex) => { const d = R.digits(amex ? 4 : 3); return { f: d, a: S.sayDigits(d), c: d }; };

  // ---- identity
  const ssn = () => {
    const a = String(R.int(101, 665)); const g = String(R.int(10, 99)); const s = String(R.int(1000, 9999));
    return { full: { f: `${a}-${g}-${s}`, a: S.sayGroups([a, g, s], 'digits'), c: R.chance(0.5) ? `${a}${g}${s}` : `${a}-${g}-${s}` }, last4: { f: s, a: S.sayGroups([s], R.chance(0.4) ? 'pairs' : 'digits'), c: s } };
  };
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const dob = (usStyle = true) => {
    const y = R.int(1941, 2006); const m = R.int(1, 12); const d = R.int(1, 28);
    const mn = MONTHS[m - 1]; const th = d === 1 || d === 21 ? 'st' : d === 2 || d === 22 ? 'nd' : d === 3 || d === 23 ? 'rd' : 'th';
    const mm = String(m).padStart(2, '0'); const dd = String(d).padStart(2, '0');
    const f = usStyle ? R.pick([`${mn} ${d}, ${y}`, `${mm}/${dd}/${y}`, `${mn} ${d}${th}, ${y}`])
      : R.pick([`${d} ${mn} ${y}`, `${dd}/${mm}/${y}`, `${d}${th} of ${mn}, ${y}`]);
    const a = usStyle ? R.pick([`${sp(mn)} ${ordinal(d)} ${S.year(y)}`, `${n2w(m)} ${n2w(d)} ${y % 100 < 10 ? 'oh ' + n2w(y % 100) : n2w(y % 100)}`, `${ordinal(d)} of ${sp(mn)} ${S.year(y)}`])
      : R.pick([`${ordinal(d)} of ${sp(mn)} ${S.year(y)}`, `${ordinal(d)} ${sp(mn)} ${S.year(y)}`]);
    const c = R.pick([`${m}/${d}/${String(y).slice(2)}`, `${mm}/${dd}/${y}`, `${sp(mn).slice(0, 3)} ${d} ${y}`]);
    return { f, a, c: usStyle ? c : `${dd}/${mm}/${y}` };
  };

  // ---- bank
  const routing = () => {
    const r = abaComplete(R.pick(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '21', '22', '26', '31']) + R.digits(6));
    return { raw: r, f: r, a: R.chance(0.5) ? S.sayDigits(r) : S.sayGroups([r.slice(0, 3), r.slice(3, 6), r.slice(6)], 'digits'), c: r };
  };
  const account = () => {
    const n = R.digits(R.int(8, 12)).replace(/^0/, '7');
    return { raw: n, f: n, a: S.sayDigits(n), c: n, last4: { f: n.slice(-4), a: S.sayGroups([n.slice(-4)], R.chance(0.3) ? 'pairs' : 'digits'), c: n.slice(-4) } };
  };
  const iban = (cc) => {
    const letters = () => Array.from({ length: 4 }, () => String.fromCharCode(65 + R.int(0, 25))).join('');
    const bban = cc === 'GB' || cc === 'IE' ? letters() + R.digits(14) : cc === 'NL' ? letters() + R.digits(10)
      : cc === 'DE' ? R.digits(18) : cc === 'FR' ? R.digits(23) : R.digits(20); // ES
    const raw = makeIban(cc, bban);
    const groups = raw.match(/.{1,4}/g);
    const sayChunk = (g) => g.split('').map((ch) => (/[0-9]/.test(ch) ? S.dw(ch) : ch.toLowerCase())).join(' ');
    return { raw, f: groups.join(' '), a: groups.map(sayChunk).join(' '), c: R.chance(0.5) ? raw : groups.join(' ') };
  };

  // ---- contact
  const EMAIL_DOMAINS = [['gmail.com', 'gmail dot com'], ['outlook.ie', 'outlook dot i e'], ['yahoo.co.in', 'yahoo dot co dot in'],
    ['bigpond.com.au', 'bigpond dot com dot au'], ['icloud.com', 'icloud dot com'], ['proton.me', 'proton dot me'],
    ['hotmail.co.uk', 'hotmail dot co dot uk'], ['shaw.ca', 'shaw dot c a'], ['eircom.net', 'eircom dot net']];
  const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase();
  const email = (p) => {
    const [dom, domA] = R.pick(EMAIL_DOMAINS);
    const num = R.chance(0.6) ? String(R.int(1, 99)) : '';
    const sep = R.pick(['.', '_', '-', '']);
    const parts = R.pick([[ascii(p.first), sep, ascii(p.last)], [ascii(p.first)[0], sep, ascii(p.last)], [ascii(p.last), sep, ascii(p.first)]]);
    const local = parts.join('') + (num && R.chance(0.5) ? '_' : '') ;
    const localFull = local + num;
    const sepWord = { '.': 'dot', '_': 'underscore', '-': 'dash', '': '' };
    const aParts = [];
    aParts.push(parts[0].length === 1 ? parts[0] : (R.chance(0.25) ? S.spell(parts[0]) : parts[0]));
    if (parts[1]) aParts.push(sepWord[parts[1]]);
    aParts.push(parts[2]);
    if (local.endsWith('_')) aParts.push('underscore');
    if (num) aParts.push(R.chance(0.5) ? S.sayDigits(num) : n2w(Number(num)));
    const addr = `${localFull}@${dom}`;
    return { raw: addr, f: addr, a: `${aParts.join(' ')} at ${domA}`, c: addr };
  };
  const username = () => {
    const w = R.pick(['kestrel', 'night_owl', 'blue.fern', 'tidepool', 'koala', 'sunbird', 'gecko', 'hollowreed', 'marmalade']);
    const n = R.digits(R.int(2, 4));
    const u = `${w}${R.pick(['_', '', '.'])}${n}`;
    const a = u.replace(/_/g, ' underscore ').replace(/\./g, ' dot ').replace(/\d+/, (d) => ' ' + S.sayDigits(d)).replace(/ +/g, ' ').trim();
    return { f: u, a, c: u };
  };
  const ip = () => {
    if (R.chance(0.2)) { const v6 = `2001:db8:${R.int(1, 0xffff).toString(16)}::${R.int(1, 0xfff).toString(16)}`; return { f: v6, a: v6.split('').map((c) => (c === ':' ? 'colon' : /\d/.test(c) ? S.dw(c) : c)).join(' ').replace(/ +/g, ' '), c: v6 }; }
    const o = [R.pick([10, 172, 192, 81, 203, 49]), R.int(0, 255), R.int(0, 255), R.int(1, 254)];
    return { f: o.join('.'), a: o.map((x) => (R.chance(0.5) ? n2w(x) : S.sayDigits(String(x)))).join(' dot '), c: o.join('.') };
  };

  /** phones per country: groups + how they are written */
  const phone = (cc) => {
    const spec = {
      US: () => { const g = [String(R.int(201, 989)), String(R.int(200, 989)), R.digits(4)]; return { g, f: R.pick([`(${g[0]}) ${g[1]}-${g[2]}`, `${g[0]}-${g[1]}-${g[2]}`, `+1 ${g[0]} ${g[1]} ${g[2]}`]), plus: 'plus one' }; },
      CA: () => { const g = [R.pick(['416', '604', '514', '403']), String(R.int(200, 989)), R.digits(4)]; return { g, f: `${g[0]}-${g[1]}-${g[2]}` }; },
      UK: () => { const g = ['07' + R.digits(3), R.digits(6)]; return { g, f: R.pick([`${g[0]} ${g[1]}`, `+44 ${g[0].slice(1)} ${g[1]}`]) }; },
      AU: () => { const g = ['04' + R.digits(2), R.digits(3), R.digits(3)]; return { g, f: R.pick([`${g.join(' ')}`, `+61 ${g[0].slice(1)} ${g[1]} ${g[2]}`]) }; },
      IE: () => { const g = ['08' + R.pick(['3', '5', '6', '7']), R.digits(3), R.digits(4)]; return { g, f: R.pick([g.join(' '), `+353 ${g[0].slice(1)} ${g[1]} ${g[2]}`]) }; },
      IN: () => { const g = [String(R.int(70000, 99999)), R.digits(5)]; return { g, f: R.pick([`+91 ${g.join(' ')}`, g.join(' ')]) }; },
    }[cc]();
    const plus = spec.f.startsWith('+') ? 'plus ' + S.sayDigits(spec.f.slice(1, spec.f.indexOf(' '))) + ' ' : '';
    const gs = spec.f.startsWith('+') ? [spec.g[0].replace(/^0/, ''), ...spec.g.slice(1)] : spec.g;
    return { g: spec.g, f: spec.f, a: plus + S.sayGroups(gs, R.chance(0.25) ? 'pairs' : 'digits'), c: R.chance(0.5) ? spec.g.join('') : spec.f };
  };
  const tollFree = () => {
    if (R.chance(0.3)) { const w = R.pick(['PAWS', 'SAFE', 'FLIX', 'LOAN']); const rest = R.pick(['NOW', 'HELP', '4U']); return { f: `1-800-${w}-${rest}`, a: `one eight hundred ${sp(w)} ${sp(rest).replace('4u', 'four u')}`, c: `1-800-${w}-${rest}` }; }
    const g = [R.pick(['800', '888', '877', '1300']), R.digits(3), R.digits(4)];
    return { f: g[0] === '1300' ? `1300 ${g[1]} ${g[2].slice(0, 3)}` : `1-${g[0]}-${g[1]}-${g[2]}`, a: g[0] === '1300' ? `thirteen hundred ${S.sayDigits(g[1])} ${S.sayDigits(g[2].slice(0, 3))}` : `one ${S.sayDigits(g[0])} ${S.sayDigits(g[1])} ${S.sayDigits(g[2])}`, c: g[0] === '1300' ? `1300 ${g[1]} ${g[2].slice(0, 3)}` : `1-${g[0]}-${g[1]}-${g[2]}` };
  };

  // ---- addresses
  const ADDR = {
    US: { streets: ['Larkspur', 'Calloway', 'Tamarind', 'Quillen', 'Bexley', 'Osage'], types: [['Lane', 'lane'], ['Avenue', 'avenue'], ['Court', 'court'], ['Drive', 'drive']],
      places: [['Boise', 'ID', 'idaho'], ['Tulsa', 'OK', 'oklahoma'], ['Duluth', 'MN', 'minnesota'], ['Savannah', 'GA', 'georgia'], ['Spokane', 'WA', 'washington']] },
    CA: { streets: ['Bellechasse', 'Dunmore', 'Gladstone'], types: [['Street', 'street'], ['Crescent', 'crescent']], places: [['Halifax', 'NS', 'nova scotia'], ['Winnipeg', 'MB', 'manitoba'], ['Kelowna', 'BC', 'b c']] },
    UK: { streets: ['Cranbourne', 'Ashgrove', 'Pembury', 'Thornfield'], types: [['Road', 'road'], ['Close', 'close'], ['Gardens', 'gardens']], places: [['Leeds'], ['Cardiff'], ['Norwich'], ['Dundee']] },
    AU: { streets: ['Banksia', 'Wattle', 'Jacaranda', 'Coolabah'], types: [['Street', 'street'], ['Parade', 'parade'], ['Place', 'place']],
      places: [['Toowong', 'QLD', 'queensland', '4066'], ['Fremantle', 'WA', 'western australia', '6160'], ['Brunswick', 'VIC', 'victoria', '3056'], ['Newtown', 'NSW', 'new south wales', '2042']] },
    IE: { streets: ['Glenview', 'Sycamore', 'Ardee'], types: [['Terrace', 'terrace'], ['Park', 'park'], ['Grove', 'grove']], places: [['Ranelagh', 'Dublin 6', 'D06'], ['Ballincollig', 'Cork', 'P31'], ['Salthill', 'Galway', 'H91']] },
    IN: { streets: ['MG', 'Residency', 'Nehru'], types: [['Road', 'road']], places: [['Indiranagar', 'Bengaluru', '5600'], ['Koregaon Park', 'Pune', '4110'], ['Adyar', 'Chennai', '6000']] },
  };
  const letter = (set = 'ABCDEFGHJKLMNPRSTUVWXY') => R.pick(set.split(''));
  // real alphabets: Canada Post never uses D F I O Q U (nor W Z first); UK inward codes skip C I K M O V;
  // Eircode unique identifiers use A C D E F H K N P R T V W X Y
  const CA1 = 'ABCEGHJKLMNPRSTVXY'; const CA2 = 'ABCEGHJKLMNPRSTVWXYZ'; const UKIN = 'ABDEFGHJLNPQRSTUWXYZ'; const EIR = 'ACDEFHKNPRTVWXY';
  const alnumSay = (s) => s.split('').map((ch) => (/\d/.test(ch) ? S.dw(ch) : ch === ' ' ? '' : ch.toLowerCase())).filter(Boolean).join(' ');
  const postcode = (cc) => {
    if (cc === 'US') { const z = R.digits(5).replace(/^0/, '3'); return { f: z, a: S.sayDigits(z), c: z }; }
    if (cc === 'CA') { const p = `${letter(CA1)}${R.int(0, 9)}${letter(CA2)} ${R.int(0, 9)}${letter(CA2)}${R.int(0, 9)}`; return { f: p, a: alnumSay(p), c: R.chance(0.5) ? p.toLowerCase() : p }; }
    const p = `${R.pick(['LS', 'CF', 'NR', 'DD'])}${R.int(1, 19)} ${R.int(0, 9)}${letter(UKIN)}${letter(UKIN)}`; return { f: p, a: alnumSay(p), c: p };
  };
  const address = (cc) => {
    const A = ADDR[cc]; const st = R.pick(A.streets); const [ty, tyA] = R.pick(A.types); const pl = R.pick(A.places);
    const num = cc === 'US' ? R.int(12, 9870) : R.int(2, 240);
    const numA = S.house(num);
    if (cc === 'US') {
      const unit = R.chance(0.3) ? `${R.int(1, 4)}${letter()}` : null; const zip = postcode('US');
      const withZip = R.chance(0.7);
      return { zip, f: `${num} ${st} ${ty}${unit ? `, Apt ${unit}` : ''}, ${pl[0]}, ${pl[1]}${withZip ? ' ' + zip.f : ''}`,
        a: `${numA} ${sp(st)} ${tyA}${unit ? ' apartment ' + alnumSay(unit) : ''} ${sp(pl[0])} ${pl[2]}${withZip ? ' ' + zip.a : ''}`, street: `${num} ${st} ${ty}`, streetA: `${numA} ${sp(st)} ${tyA}` };
    }
    if (cc === 'CA') { const pc = postcode('CA'); return { zip: pc, f: `${num} ${st} ${ty}, ${pl[0]}, ${pl[1]} ${pc.f}`, a: `${numA} ${sp(st)} ${tyA} ${sp(pl[0])} ${pl[2]} ${pc.a}`, street: `${num} ${st} ${ty}`, streetA: `${numA} ${sp(st)} ${tyA}` }; }
    if (cc === 'UK') { const pc = postcode('UK'); const flat = R.chance(0.3) ? `Flat ${R.int(1, 12)}, ` : ''; return { zip: pc, f: `${flat}${num} ${st} ${ty}, ${pl[0]} ${pc.f}`, a: `${sp(flat).replace(/,/, '').replace(/\d+/, (d) => n2w(Number(d)))}${numA} ${sp(st)} ${tyA} ${sp(pl[0])} ${pc.a}`, street: `${num} ${st} ${ty}`, streetA: `${numA} ${sp(st)} ${tyA}` }; }
    if (cc === 'AU') { const unit = R.chance(0.4) ? R.int(1, 30) : null; return { f: `${unit ? `Unit ${unit}, ` : ''}${num} ${st} ${ty}, ${pl[0]} ${pl[1]} ${pl[3]}`, a: `${unit ? 'unit ' + n2w(unit) + ' ' : ''}${numA} ${sp(st)} ${tyA} ${sp(pl[0])} ${pl[2]} ${S.sayDigits(pl[3])}`, street: `${num} ${st} ${ty}`, streetA: `${numA} ${sp(st)} ${tyA}` }; }
    if (cc === 'IE') { const eir = `${pl[2]} ${letter(EIR)}${R.int(1, 9)}${letter(EIR)}${R.int(1, 9)}`; return { f: `${num} ${st} ${ty}, ${pl[0]}, ${pl[1]}, ${eir}`, a: `${numA} ${sp(st)} ${tyA} ${sp(pl[0])} ${sp(pl[1]).replace(/\d/, (d) => n2w(Number(d)))} ${alnumSay(eir)}`, street: `${num} ${st} ${ty}`, streetA: `${numA} ${sp(st)} ${tyA}` }; }
    const flat = R.int(101, 904); const pin = pl[2] + R.digits(2);
    return { f: `Flat ${flat}, ${num} ${st} ${ty}, ${pl[0]}, ${pl[1]} ${pin}`, a: `flat ${S.sayDigits(String(flat))} ${numA} ${sp(st).replace('mg', 'm g')} ${tyA} ${sp(pl[0])} ${sp(pl[1])} ${S.sayDigits(pin)}`, street: `${num} ${st} ${ty}`, streetA: `${numA} ${sp(st)} ${tyA}` };
  };

  return { S, person, nameV, spelledV, card, digitsV, expiry, cvv, ssn, dob, routing, account, iban, email, username, ip, phone, tollFree, address, postcode, alnumSay };
}
