// Style-aware renderers: each returns the surface text for one value in the conversation's style.
import { int, pick, chance, digits, digitWords, pairWords, fourWords, yearWords, houseWords, n2w, ordinal,
  ordSuffix, alnumWords, ascii, luhnComplete } from './values.mjs';

export const FIRST = ['Chidinma', 'Tobechukwu', 'Olamide', 'Ifeoluwa', 'Nnamdi', 'Temitope', 'Thuy', 'Khanh', 'Phuong', 'Tuan',
  'Quynh', 'Bao', 'Grzegorz', 'Małgorzata', 'Wojciech', 'Przemysław', 'Bartosz', 'Jadwiga', 'Anjali', 'Venkatesh', 'Sunita',
  'Gurpreet', 'Abhishek', 'Padma', 'Yousef', 'Noura', 'Tariq', 'Rasha', 'Abdulrahman', 'Lina', 'Joaquín', 'Itzel', 'Esteban',
  'Xóchitl', 'Maricela', 'Rubén', 'Siobhán', 'Niamh', 'Pádraig', 'Eoin', 'Caoimhe', 'Ciarán', 'Seo-yeon', 'Ji-ho', 'Eun-ji',
  'Dong-hyun', 'Bill', 'June', 'Rose', 'Grant', 'Hope', 'Will', 'Mark', 'Summer', 'Hunter', 'Faith', 'Sunny', 'Zanele',
  'Thandiwe', 'Sipho', 'Mereana', 'Keanu', 'Leilani', 'Anahera', 'Bogusław', 'Oyelaran', 'Marguerite', 'Étienne', 'Ruairí'];
export const LAST = ['Okonkwo', 'Adebayo-Smith', 'Ogunleye', 'Chukwuemeka', 'Onyekachi', 'Pham', 'Huynh', 'Dang', 'Vo', 'Truong',
  'Kowalczyk', 'Zieliński', 'Lewandowska', 'Wójcik', 'Kaczmarek', 'Subramanian', 'Venkataraman', 'Chatterjee', 'Sandhu',
  'Krishnamurthy', 'Al-Farsi', 'Haddad', 'Abu-Ghazaleh', 'Qureshi', 'El-Masri', 'de la Cruz', 'Ramírez de Arellano',
  'Villanueva', 'Ochoa', 'García-Márquez', "O'Sullivan", 'Ní Bhriain', 'Mac Lochlainn', 'Fitzgerald', 'Breathnach', 'Kim',
  'Jeon', 'Seo', 'Hwang', 'Young', 'King', 'Price', 'Grant', 'Rose', 'Love', 'Story', 'Page', 'Moon', 'Bishop', 'Law',
  'Van der Merwe', 'Dlamini', 'Ngata', 'Kahananui', 'Tremblay', 'Gagnon', 'Bouchard-Lévesque', 'Nakamura-Reyes', 'Achterberg'];
const TITLES = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Miss'];

export function person() {
  return { first: pick(FIRST), last: pick(LAST), title: pick(TITLES) };
}
/** Name parts: form = full | first | last | title | spelled | middle */
export function name(c, p, form) {
  if (form === 'full') return [c.v('PERSON', `${p.first} ${p.last}`)];
  if (form === 'first') return [c.v('PERSON', p.first)];
  if (form === 'last') return [c.v('PERSON', p.last)];
  if (form === 'middle') return [c.v('PERSON', `${p.first} ${String.fromCharCode(65 + int(0, 25))}. ${p.last}`)];
  if (form === 'title') return [c.asr ? p.title.replace('.', '').toLowerCase() + ' ' : p.title + ' ', c.v('PERSON', p.last)];
  if (form === 'spelled') {
    const letters = ascii(p.last).replace(/[^A-Za-z]/g, '').toUpperCase().split('');
    return [c.v('PERSON', c.asr ? letters.join(' ').toLowerCase() : letters.join(c.chat ? ' ' : '-'))];
  }
  throw new Error(form);
}

