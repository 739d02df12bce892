// Value pools and generators for PII (with checksums) and for hard negatives.

// ---------- checksums / validity ----------
export function luhnOk(num) {
  const d = String(num).replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = +d[d.length - 1 - i];
    if (i % 2) { x *= 2; if (x > 9) x -= 9; }
    sum += x;
  }
  return d.length >= 12 && sum % 10 === 0;
}
function luhnComplete(prefix, len, rng) {
  let body = prefix + rng.digits(len - prefix.length - 1);
  for (let c = 0; c < 10; c++) if (luhnOk(body + c)) return body + c;
  throw new Error('luhn');
}
export function abaOk(r) {
  if (!/^\d{9}$/.test(r)) return false;
  const d = r.split('').map(Number);
  const pre = +r.slice(0, 2);
  const prefixOk = (pre >= 1 && pre <= 12) || (pre >= 21 && pre <= 32) || (pre >= 61 && pre <= 72) || pre === 80;
  return prefixOk && (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 === 0;
}
export function ibanOk(iban) {
  const s = iban.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s)) return false;
  const len = { GB: 22, IE: 22, DE: 22, AT: 20, BE: 16, CH: 21 }[s.slice(0, 2)];
  if (len && s.length !== len) return false;
  const re = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of re) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const dd of v) rem = (rem * 10 + +dd) % 97;
  }
  return rem === 1;
}
export function ssnOk(ssn) {
  const m = /^(\d{3})-?(\d{2})-?(\d{4})$/.exec(ssn);
  if (!m) return false;
  const [a, g, s] = [+m[1], +m[2], +m[3]];
  return a !== 0 && a !== 666 && a < 900 && g !== 0 && s !== 0;
}