// ---------- phones ----------
const US_AREA = ['406', '808', '563', '765', '509', '207', '270', '575', '541', '906', '318', '253', '907', '605', '701'];
const INTL = [
  ['+234', () => [pick(['803', '806', '813']), digits(3), digits(4)]],
  ['+91', () => ['9' + digits(4), digits(5)]],
  ['+48', () => ['5' + digits(2), digits(3), digits(3)]],
  ['+84', () => ['9' + digits(2), digits(3), digits(3)]],
  ['+82', () => ['10', digits(4), digits(4)]],
  ['+52', () => ['55', digits(4), digits(4)]],
  ['+353', () => ['8' + pick(['3', '5', '7']), digits(3), digits(4)]],
  ['+971', () => ['5' + digits(1), digits(3), digits(4)]],
];
const spokenCC = (cc) => 'plus ' + digitWords(cc.slice(1), { dbl: 0 });
export function phone(c, kind = pick(['us', 'us', 'us', 'uk', 'intl'])) {
  if (kind === 'us') {
    const a = pick(US_AREA), e = String(int(200, 989)), l = digits(4);
    if (c.asr) return (chance(0.15) ? 'one ' : '') + digitWords(a) + ' ' + digitWords(e) + ' ' + fourWords(l);
    if (c.chat) return pick([`${a}${e}${l}`, `${a}-${e}-${l}`, `${a} ${e} ${l}`, `(${a})${e}-${l}`]);
    return pick([`(${a}) ${e}-${l}`, `${a}-${e}-${l}`, `${a}.${e}.${l}`, `+1 ${a} ${e} ${l}`, `1-${a}-${e}-${l}`]);
  }
  if (kind === 'uk') {
    const mob = chance(0.6);
    const parts = mob ? ['7' + digits(3), digits(6)] : [pick(['20', '113', '131', '161']), digits(4), digits(4)];
    if (c.asr) return (chance(0.4) ? 'plus four four ' : 'oh ') + parts.map((x) => digitWords(x)).join(' ');
    return chance(0.5) ? '+44 ' + parts.join(' ') : '0' + parts.join(' ');
  }
  if (kind === 'ca') {
    const a = pick(['506', '819', '306', '867', '250', '403']), e = String(int(200, 989)), l = digits(4);
    if (c.asr) return digitWords(a) + ' ' + digitWords(e) + ' ' + fourWords(l);
    return pick([`(${a}) ${e}-${l}`, `${a}-${e}-${l}`]);
  }
  if (kind === 'intl') {
    const [cc, f] = pick(INTL);
    const parts = f();
    if (c.asr) return spokenCC(cc) + ' ' + parts.map((x) => digitWords(x)).join(' ');
    return cc + ' ' + parts.join(chance(0.7) ? ' ' : '-');
  }
  if (kind === 'tollfree') {
    const a = pick(['800', '888', '877', '866', '855', '844', '833']), e = String(int(200, 989)), l = digits(4);
    if (c.asr) return (chance(0.5) ? 'one ' : '') + (a === '800' ? 'eight hundred' : digitWords(a)) + ' ' + digitWords(e) + ' ' + fourWords(l);
    return pick([`1-${a}-${e}-${l}`, `${a}-${e}-${l}`, `1 (${a}) ${e}-${l}`, `${a}.${e}.${l}`]);
  }
  throw new Error(kind);
}
/** Vanity number from a word pair, e.g. 1-800-FLY-NOVA; spoken "one eight hundred fly nova". */
export function vanity(c, words) {
  const a = pick(['800', '888', '877']);
  if (c.asr) return 'one ' + (a === '800' ? 'eight hundred' : digitWords(a)) + ' ' + words.join(' ').toLowerCase();
  return `1-${a}-${words.join('-').toUpperCase()}`;
}

// ---------- email / username / ip ----------
const DOMAINS = ['proton.me', 'gmx.de', 'outlook.com', 'yahoo.co.uk', 'icloud.com', 'hotmail.ca', 'web.de', 'wp.pl', 'rediffmail.com',
  'fastmail.fm', 'zoho.com', 'naver.com', 'btinternet.com', 'shaw.ca', 'eircom.net', 'orange.fr', 'mail.com'];
const SAID_AS_WORD = new Set(['com', 'net', 'org', 'me', 'mail', 'proton', 'outlook', 'yahoo', 'icloud', 'hotmail', 'web', 'fastmail', 'zoho', 'naver', 'btinternet', 'shaw', 'eircom', 'orange', 'rediffmail']);
const slug = (s) => ascii(s).toLowerCase().replace(/[^a-z]/g, '');
function spokenToken(tok) {
  if (/^\d+$/.test(tok)) return tok.length === 2 && chance(0.5) ? pairWords(tok) : digitWords(tok);
  if (tok.length <= 3 && !SAID_AS_WORD.has(tok)) return tok.split('').join(' ');
  return tok;
}
function spokenHandle(s) {
  return s.split(/([._\-@]|\d+)/).filter(Boolean).map((t) => ({ '.': 'dot', '_': 'underscore', '-': 'dash', '@': 'at' }[t] ?? spokenToken(t))).join(' ');
}
export function email(c, p) {
  const f = slug(p.first), l = slug(p.last);
  const local = pick([`${f}.${l}`, `${f[0]}${l}${int(1, 99)}`, `${l}_${f}`, `${f}${int(70, 99)}`, `${f}.${l[0]}.${int(10, 99)}`, `hello.${f}`]);
  const addr = `${local}@${pick(DOMAINS)}`;
  return c.asr ? spokenHandle(addr) : addr;
}
const WORDS = ['maple', 'kiwi', 'nova', 'pixel', 'otter', 'mango', 'quartz', 'tundra', 'falcon', 'lotus', 'comet', 'saffron', 'koala'];
export function username(c, p) {
  const f = slug(p.first);
  const u = pick([`${f}_${pick(WORDS)}${int(1, 99)}`, `${pick(WORDS)}${pick(WORDS)}${int(100, 999)}`, `${slug(p.last)}.${int(70, 99)}`,
    `the_${pick(WORDS)}_${f}`, `${f[0]}${slug(p.last)}`]);
  return c.asr ? spokenHandle(u) : u;
}
function octetWords(n) {
  const s = String(n);
  if (n < 100) return n2w(n);
  if (s.slice(1) === '00') return n2w(n);
  return chance(0.6) ? ONE(s[0]) + ' ' + pairWords(s.slice(1)) : digitWords(s, { dbl: 0 });
}
const ONE = (d) => n2w(+d);
export function ipv4(c) {
  const o = pick([[10, int(0, 255), int(0, 255), int(1, 254)], [192, 168, int(0, 20), int(2, 254)], [172, int(16, 31), int(0, 255), int(1, 254)],
    [int(23, 223), int(0, 255), int(0, 255), int(1, 254)], [int(23, 223), int(0, 255), int(0, 255), int(1, 254)]]);
  return c.asr ? o.map(octetWords).join(' dot ') : o.join('.');
}
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('').replace(/^0+(?=.)/, '');
export function ipv6() {
  return pick([
    () => `2001:db8:${hex(4)}:${hex(4)}::${hex(3)}`,
    () => `fe80::${hex(4)}:${hex(4)}:${hex(4)}:${hex(4)}`,
    () => `2a02:${hex(4)}:${hex(4)}:${hex(4)}:${hex(4)}:${hex(4)}:${hex(4)}:${hex(4)}`,
    () => `2600:1700:${hex(3)}:${hex(4)}::1`,
  ])();
}

// ---------- addresses ----------
export const US_PLACES = [['Bozeman', 'MT', 'Montana', '597'], ['Hilo', 'HI', 'Hawaii', '967'], ['Dubuque', 'IA', 'Iowa', '520'],
  ['Muncie', 'IN', 'Indiana', '473'], ['Yakima', 'WA', 'Washington', '989'], ['Bangor', 'ME', 'Maine', '044'], ['Paducah', 'KY', 'Kentucky', '420'],
  ['Las Cruces', 'NM', 'New Mexico', '880'], ['Klamath Falls', 'OR', 'Oregon', '976'], ['Marquette', 'MI', 'Michigan', '498'],
  ['Natchitoches', 'LA', 'Louisiana', '714'], ['Walla Walla', 'WA', 'Washington', '993'], ['Ypsilanti', 'MI', 'Michigan', '481'],
  ['Opelousas', 'LA', 'Louisiana', '705'], ['Puyallup', 'WA', 'Washington', '983'], ['Wahpeton', 'ND', 'North Dakota', '580'],
  ['Juneau', 'AK', 'Alaska', '998'], ['Rapid City', 'SD', 'South Dakota', '577'], ['Nacogdoches', 'TX', 'Texas', '759']];