// ---------- generators ----------
export function genCard(rng, brand = rng.pick(['visa', 'visa', 'mc', 'mc', 'amex', 'disc'])) {
  const pre = { visa: '4' + rng.digits(5), mc: rng.chance(0.7) ? '5' + rng.int(1, 5) + rng.digits(4) : String(rng.int(2221, 2720)) + rng.digits(2), amex: rng.pick(['34', '37']) + rng.digits(4), disc: '6011' + rng.digits(2) }[brand];
  const len = brand === 'amex' ? 15 : 16;
  const pan = luhnComplete(pre, len, rng);
  if (!luhnOk(pan)) throw new Error('bad pan');
  return { brand, pan, groups: brand === 'amex' ? [pan.slice(0, 4), pan.slice(4, 10), pan.slice(10)] : [0, 4, 8, 12].map((i) => pan.slice(i, i + 4)) };
}
export function genRouting(rng) {
  for (;;) {
    const pre = String(rng.pick([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32])).padStart(2, '0');
    const body = pre + rng.digits(6);
    for (let c = 0; c < 10; c++) if (abaOk(body + c)) return body + c;
  }
}
export function genSsn(rng) {
  for (;;) {
    const a = rng.int(1, 899), g = rng.int(1, 99), s = rng.int(1, 9999);
    if (a === 666) continue;
    const v = `${String(a).padStart(3, '0')}-${String(g).padStart(2, '0')}-${String(s).padStart(4, '0')}`;
    if (ssnOk(v)) return v;
  }
}
const UK_BANKS = ['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL', 'NAIA', 'MONZ', 'SRLG'];
function ibanCheck(cc, bban) {
  const re = bban + cc + '00';
  let rem = 0;
  for (const ch of re) { const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55); for (const dd of v) rem = (rem * 10 + +dd) % 97; }
  return String(98 - rem).padStart(2, '0');
}
export function genIban(rng, cc = rng.pick(['GB', 'GB', 'IE', 'DE', 'AT', 'BE'])) {
  let bban;
  if (cc === 'GB') bban = rng.pick(UK_BANKS) + rng.digits(14);
  else if (cc === 'IE') bban = rng.pick(['AIBK', 'BOFI', 'IPBS']) + rng.digits(14);
  else if (cc === 'DE') bban = rng.digits(18);
  else if (cc === 'AT') bban = rng.digits(16);
  else if (cc === 'BE') { const b = rng.digits(10); const k = Number(BigInt(b) % 97n) || 97; bban = b + String(k).padStart(2, '0'); }
  const iban = cc + ibanCheck(cc, bban) + bban;
  if (!ibanOk(iban)) throw new Error('bad iban ' + iban);
  return { cc, iban, grouped: iban.match(/.{1,4}/g).join(' ') };
}
export function genIp(rng, kind = rng.weighted([['pub', 5], ['priv', 3], ['v6', 2]])) {
  if (kind === 'v6') {
    const g = () => rng.int(0, 0xffff).toString(16);
    return rng.chance(0.5) ? `2001:db8:${g()}:${g()}::${g()}` : `${rng.pick(['2a02', '2600', '2607', '2405'])}:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}`;
  }
  if (kind === 'priv') return rng.pick([`192.168.${rng.int(0, 5)}.${rng.int(2, 254)}`, `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`, `172.${rng.int(16, 31)}.${rng.int(0, 255)}.${rng.int(1, 254)}`]);
  return `${rng.pick([23, 45, 68, 73, 81, 98, 104, 142, 151, 173, 185, 203, 212])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}
export function genDob(rng) {
  const y = rng.int(1941, 2004), m = rng.int(1, 12);
  const d = rng.int(1, [31, y % 4 ? 28 : 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);
  return { y, m, d };
}
export function genExpiry(rng) { return { m: rng.int(1, 12), y: rng.int(2026, 2032) }; }
export function genCvv(rng, brand) { return brand === 'amex' ? String(rng.int(1000, 9999)) : rng.digits(3); }
export function genAccount(rng, len = rng.pick([8, 9, 10, 10, 11, 12])) { return String(rng.int(1, 9)) + rng.digits(len - 1); }

// ---------- people ----------
// [first, last, gender?] diverse; some first names / surnames are ordinary English words.
export const PEOPLE = [
  ['Priya', 'Raghunathan'], ['Arjun', 'Venkataraman'], ['Sanjana', 'Iyer'], ['Harpreet', 'Gill'], ['Imran', 'Qureshi'], ['Ananya', 'Chatterjee'],
  ['Vikram', 'Desai'], ['Nilufar', 'Rahman'], ['Deepika', 'Balasubramanian'], ['Rohan', 'Mehta'],
  ['Mei-Ling', 'Chou'], ['Hiroshi', 'Tanaka'], ['Ji-woo', 'Park'], ['Thanh', 'Nguyen'], ['Xiaoling', 'Wu'], ['Kenji', 'Morimoto'], ['Soo-ah', 'Lim'], ['Haruka', 'Shimizu'], ['Bao', 'Tran'],
  ['Chidinma', 'Okonkwo'], ['Kwabena', 'Asante'], ['Amara', 'Diallo'], ['Tendai', 'Moyo'], ['Oluwaseun', 'Adeyemi'], ['Wanjiru', 'Kamau'], ['Abebe', 'Bekele'], ['Folasade', 'Ogunleye'], ['Sipho', 'Ndlovu'],
  ['Guadalupe', 'Ríos'], ['Joaquín', 'Herrera'], ['Ximena', 'Castañeda'], ['Mateo', 'Villalobos'], ['Luz', 'Ocampo'], ['Rafael', 'Quintero'], ['Itzel', 'Maldonado'],
  ['Katarzyna', 'Wiśniewska'], ['Dmytro', 'Kovalenko'], ['Milena', 'Petrović'], ['Oleksandr', 'Bondarenko'], ['Zdeněk', 'Horák'], ['Agnieszka', 'Zielińska'], ['Bogdan', 'Popescu'], ['Irina', 'Volkova'],
  ['Siobhán', 'Gallagher'], ['Pádraig', 'Ó Súilleabháin'], ['Aoife', 'Brennan'], ['Niamh', 'McCarthy'], ['Ciarán', "O'Donnell"], ['Eoin', 'Fitzgerald'], ['Saoirse', 'Kavanagh'],
  ['Layla', 'Haddad'], ['Omar', 'Al-Farsi'], ['Yousef', 'Nasrallah'], ['Fatima Zahra', 'Benali'], ['Khalid', 'Al-Amin'], ['Rania', 'Khoury'], ['Tariq', 'Mansour'],
  ['Hope', 'Adeyemi'], ['Grant', 'Kowalczyk'], ['Rose', 'Nakamura'], ['Will', 'Okafor'], ['June', 'Castillo'], ['Mark', 'Ivanova'], ['Bill', 'Tran'], ['Summer', 'Haddad'],
  ['Hunter', 'Morales'], ['Dawn', 'Achterberg'], ['Faith', 'Mwangi'], ['Joy', 'Obi'], ['May', 'Lindqvist'], ['Grace', 'Young'], ['Tomás', 'King'], ['Ngozi', 'Price'], ['Lars', 'Brown'],
  ['Marguerite', 'Tremblay'], ['Étienne', 'Gagnon'], ['Chloé', 'Bouchard'], ['Kateri', 'Whitehorse'], ['Aputsiaq', 'Lynge'],
];
export const AGENTS = [['Dana'], ['Malik'], ['Ines'], ['Tobiah'], ['Keiko'], ['Rashida'], ['Callum'], ['Yaw'], ['Anneliese'], ['Jun'], ['Marisol'], ['Declan'], ['Zainab'], ['Piotr'], ['Wren'], ['Mark'], ['Rose'], ['Grant']];
export const TITLES = ['Mr.', 'Ms.', 'Mrs.', 'Dr.'];

// ---------- addresses ----------
export const US_PLACES = [
  ['Tucson', 'AZ', 'Arizona', '857'], ['Duluth', 'MN', 'Minnesota', '558'], ['Savannah', 'GA', 'Georgia', '314'], ['Boise', 'ID', 'Idaho', '837'], ['Lowell', 'MA', 'Massachusetts', '018'],
  ['Chattanooga', 'TN', 'Tennessee', '374'], ['Eugene', 'OR', 'Oregon', '974'], ['Fort Wayne', 'IN', 'Indiana', '468'], ['Bozeman', 'MT', 'Montana', '597'], ['Laredo', 'TX', 'Texas', '780'],
  ['Bangor', 'ME', 'Maine', '044'], ['Santa Fe', 'NM', 'New Mexico', '875'], ['Dubuque', 'IA', 'Iowa', '520'], ['Asheville', 'NC', 'North Carolina', '288'], ['Yonkers', 'NY', 'New York', '107'],
];
export const US_STREETS = [['Calloway', 'Drive', 'Dr'], ['Saguaro Bend', 'Road', 'Rd'], ['Tamarack', 'Lane', 'Ln'], ['Old Mill', 'Road', 'Rd'], ['Wexford', 'Court', 'Ct'], ['Magnolia Ridge', 'Circle', 'Cir'],
  ['Ponderosa', 'Trail', 'Trl'], ['Kingfisher', 'Way', 'Way'], ['Arroyo Seco', 'Boulevard', 'Blvd'], ['Chestnut Hill', 'Avenue', 'Ave'], ['Quarry', 'Street', 'St'], ['Larkspur', 'Terrace', 'Ter'],
  ['Broadway', '', ''], ['Via Esperanza', '', ''], ['Kings Highway', '', ''], ['Wilshire', 'Place', 'Pl']];
export const UK_PLACES = [['Leeds', 'LS6 2QT'], ['Cardiff', 'CF24 4HQ'], ['Norwich', 'NR2 3EX'], ['Glasgow', 'G12 8RZ'], ['Bristol', 'BS3 1PN'], ['London', 'N1 9DX'], ['London', 'SE15 4ST'], ['Belfast', 'BT7 1NN'],
  ['Manchester', 'M14 5RB'], ['Swansea', 'SA1 8EN'], ['York', 'YO31 7EZ'], ['London', 'W1D 3QF'], ['Derby', 'DE22 3HY'], ['Exeter', 'EX4 6PX']];
export const UK_STREETS = [['Caledonian', 'Road'], ['Belgrave', 'Crescent'], ['Ashby', 'Grove'], ['Mill', 'Lane'], ['Thornfield', 'Close'], ['Harrowgate', 'Street'], ['Victoria', 'Terrace'], ['The Parade', ''], ['Meadowsweet', 'Way'], ['Cathedral', 'Walk']];
export const CA_PLACES = [['Toronto', 'ON', 'Ontario', 'M5J 2X1'], ['Halifax', 'NS', 'Nova Scotia', 'B3H 1Z6'], ['Winnipeg', 'MB', 'Manitoba', 'R3T 2N2'], ['Calgary', 'AB', 'Alberta', 'T2P 1J9'],
  ['Montréal', 'QC', 'Quebec', 'H2X 3K8'], ['Saskatoon', 'SK', 'Saskatchewan', 'S7N 5A2'], ['Victoria', 'BC', 'British Columbia', 'V8W 1P6'], ['Moncton', 'NB', 'New Brunswick', 'E1C 4B7'], ['Yellowknife', 'NT', 'Northwest Territories', 'X1A 2L9']];
export const CA_STREETS = [['Harbour', 'Street', 'St'], ['Rue Saint-Denis', '', ''], ['Portage', 'Avenue', 'Ave'], ['Jasper', 'Avenue', 'Ave'], ['Spring Garden', 'Road', 'Rd'], ['Côte-des-Neiges', 'Road', 'Rd'], ['Lakeshore', 'Boulevard', 'Blvd']];

export function genUsZip(rng, prefix) { return prefix + rng.digits(2); }
// UK postcode variety (formats A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA) using real postcode areas
const UKL = 'ABDEFGHJLNPQRSTUWXYZ'; // inward-code letters (no C I K M O V)
const UK_AREAS1 = ['B', 'E', 'G', 'L', 'M', 'N', 'S', 'W'];
const UK_AREAS2 = ['AB', 'BT', 'CF', 'CB', 'DD', 'EH', 'EX', 'HP', 'IV', 'KT', 'LS', 'NE', 'NR', 'OX', 'PL', 'RG', 'SA', 'TR', 'YO', 'DE', 'BS', 'SE', 'SW', 'NW', 'EC', 'WC'];
export function genUkPostcode(rng) {
  const L = () => rng.pick(UKL.split(''));
  const f = rng.int(0, 5);
  let out;
  if (f === 0) out = rng.pick(UK_AREAS1) + rng.int(1, 9);
  else if (f === 1) out = rng.pick(UK_AREAS1) + rng.int(10, 20);
  else if (f === 2) out = rng.pick(UK_AREAS2) + rng.int(1, 9);
  else if (f === 3) out = rng.pick(UK_AREAS2) + rng.int(10, 29);
  else if (f === 4) out = rng.pick(['W1', 'E1', 'N1']) + rng.pick('ABCDEFGHJKPSTUW'.split(''));
  else out = rng.pick(['SW1', 'EC1', 'EC2', 'WC1', 'WC2', 'NW1', 'SE1']) + rng.pick('ABCDEFGHJKMNPRVWXY'.split(''));
  return `${out} ${rng.int(0, 9)}${L()}${L()}`;
}
const CAL = 'ABCEGHJKLMNPRSTVXY';
export function genCaPostal(rng) {
  const L = () => rng.pick(CAL.split('')), D = () => String(rng.int(0, 9));
  return `${rng.pick('ABCEGHJKLMNPRSTVXY'.split(''))}${D()}${L()} ${D()}${L()}${D()}`;
}
export const EMAIL_DOMAINS = { US: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'proton.me', 'aol.com', 'comcast.net'], UK: ['gmail.com', 'btinternet.com', 'hotmail.co.uk', 'yahoo.co.uk', 'outlook.com'], CA: ['gmail.com', 'sympatico.ca', 'shaw.ca', 'outlook.com', 'videotron.ca'] };