const US_STREETS = ['Tallowwood Circle', 'Quillback Road', 'Marrowstone Lane', 'Zinfandel Court', 'Cotoneaster Way', 'Boxelder Trail',
  'Sandpiper Loop', 'Tecumseh Street', 'Chinook Drive', 'Kamehameha Avenue', 'Opossum Hollow Road', 'Pinyon Ridge Place',
  'West Okmulgee Street', 'Bayou Teche Parkway', 'Saguaro Bend', 'North Kittatinny Avenue'];
const UK_PLACES = [['Kirkcaldy', 'KY1 1XT'], ['Aberystwyth', 'SY23 2AX'], ['Llandudno', 'LL30 2RP'], ['Stornoway', 'HS1 2BN'],
  ['Whitby', 'YO21 3EN'], ['Ludlow', 'SY8 1AA'], ['Penzance', 'TR18 2QQ'], ['Hexham', 'NE46 1QT'], ['Dumfries', 'DG1 2BD'], ['Enniskillen', 'BT74 6AA']];
const UK_STREETS = ['Kittiwake Close', 'Pemberton Wynd', 'Glebe Terrace', 'Caernarfon Road', 'Old Wharf Row', 'Heol y Nant', 'Ffordd Penrhyn',
  'Quarrymans Lane', 'Ellesmere Crescent', 'Tolbooth Vennel', 'Cnoc na Gaoithe'];
const CA_PLACES = [['Moncton', 'NB', 'New Brunswick', 'E1C 4M7'], ['Trois-Rivières', 'QC', 'Quebec', 'G9A 5H7'], ['Saskatoon', 'SK', 'Saskatchewan', 'S7K 3J8'],
  ['Whitehorse', 'YT', 'Yukon', 'Y1A 2C6'], ['Nanaimo', 'BC', 'British Columbia', 'V9R 5J6'], ['Sherbrooke', 'QC', 'Quebec', 'J1H 4A4'],
  ['Kamloops', 'BC', 'British Columbia', 'V2C 1M6'], ['Iqaluit', 'NU', 'Nunavut', 'X0A 0H0'], ['Lethbridge', 'AB', 'Alberta', 'T1J 0P5']];
const CA_STREETS = ['Rue des Érables', 'Rue Saint-Hubert', 'Boulevard des Forges', 'Wiigwaas Crescent', 'Sinnott Road', 'Chemin du Lac-Brome',
  'Muskwa Avenue', 'Qamutiik Lane', 'Coal Banks Trail'];

function unit(c) {
  const n = String(int(1, 40)) + (chance(0.3) ? pick(['A', 'B', 'C']) : '');
  if (c.asr) return pick(['unit ', 'apartment ', 'suite ', 'apt ']) + alnumWords(n);
  return pick(['Unit ', 'Apt. ', 'Apt ', 'Suite ', '#']) + n;
}
/**
 * A whole address. Returns { text, zip, city, region, spokenZip } where text is what is said in one breath.
 * opts.withZip: attach the postcode; opts.withCity: include city/region.
 */
export function address(c, { country = pick(['us', 'us', 'uk', 'ca']), withCity = true, withZip = chance(0.5), withUnit = chance(0.5) } = {}) {
  let num, street, city, region, regionLong, zip;
  if (country === 'us') {
    num = int(3, 9899); street = pick(US_STREETS);
    const pl = pick(US_PLACES); [city, region, regionLong] = pl; zip = pl[3] + digits(2);
  } else if (country === 'uk') {
    num = int(1, 180); street = pick(UK_STREETS); [city, zip] = pick(UK_PLACES); region = '';
  } else {
    num = int(2, 4800); street = pick(CA_STREETS); [city, region, regionLong, zip] = pick(CA_PLACES);
  }
  const zipText = postal(c, zip);
  const u = withUnit ? unit(c) : '';
  let text;
  if (c.asr) {
    text = [houseWords(num), street.toLowerCase().replace(/-/g, ' '), u, withCity ? city.toLowerCase().replace(/-/g, ' ') : '',
      withCity && regionLong ? regionLong.toLowerCase() : '', withCity && withZip ? zipText : ''].filter(Boolean).join(' ');
  } else {
    const st = c.chat ? street.replace(/ (Road|Street|Avenue|Drive|Lane)$/, (m) => ' ' + { ' Road': 'Rd', ' Street': 'St', ' Avenue': 'Ave', ' Drive': 'Dr', ' Lane': 'Ln' }[m]) : street;
    text = `${num} ${st}` + (u ? `, ${u}` : '');
    if (withCity) text += `, ${city}` + (region ? `, ${region}` : '') + (withZip ? ` ${zipText}` : '');
    if (c.chat && chance(0.5)) text = text.toLowerCase().replace(/,/g, chance(0.5) ? '' : ',');
  }
  return { text: ascii(text) === text || !c.asr ? text : ascii(text), zip, zipText, city, country };
}
export function postal(c, zip) {
  if (c.asr) return /^\d+(-\d+)?$/.test(zip) ? digitWords(zip.replace('-', '')) : alnumWords(zip);
  return zip;
}
export function usZip(c) {
  const z = pick(US_PLACES)[3] + digits(2) + (chance(0.2) ? '-' + digits(4) : '');
  return postal(c, z);
}

// ---------- card data ----------
export function panText(c, groups) {
  if (c.asr) return groups.map((g) => (g.length === 4 && chance(0.25) ? fourWords(g) : digitWords(g))).join(' ');
  if (c.chat) return groups.join(pick(['', ' ', '-']));
  return groups.join(pick([' ', ' ', '-']));
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const monthName = (m) => MONTHS[m - 1];
export function expiry(c) {
  const m = int(1, 12), y = int(2026, 2033), mm = String(m).padStart(2, '0'), yy = String(y % 100);
  if (c.asr) return pick([pairWords(mm) + ' ' + n2w(y % 100), monthName(m).toLowerCase() + ' ' + yearWords(y), n2w(m) + ' ' + n2w(y % 100),
    digitWords(mm + yy, { dbl: 0 })]);
  if (c.chat) return pick([`${mm}/${yy}`, `${mm}${yy}`, `${monthName(m).slice(0, 3).toLowerCase()} ${y}`, `${m}/${yy}`]);
  return pick([`${mm}/${yy}`, `${m}/${yy}`, `${mm}/${y}`, `${monthName(m)} ${y}`, `${mm}-${yy}`]);
}
export const cvvText = (c, n) => { const d = digits(n); return c.asr ? digitWords(d) : d; };
export function ssn(c) {
  const a = String(int(1, 665)).padStart(3, '0'), g = String(int(1, 99)).padStart(2, '0'), s = String(int(1, 9999)).padStart(4, '0');
  if (c.asr) return [digitWords(a), digitWords(g), digitWords(s)].join(' ');
  if (c.chat) return pick([`${a}${g}${s}`, `${a}-${g}-${s}`, `${a} ${g} ${s}`]);
  return pick([`${a}-${g}-${s}`, `${a} ${g} ${s}`]);
}
export const last4 = (c, s = digits(4)) => (c.asr ? fourWords(s) : s);
export function dob(c) {
  const y = int(1938, 2006), m = int(1, 12), d = int(1, 28);
  const mm = String(m).padStart(2, '0'), dd = String(d).padStart(2, '0');
  if (c.asr) return pick([
    `${monthName(m).toLowerCase()} ${ordinal(d)} ${yearWords(y)}`,
    `${ordinal(d)} of ${monthName(m).toLowerCase()} ${yearWords(y)}`,
    `${n2w(m)} ${n2w(d)} ${pairWords(String(y % 100).padStart(2, '0'))}`,
    `${pairWords(mm)} ${pairWords(dd)} ${yearWords(y)}`,
    `${monthName(m).toLowerCase()} ${n2w(d)} ${yearWords(y)}`,
  ]);
  if (c.chat) return pick([`${m}/${d}/${String(y).slice(2)}`, `${monthName(m).toLowerCase()} ${d} ${y}`, `${dd}.${mm}.${y}`, `${mm}/${dd}/${y}`]);
  return pick([`${monthName(m)} ${d}, ${y}`, `${mm}/${dd}/${y}`, `${d} ${monthName(m)} ${y}`, `${monthName(m)} ${ordSuffix(d)}, ${y}`,
    `${y}-${mm}-${dd}`, `${ordSuffix(d)} of ${monthName(m)} ${y}`]);
}
export const numText = (c, s) => (c.asr ? digitWords(s) : s);
export function ibanText(c, s) {
  if (c.asr) return s.match(/.{1,4}/g).map(alnumWords).join(' ');
  if (c.chat) return chance(0.5) ? s : s.match(/.{1,4}/g).join(' ');
  return chance(0.7) ? s.match(/.{1,4}/g).join(' ') : s;
}

// ---------- hard negatives ----------
export function money(c, amt, cur = '$') {
  const d = Math.floor(amt), cents = Math.round((amt - d) * 100);
  if (c.asr) {
    const unitW = { '$': 'dollars', '£': 'pounds', '€': 'euros' }[cur];
    return `${n2w(d)} ${unitW}` + (cents ? ` ${n2w(cents)}` : '');
  }
  return cur + d.toLocaleString('en-US') + (cents || chance(0.5) ? '.' + String(cents).padStart(2, '0') : '');
}
export function clock(c) {
  const h = int(1, 12), m = pick([0, 15, 30, 45, 10, 20, 50]), ap = pick(['AM', 'PM']);
  if (c.asr) return `${n2w(h)}${m ? ' ' + pairWords(String(m).padStart(2, '0')) : ''} ${ap === 'AM' ? 'a m' : 'p m'}`;
  return `${h}:${String(m).padStart(2, '0')}${c.chat ? ap.toLowerCase() : ' ' + ap}`;
}
export function dayDate(c) {
  const m = int(1, 12), d = int(1, 28);
  if (c.asr) return `${monthName(m).toLowerCase()} ${ordinal(d)}`;
  return pick([`${monthName(m)} ${d}`, `${monthName(m)} ${ordSuffix(d)}`, `${d} ${monthName(m)}`, `${m}/${d}`]);
}
export function fullDate(c) {
  const y = int(2024, 2027), m = int(1, 12), d = int(1, 28);
  if (c.asr) return `${monthName(m).toLowerCase()} ${ordinal(d)} ${yearWords(y)}`;
  return pick([`${monthName(m)} ${d}, ${y}`, `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`]);
}
export function refCode(c, pattern) {
  const s = pattern.replace(/A/g, () => String.fromCharCode(65 + int(0, 25))).replace(/9/g, () => String(int(0, 9)));
  return c.asr ? alnumWords(s) : s;
}
/** A long digit reference; lucky=true makes it pass Luhn (a classic false-positive trap for card detectors). */
export function longRef(c, len, lucky = false, prefix = '') {
  const s = lucky ? luhnComplete(prefix + String(int(1, 9)), len) : prefix + String(int(1, 9)) + digits(len - 1 - prefix.length);
  if (c.asr) return digitWords(s);
  return len >= 12 && chance(0.5) ? s.match(/.{1,4}/g).join(' ') : s;
}
export function pct(c) {
  const v = pick(['4.5', '6.8', '12', '25', '30', '0.9', '15']);
  if (c.asr) return v.includes('.') ? `${n2w(+v.split('.')[0])} point ${n2w(+v.split('.')[1])} percent` : `${n2w(+v)} percent`;
  return v + '%';
}
export const numW = (c, n) => (c.asr ? n2w(n) : String(n));
export function otp(c) { const s = digits(6); return c.asr ? digitWords(s) : s; }
export function flight(c) {
  const al = pick(['AC', 'BA', 'EI', 'WS', 'QR', 'LH', 'DL', 'AS']), n = int(12, 2499);
  if (c.asr) return `${al.toLowerCase().split('').join(' ')} ${houseWords(n)}`;
  return `${al}${chance(0.5) ? ' ' : ''}${n}`;
}
