// heldout3: value lists and per-style renderers. Every renderer takes the conversation context `c`
// (c.S = 'formatted' | 'asr' | 'chat', c.rng) and returns the text as it appears in that style.
import {
  numWords, ordinalWords, ordinalSuffix, spellDigits, spellGroupPairs, yearWords, pairWords, MONTHS, MON3,
  luhnComplete, abaComplete, ibanMake, DIGIT,
} from './lib.mjs';

// ---------------------------------------------------------------- names (first, last by culture)
// "ascii|display" where the display form carries diacritics.
export const CULTURES = {
  nigerian: {
    first: ['Adaeze', 'Chinedu', 'Oluwaseun', 'Ngozi', 'Emeka', 'Funmilayo', 'Tunde', 'Chiamaka', 'Ifeanyi', 'Yetunde', 'Babajide', 'Nnamdi', 'Blessing', 'Precious', 'Godswill', 'Temitope', 'Obinna', 'Zainab'],
    last: ['Okafor', 'Nwosu', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Obi', 'Adebayo', 'Ogunleye', 'Abubakar', 'Chukwu', 'Olatunji', 'Nwachukwu', 'Adeleke', 'Onyekachi'],
  },
  ghanaian: {
    first: ['Kwame', 'Akosua', 'Kofi', 'Ama', 'Yaw', 'Abena', 'Kwabena', 'Efua', 'Kojo', 'Comfort', 'Patience', 'Esi', 'Kwesi', 'Adwoa'],
    last: ['Mensah', 'Asante', 'Boateng', 'Owusu', 'Osei', 'Appiah', 'Agyeman', 'Darko', 'Amoah', 'Ofori', 'Acheampong', 'Quaye'],
  },
  vietnamese: {
    first: ['Linh', 'Minh', 'Thuy', 'Quang', 'Huong', 'Duc', 'Thao', 'Bao', 'Ngoc', 'Trung', 'Phuong', 'Khanh', 'Tuan'],
    last: ['Nguyen', 'Tran', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Ngo', 'Truong', 'Huynh', 'Phan'],
  },
  polish: {
    first: ['Agnieszka', 'Lukasz|Łukasz', 'Katarzyna', 'Wojciech', 'Malgorzata|Małgorzata', 'Krzysztof', 'Zofia', 'Grzegorz', 'Joanna', 'Pawel|Paweł', 'Bartosz', 'Magdalena'],
    last: ['Kowalski', 'Wisniewski|Wiśniewski', 'Wojcik|Wójcik', 'Kowalczyk', 'Kaminska|Kamińska', 'Lewandowski', 'Zielinski|Zieliński', 'Szymanska|Szymańska', 'Dabrowski|Dąbrowski', 'Nowak', 'Wozniak|Woźniak', 'Jankowski'],
  },
  scottish: {
    first: ['Eilidh', 'Callum', 'Mhairi', 'Fraser', 'Iona', 'Hamish', 'Catriona', 'Ewan', 'Morag', 'Alasdair', 'Kirsty', 'Ruaridh', 'Struan'],
    last: ['MacLeod', 'Campbell', 'McDougall', 'Sinclair', 'Munro', 'MacKenzie', 'Ferguson', 'Buchanan', 'Urquhart', 'Drummond', 'Galbraith', 'McIntyre'],
  },
  irish: {
    first: ['Siobhan|Siobhán', 'Cillian', 'Aoife', 'Oisin|Oisín', 'Niamh', 'Darragh', 'Saoirse', 'Ciaran|Ciarán', 'Roisin|Róisín', 'Tadhg', 'Caoimhe', 'Eoin', 'Grainne|Gráinne'],
    last: ["O'Sullivan", 'Murphy', 'Kavanagh', 'McCarthy', 'Doyle', 'Byrne', 'Gallagher', 'Fitzgerald', 'Quigley', "O'Donovan", 'Brennan', 'Ni Bhriain|Ní Bhriain'],
  },
  mexican: {
    first: ['Guadalupe', 'Alejandro', 'Ximena', 'Joaquin|Joaquín', 'Itzel', 'Santiago', 'Citlali', 'Rodrigo', 'Fernanda', 'Emiliano', 'Yesenia', 'Araceli'],
    last: ['Hernandez|Hernández', 'Ramirez|Ramírez', 'Castaneda|Castañeda', 'de la Cruz', 'Villanueva', 'Ochoa', 'Zamora', 'Navarro', 'Cervantes', 'Maldonado', 'Quintero'],
  },
  indian: {
    first: ['Priyanka', 'Arjun', 'Lakshmi', 'Vikram', 'Deepika', 'Rohan', 'Ananya', 'Karthik', 'Meenakshi', 'Siddharth', 'Harpreet', 'Gurpreet', 'Aditi', 'Venkatesh'],
    last: ['Iyer', 'Chatterjee', 'Reddy', 'Venkataraman', 'Bhattacharya', 'Nair', 'Deshpande', 'Gill', 'Sandhu', 'Krishnamurthy', 'Banerjee', 'Patil', 'Menon', 'Rao'],
  },
  arabic: {
    first: ['Youssef', 'Fatima', 'Omar', 'Layla', 'Khalid', 'Noor', 'Hamza', 'Mariam', 'Tariq', 'Rania', 'Samir', 'Huda', 'Yasmin'],
    last: ['Al-Amin', 'Haddad', 'Al Mansouri', 'Khoury', 'Abdelrahman', 'Saleh', 'Nasser', 'Farouk', 'El-Sayed', 'Mansour', 'Qasim'],
  },
  korean: {
    first: ['Ji-woo', 'Min-jun', 'Seo-yeon', 'Hyun-woo', 'Eun-ji', 'Dong-hyun', 'Soo-ah', 'Jae-won', 'Ha-eun'],
    last: ['Kim', 'Park', 'Choi', 'Jung', 'Kang', 'Yoon', 'Jang', 'Lim', 'Han', 'Shin', 'Seo'],
  },
  chinese: {
    first: ['Xiaoling', 'Zhiwei', 'Yuting', 'Hao', 'Lihua', 'Jiahui', 'Weiming', 'Qian'],
    last: ['Zhang', 'Liu', 'Chen', 'Huang', 'Zhou', 'Xu', 'Zhao', 'Guo', 'Lin', 'Tang'],
  },
  japanese: {
    first: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Sakura', 'Kenji', 'Emi', 'Takumi'],
    last: ['Takahashi', 'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Saito', 'Matsumoto', 'Inoue'],
  },
  filipino: {
    first: ['Maricel', 'Jericho', 'Rowena', 'Jomar', 'Divina', 'Reynaldo', 'Analyn', 'Rodel'],
    last: ['Dela Cruz', 'Bautista', 'Santos', 'Reyes', 'Mendoza', 'Macaraeg', 'Pangilinan', 'Magbanua'],
  },
  somali: {
    first: ['Abdirahman', 'Hodan', 'Farhiya', 'Mohamed', 'Ayaan', 'Hamdi', 'Liban'],
    last: ['Warsame', 'Abdi', 'Farah', 'Hirsi', 'Jama', 'Osman', 'Duale'],
  },
  turkish: {
    first: ['Emre', 'Elif', 'Burak', 'Zeynep', 'Mehmet', 'Ayse|Ayşe', 'Cem'],
    last: ['Yilmaz|Yılmaz', 'Demir', 'Sahin|Şahin', 'Celik|Çelik', 'Ozturk|Öztürk', 'Aydin|Aydın', 'Kaya'],
  },
  brazilian: {
    first: ['Thiago', 'Leticia|Letícia', 'Gustavo', 'Larissa', 'Rafael', 'Juliana', 'Joao|João'],
    last: ['dos Santos', 'Oliveira', 'Souza', 'Carvalho', 'Pereira', 'Rodrigues', 'Albuquerque'],
  },
  ukrainian: {
    first: ['Oksana', 'Taras', 'Yulia', 'Bohdan', 'Nataliia', 'Andriy', 'Iryna'],
    last: ['Shevchenko', 'Bondarenko', 'Kovalenko', 'Tkachenko', 'Melnyk', 'Kravchuk', 'Hrytsenko'],
  },
  welsh: {
    first: ['Rhiannon', 'Dafydd', 'Carys', 'Gethin', 'Sioned', 'Iwan', 'Bethan', 'Ffion'],
    last: ['Pritchard', 'Llewellyn', 'Pugh', 'Rees', 'Vaughan', 'Prosser', 'Griffiths'],
  },
  pakistani: {
    first: ['Zainab', 'Imran', 'Sana', 'Bilal', 'Ayesha', 'Usman', 'Mahnoor'],
    last: ['Qureshi', 'Chaudhry', 'Malik', 'Raza', 'Siddiqui', 'Butt', 'Awan'],
  },
  ethiopian: {
    first: ['Tigist', 'Dawit', 'Selam', 'Yonas', 'Meron', 'Abebe', 'Hirut'],
    last: ['Tesfaye', 'Bekele', 'Girma', 'Haile', 'Alemu', 'Tadesse', 'Wolde'],
  },
  greek: {
    first: ['Eleni', 'Nikos', 'Dimitra', 'Giorgos', 'Katerina', 'Stavros'],
    last: ['Papadopoulos', 'Georgiou', 'Konstantinou', 'Nikolaidis', 'Alexiou', 'Karagiannis'],
  },
  kenyan: {
    first: ['Wanjiru', 'Otieno', 'Achieng', 'Kamau', 'Njeri', 'Kipchoge', 'Wambui'],
    last: ['Mwangi', 'Odhiambo', 'Kariuki', 'Ochieng', 'Kiprono', 'Njoroge', 'Mutua'],
  },
  maori_pacific: {
    first: ['Aroha', 'Tane', 'Mereana', 'Wiremu', 'Sione', 'Losa', 'Manaia'],
    last: ['Ngata', 'Tamihana', 'Parata', 'Tuilagi', 'Faleolo', 'Tupou'],
  },
  persian: {
    first: ['Shirin', 'Dariush', 'Parisa', 'Kourosh', 'Niloufar', 'Arash'],
    last: ['Hosseini', 'Karimi', 'Rahimi', 'Tehrani', 'Moradi', 'Jafari'],
  },
  jamaican: {
    first: ['Shanice', 'Delroy', 'Marcia', 'Winston', 'Tameka', 'Devon'],
    last: ['Morrison', 'Thompson', 'McKenzie', 'Gayle', 'Samuels', 'Bailey'],
  },
  // first names / surnames that are also ordinary English words
  wordy: {
    first: ['Will', 'Grant', 'Rose', 'Hope', 'May', 'June', 'Mark', 'Bill', 'Hunter', 'Summer', 'Joy', 'Faith', 'Dawn', 'Ivy', 'Amber', 'Frank', 'Sunny', 'Autumn', 'Chance', 'Destiny'],
    last: ['King', 'Young', 'Brown', 'Price', 'Grant', 'Hunter', 'Rich', 'Black', 'Green', 'Long', 'Little', 'Cook', 'Baker', 'Mason', 'Bell', 'Hope', 'Moss', 'Banks', 'Fox', 'Love', 'Day', 'Knight', 'Bishop', 'Ward', 'Marsh', 'Page', 'Frost', 'Bird', 'Summers', 'Sterling'],
  },
};
export const WORD_NAMES = new Set([...CULTURES.wordy.first, ...CULTURES.wordy.last, 'Blessing', 'Precious', 'Godswill', 'Comfort', 'Patience', 'Fraser']);

const REGION_CULTURES = {
  UK: ['nigerian', 'ghanaian', 'polish', 'scottish', 'irish', 'indian', 'pakistani', 'welsh', 'arabic', 'jamaican', 'somali', 'chinese', 'wordy', 'wordy', 'vietnamese', 'ukrainian', 'turkish', 'kenyan', 'greek'],
  US: ['mexican', 'vietnamese', 'korean', 'indian', 'nigerian', 'filipino', 'chinese', 'arabic', 'ethiopian', 'somali', 'wordy', 'wordy', 'polish', 'irish', 'brazilian', 'jamaican', 'persian', 'japanese', 'ghanaian'],
  CA: ['chinese', 'indian', 'filipino', 'vietnamese', 'korean', 'ukrainian', 'arabic', 'persian', 'scottish', 'irish', 'wordy', 'somali', 'jamaican', 'polish', 'nigerian', 'brazilian', 'japanese'],
  IE: ['irish', 'irish', 'irish', 'polish', 'nigerian', 'brazilian', 'indian', 'wordy', 'chinese', 'ukrainian'],
  IN: ['indian'],
  NG: ['nigerian'],
  ANY: Object.keys(CULTURES),
};

function split(v) { const [a, d] = v.split('|'); return { ascii: a, disp: d || a }; }

export function makePerson(rng, region = 'ANY', { wordy = 0.12 } = {}) {
  const cult = rng.chance(wordy) ? 'wordy' : rng.pick(REGION_CULTURES[region] || REGION_CULTURES.ANY);
  // wordy first names go with any surname; wordy surnames with any first name
  let fc = cult, lc = cult;
  if (cult === 'wordy') { if (rng.chance(0.5)) lc = rng.pick(REGION_CULTURES[region] || REGION_CULTURES.ANY); else fc = rng.pick(REGION_CULTURES[region] || REGION_CULTURES.ANY); }
  if (rng.chance(0.1)) lc = rng.pick(Object.keys(CULTURES)); // mixed heritage
  const f = split(rng.pick(CULTURES[fc].first));
  const l = split(rng.pick(CULTURES[lc].last));
  return { first: f.disp, firstA: f.ascii, last: l.disp, lastA: l.ascii, culture: fc };
}
export function makeFirst(rng, region = 'ANY', wordy = 0.2) {
  const cult = rng.chance(wordy) ? 'wordy' : rng.pick(REGION_CULTURES[region] || REGION_CULTURES.ANY);
  const f = split(rng.pick(CULTURES[cult].first));
  return { first: f.disp, firstA: f.ascii };
}

/** name text in a style. form: 'disp' keeps diacritics (formatted/chat only). */
export function nameText(c, s, { lower = false } = {}) {
  if (c.S === 'asr') return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ı/g, 'i').toLowerCase().replace(/-/g, ' ');
  return lower ? s.toLowerCase() : s;
}
export function asciiOf(s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ı/g, 'i'); }

/** spelled name: 'K-O-W-A-L-S-K-I' / 'k o w a l s k i' (asr may say "double l"). null when not spellable. */
export function spelledName(c, s) {
  const a = asciiOf(s);
  if (!/^[A-Za-z]+$/.test(a)) return null;
  const L = a.toUpperCase().split('');
  if (c.S === 'asr') {
    const out = [];
    for (let i = 0; i < L.length; i++) {
      if (L[i + 1] === L[i] && c.rng.chance(0.5)) { out.push('double ' + L[i].toLowerCase()); i++; } else out.push(L[i].toLowerCase());
    }
    return out.join(' ');
  }
  if (c.S === 'chat') return c.rng.chance(0.5) ? L.join(' ') : L.join('-');
  return c.rng.chance(0.6) ? L.join('-') : L.join(' ');
}

// ---------------------------------------------------------------- companies (never PERSON)
export const COMPANIES = {
  utility: ['Northfield Energy', 'Grant & Hope Energy', 'Pennine Power', 'Bright Meadow Gas', 'Kingsley Utilities', 'Ember Home Energy'],
  gym: ['King Street Fitness', 'IronWorks Gym', 'Rose Hill Leisure', 'PulseFit', 'Young Athletics Club', 'Summit & Price Health Clubs', 'Fenwick Sports Centre'],
  broadband: ['Fibrelink', 'Skyline Broadband', 'Marshall Telecom', 'NovaNet', 'Hunter Fibre', 'Lumen Home Internet'],
  airline: ['Aurora Airways', 'BlueJay Air', 'Meridian Atlantic', 'Skye Air', 'Corvid Airlines'],
  ca_bank: ['Maple Harbour Bank', 'Laurentian Trust', 'Northern Shield Credit Union', 'Banque Sainte-Claire', 'Prairie First Bank'],
  tax: ['Liberty Ledger Tax', 'Franklin & Young Tax Services', 'TaxBridge', 'Bishop Tax Partners', 'ClearReturn'],
  payroll: ['Hargreaves Logistics', 'Brightwater Care Homes', 'Castle & Marsh Engineering', 'Pennant Retail Group', 'Kingfisher Catering'],
  rental: ['Rovia Car Rental', 'Dalton Drive', 'Hertwood Rentals', 'Swift & Young Car Hire', 'Motorway Mile Rentals'],
  pharmacy: ['Rose Valley Pharmacy', 'CareWell Pharmacy', 'Hope Street Chemists', 'Medline Drugstore', 'Bishop & Lamb Pharmacy'],
  charity: ['Hope Harbor Foundation', 'Saint Brigid\'s Hospice', 'Children First Trust', 'The Florence Trust', 'Open Hands Relief', 'Marsh Wildlife Trust'],
  moving: ['Young & Price Removals', 'Carry-On Movers', 'Atlas Bishop Moving', 'Two Brothers Vans', 'Mayflower Moves'],
  telecom: ['Vantage Mobile', 'O-Tel', 'Kestrel Wireless', 'Airtel Connect', 'Sterling Mobile', 'MTN Direct'],
};

// ---------------------------------------------------------------- places
export const UK_CITIES = [
  { city: 'Manchester', out: ['M20', 'M14', 'M1', 'M13', 'M21', 'M4'], local: ['Didsbury', 'Fallowfield', 'Ancoats', 'Chorlton'], streets: ['Kingsway', 'Deansgate', 'Wilmslow Road', 'Burton Road', 'Oxford Road', 'Princess Parkway', 'Portland Street'] },
  { city: 'London', out: ['W6', 'E2', 'N1', 'SE15', 'SW9', 'NW5', 'E17', 'W12'], local: ['Hammersmith', 'Bethnal Green', 'Islington', 'Peckham', 'Brixton'], streets: ['Broadway', 'Mark Lane', 'The Strand', 'Holloway Road', 'Rye Lane', 'Queensway', 'Moorgate', 'Cheapside'] },
  { city: 'Leeds', out: ['LS6', 'LS1', 'LS7', 'LS11', 'LS8'], local: ['Headingley', 'Chapel Allerton', 'Hyde Park'], streets: ['Briggate', 'The Headrow', 'Otley Road', 'Kirkstall Road', 'Harehills Lane', 'Cardigan Road'] },
  { city: 'Glasgow', out: ['G12', 'G41', 'G3', 'G11'], local: ['Partick', 'Shawlands', 'Hillhead'], streets: ['Byres Road', 'Argyle Street', 'Pollokshaws Road', 'Great Western Road', 'Dumbarton Road'] },
  { city: 'Edinburgh', out: ['EH3', 'EH6', 'EH10', 'EH7'], local: ['Leith', 'Morningside', 'Stockbridge'], streets: ['Leith Walk', 'Broughton Street', 'Bruntsfield Place', 'Easter Road', 'Canongate'] },
  { city: 'Birmingham', out: ['B15', 'B29', 'B13', 'B5'], local: ['Edgbaston', 'Selly Oak', 'Moseley'], streets: ['Bristol Road', 'Hagley Road', 'Broad Street', 'Alcester Road', 'Digbeth'] },
  { city: 'Bristol', out: ['BS8', 'BS6', 'BS3', 'BS5'], local: ['Clifton', 'Redland', 'Bedminster'], streets: ['Whiteladies Road', 'Gloucester Road', 'North Street', 'Park Row', 'Stokes Croft'] },
  { city: 'Liverpool', out: ['L17', 'L8', 'L1', 'L15'], local: ['Aigburth', 'Toxteth', 'Wavertree'], streets: ['Hope Street', 'Bold Street', 'Smithdown Road', 'Lark Lane', 'Allerton Road'] },
  { city: 'Cardiff', out: ['CF10', 'CF24', 'CF5', 'CF11'], local: ['Cathays', 'Canton', 'Roath'], streets: ['City Road', 'Cowbridge Road East', 'Albany Road', 'Crwys Road', 'Queen Street'] },
  { city: 'Sheffield', out: ['S10', 'S11', 'S7', 'S2'], local: ['Crookes', 'Ecclesall', 'Nether Edge'], streets: ['Ecclesall Road', 'Abbeydale Road', 'Fulwood Road', 'London Road', 'Sharrow Vale Road'] },
  { city: 'Nottingham', out: ['NG7', 'NG5', 'NG1'], local: ['Lenton', 'Sherwood', 'Beeston'], streets: ['Derby Road', 'Mansfield Road', 'Alfreton Road', 'Castle Boulevard'] },
  { city: 'Newcastle upon Tyne', out: ['NE6', 'NE1', 'NE4', 'NE2'], local: ['Heaton', 'Jesmond', 'Byker'], streets: ['Westgate Road', 'Chillingham Road', 'Osborne Road', 'Shields Road', 'Grainger Street'] },
  { city: 'Belfast', out: ['BT7', 'BT9', 'BT12'], local: ['Ormeau', 'Malone'], streets: ['Ormeau Road', 'Lisburn Road', 'Botanic Avenue', 'Donegall Pass'] },
  { city: 'Brighton', out: ['BN1', 'BN2', 'BN3'], local: ['Kemptown', 'Hove', 'Preston Park'], streets: ['Western Road', 'Lewes Road', 'Church Road', 'Ditchling Road'] },
  { city: 'Aberdeen', out: ['AB10', 'AB24', 'AB11'], local: ['Rosemount', 'Old Aberdeen'], streets: ['Union Street', 'King Street', 'Rosemount Place', 'Holburn Street'] },
  { city: 'Leicester', out: ['LE2', 'LE3', 'LE1'], local: ['Clarendon Park', 'Belgrave'], streets: ['Queens Road', 'Narborough Road', 'Belgrave Gate', 'Granby Street'] },
];
// streets that carry a name-like word or no suffix at all
export const UK_EXTRA_STREETS = ['Kingsway', 'Broadway', 'Queensway', 'Parkway', 'Southgate', 'Eastgate', 'Fairway', 'Causeway', 'Highgate', 'Westway',
  'The Crescent', 'The Parade', 'The Green', 'Grant Road', 'Victoria Road', 'Young Street', 'Rose Lane', 'Hope Street', 'King Street', 'Price Street',
  'Albert Terrace', 'Wellington Crescent', 'Sandy Lane', 'Elm Grove', 'Ash Close', 'Chapel Walk', 'Orchard Rise', 'Vicarage Gardens', 'Heaton Mews', 'Brunswick Square'];

const UK_INWARD = 'ABDEFGHJLNPQRSTUWXYZ';
export function ukPostcode(rng, out) { return `${out} ${rng.int(1, 9)}${rng.pick(UK_INWARD.split(''))}${rng.pick(UK_INWARD.split(''))}`; }

export const US_PLACES = [
  { city: 'Columbus', st: 'OH', state: 'Ohio', zip: '432' }, { city: 'Tucson', st: 'AZ', state: 'Arizona', zip: '857' },
  { city: 'Raleigh', st: 'NC', state: 'North Carolina', zip: '276' }, { city: 'Charlotte', st: 'NC', state: 'North Carolina', zip: '282' },
  { city: 'Boise', st: 'ID', state: 'Idaho', zip: '837' }, { city: 'Spokane', st: 'WA', state: 'Washington', zip: '992' },
  { city: 'Omaha', st: 'NE', state: 'Nebraska', zip: '681' }, { city: 'Austin', st: 'TX', state: 'Texas', zip: '787' },
  { city: 'Eugene', st: 'OR', state: 'Oregon', zip: '974' }, { city: 'Tyler', st: 'TX', state: 'Texas', zip: '757' },
  { city: 'Madison', st: 'WI', state: 'Wisconsin', zip: '537' }, { city: 'Jackson', st: 'MS', state: 'Mississippi', zip: '392' },
  { city: 'Lincoln', st: 'NE', state: 'Nebraska', zip: '685' }, { city: 'Dearborn', st: 'MI', state: 'Michigan', zip: '481' },
  { city: 'Minneapolis', st: 'MN', state: 'Minnesota', zip: '554' }, { city: 'Houston', st: 'TX', state: 'Texas', zip: '770' },
  { city: 'Sacramento', st: 'CA', state: 'California', zip: '958' }, { city: 'Albuquerque', st: 'NM', state: 'New Mexico', zip: '871' },
  { city: 'Jersey City', st: 'NJ', state: 'New Jersey', zip: '073' }, { city: 'Savannah', st: 'GA', state: 'Georgia', zip: '314' },
];
export const US_STREETS = ['Maple Avenue', 'Juniper Court', 'Old Post Road', 'Grant Avenue', 'Halsted Street', 'Prairie View Drive', 'Magnolia Boulevard',
  'Cedar Hollow Lane', 'Martin Luther King Jr Way', 'Sunny Brook Road', 'Hunter Ridge Drive', 'Willow Bend', 'Rose Court', 'Price Road', 'Broadway',
  'Lakeshore Drive', 'Kings Highway', 'Hope Valley Road', 'Bishop Street', 'Ridgecrest Circle', 'Calle Ocho', 'Mission Street'];
export const US_UNITS = ['Apt', 'Apartment', 'Unit', 'Suite', '#'];

export const CA_PLACES = [
  { city: 'Toronto', prov: 'ON', province: 'Ontario', fsa: 'M', streets: ['Bay Street', 'Spadina Avenue', 'Queen Street West', 'Danforth Avenue', 'Dundas Street East'] },
  { city: 'Vancouver', prov: 'BC', province: 'British Columbia', fsa: 'V', streets: ['Robson Street', 'Commercial Drive', 'Kingsway', 'West Broadway', 'Main Street'] },
  { city: 'Montreal', prov: 'QC', province: 'Quebec', fsa: 'H', streets: ['Rue Sainte-Catherine Ouest', 'Boulevard Saint-Laurent', 'Avenue du Parc', 'Rue Sherbrooke Est'] },
  { city: 'Calgary', prov: 'AB', province: 'Alberta', fsa: 'T', streets: ['Macleod Trail', 'Kensington Road', '17 Avenue SW', 'Centre Street North'] },
  { city: 'Edmonton', prov: 'AB', province: 'Alberta', fsa: 'T', streets: ['Jasper Avenue', 'Whyte Avenue', 'Gateway Boulevard'] },
  { city: 'Winnipeg', prov: 'MB', province: 'Manitoba', fsa: 'R', streets: ['Portage Avenue', 'Corydon Avenue', 'Pembina Highway'] },
  { city: 'Ottawa', prov: 'ON', province: 'Ontario', fsa: 'K', streets: ['Bank Street', 'Wellington Street', 'Somerset Street West'] },
  { city: 'Halifax', prov: 'NS', province: 'Nova Scotia', fsa: 'B', streets: ['Barrington Street', 'Quinpool Road', 'Robie Street'] },
  { city: 'Regina', prov: 'SK', province: 'Saskatchewan', fsa: 'S', streets: ['Albert Street', 'Victoria Avenue', 'Dewdney Avenue'] },
  { city: 'Victoria', prov: 'BC', province: 'British Columbia', fsa: 'V', streets: ['Douglas Street', 'Fort Street', 'Cook Street'] },
  { city: 'Saskatoon', prov: 'SK', province: 'Saskatchewan', fsa: 'S', streets: ['Broadway Avenue', 'Idylwyld Drive', 'College Drive'] },
];
const CA_LET = 'ABCEGHJKLMNPRSTVWXYZ'; // D F I O Q U never used
export function caPostal(rng, fsa) { return `${fsa}${rng.int(0, 9)}${rng.pick(CA_LET.split(''))} ${rng.int(0, 9)}${rng.pick(CA_LET.split(''))}${rng.int(0, 9)}`; }

export const IE_PLACES = [
  { city: 'Dublin 8', key: 'D08', streets: ['Thomas Street', 'South Circular Road', 'Meath Street'] },
  { city: 'Dublin 6', key: 'D06', streets: ['Rathmines Road Lower', 'Ranelagh Road', 'Leinster Road'] },
  { city: 'Cork', key: 'T12', streets: ['Douglas Road', 'Barrack Street', 'Magazine Road'] },
  { city: 'Galway', key: 'H91', streets: ['Shop Street', 'Newcastle Road', 'College Road'] },
  { city: 'Limerick', key: 'V94', streets: ["O'Connell Avenue", 'Henry Street', 'Ennis Road'] },
];
const EIR = 'ACDEFHKNPRTVWXY';
export function eircode(rng, key) {
  const ch = () => (rng.chance(0.5) ? rng.pick(EIR.split('')) : String(rng.int(0, 9)));
  return `${key} ${rng.pick(EIR.split(''))}${ch()}${ch()}${ch()}`;
}

// ---------------------------------------------------------------- spoken helpers
/** spell a mixed letters/digits token for asr: "M20" -> "m two oh" or "m twenty"; letters single. */
export function spellAlnum(c, s, { pairs = 0.3, zero = 'oh' } = {}) {
  const out = [];
  const chunks = s.replace(/[\s\-/.]/g, ' ').split(' ').filter(Boolean);
  chunks.forEach((ch, ci) => {
    const parts = ch.match(/[A-Za-z]+|\d+/g);
    parts.forEach((p, pi) => {
      if (/\d/.test(p)) {
        if (p.length === 2 && p[0] !== '0' && c.rng.chance(pairs)) out.push(numWords(+p));
        else out.push(spellDigits(p, c.rng, { zero, doubles: 0.3 }));
      } else {
        const L = p.toLowerCase().split('');
        if (ci === 0 && pi === 0 && L.length === 2 && c.rng.chance(0.25) && !/[aeiou]/.test(p.toLowerCase())) out.push(L.join('')); // "ls"
        else out.push(L.join(' '));
      }
    });
  });
  return out.join(' ');
}

export function houseNumberWords(c, n) {
  // "47" -> forty seven; "1842" -> eighteen forty two; "112" -> one twelve / one hundred and twelve
  const s = String(n);
  if (n < 100) return numWords(n);
  if (n < 1000) return c.rng.chance(0.5) ? numWords(n, { and: c.rng.chance(0.5) }) : numWords(Math.floor(n / 100)) + ' ' + (n % 100 < 10 ? 'oh ' + DIGIT[n % 10] : numWords(n % 100));
  if (s[2] === '0' && s[3] === '0') return numWords(+s.slice(0, 2)) + ' hundred';
  return numWords(+s.slice(0, 2)) + ' ' + (s[2] === '0' ? 'oh ' + DIGIT[+s[3]] : numWords(+s.slice(2)));
}

// ---------------------------------------------------------------- addresses
/**
 * UK address value. Returns {parts:{unit, num, street, local, city, pc}, render(c, opts)} where
 * opts.withPc attaches the postcode in the same breath, opts.withCity.
 */
export function ukAddress(rng) {
  const C = rng.pick(UK_CITIES);
  const street = rng.chance(0.55) ? rng.pick(C.streets) : rng.pick(UK_EXTRA_STREETS);
  const num = rng.chance(0.85) ? rng.int(1, 220) : rng.int(221, 480);
  const suffix = rng.chance(0.1) ? rng.pick(['A', 'B']) : '';
  const unit = rng.chance(0.2) ? `Flat ${rng.chance(0.5) ? rng.int(1, 24) : rng.int(1, 9) + rng.pick(['A', 'B', 'C'])}` : null;
  return { country: 'UK', unit, num: String(num) + suffix, street, local: rng.chance(0.25) ? rng.pick(C.local) : null, city: C.city, pc: ukPostcode(rng, rng.pick(C.out)) };
}
export function usAddress(rng) {
  const P = rng.pick(US_PLACES);
  const num = rng.chance(0.5) ? rng.int(100, 9899) : rng.int(10, 999);
  const unit = rng.chance(0.3) ? `${rng.pick(US_UNITS)} ${rng.chance(0.5) ? rng.int(1, 40) + rng.pick(['A', 'B', 'C', 'D']) : rng.int(101, 1410)}` : null;
  return { country: 'US', unit, num: String(num), street: rng.pick(US_STREETS), city: P.city, st: P.st, state: P.state, pc: P.zip + rng.digits(2) };
}
export function caAddress(rng) {
  const P = rng.pick(CA_PLACES);
  const num = rng.chance(0.5) ? rng.int(100, 2999) : rng.int(10, 99);
  const unit = rng.chance(0.35) ? `${rng.pick(['Unit', 'Suite', 'Apt'])} ${rng.int(2, 30)}${rng.pick(['01', '04', '10', '12', '07'])}` : null;
  return { country: 'CA', unit, num: String(num), street: rng.pick(P.streets), city: P.city, prov: P.prov, province: P.province, pc: caPostal(rng, P.fsa) };
}
export function ieAddress(rng) {
  const P = rng.pick(IE_PLACES);
  return { country: 'IE', unit: rng.chance(0.2) ? `Apartment ${rng.int(1, 40)}` : null, num: String(rng.int(1, 160)), street: rng.pick(P.streets), city: P.city, pc: eircode(rng, P.key) };
}

function unitAsr(c, unit) {
  const [w, n] = unit.split(' ');
  const word = { Apt: 'apartment', '#': 'number', Flat: 'flat', Unit: 'unit', Suite: 'suite', Apartment: 'apartment' }[w] || w.toLowerCase();
  const m = n.match(/^(\d+)([A-Z]?)$/);
  const nn = +m[1];
  let spoken = nn >= 1000 ? numWords(Math.floor(nn / 100)) + ' ' + (nn % 100 < 10 ? 'oh ' + DIGIT[nn % 10] : numWords(nn % 100)) : nn >= 100 ? houseNumberWords(c, nn) : numWords(nn);
  if (m[2]) spoken += ' ' + m[2].toLowerCase();
  return word + ' ' + spoken;
}
function streetAsr(s) { return s.toLowerCase().replace(/\bjr\b/, 'junior').replace(/\bsw\b/, 's w').replace(/-/g, ' ').replace(/'/g, '').replace(/\b17\b/, 'seventeenth'); }

export function postcodeText(c, pc, country) {
  if (c.S === 'asr') return spellAlnum(c, pc, { pairs: country === 'UK' ? 0.35 : 0 });
  if (c.S === 'chat') return c.rng.chance(0.5) ? pc.toLowerCase() : (c.rng.chance(0.3) ? pc.replace(' ', '') : pc);
  return pc;
}
export function zipText(c, zip) {
  if (c.S === 'asr') return spellDigits(zip, c.rng, { zero: c.rng.chance(0.7) ? 'oh' : 'zero', doubles: 0.3 });
  return zip;
}

/** render an address; opts.withPc (postcode in the same breath), opts.withCity (default true) */
export function addressText(c, a, { withPc = true, withCity = true, unitAfter = null } = {}) {
  const S = c.S;
  const lowerChat = S === 'chat' && c.persona.lower;
  const uAfter = unitAfter ?? (a.country !== 'UK' && a.country !== 'IE');
  if (S === 'asr') {
    const w = [];
    if (a.unit && !uAfter) w.push(unitAsr(c, a.unit));
    const m = a.num.match(/^(\d+)([A-Z]?)$/);
    w.push(houseNumberWords(c, +m[1]) + (m[2] ? ' ' + m[2].toLowerCase() : ''));
    w.push(streetAsr(a.street));
    if (a.unit && uAfter) w.push(unitAsr(c, a.unit));
    if (withCity) {
      if (a.local) w.push(a.local.toLowerCase());
      if (a.country === 'IE') w.push(a.city.toLowerCase().replace(/\d+/, (d) => numWords(+d)));
      else w.push(a.city.toLowerCase());
      if (a.country === 'US') w.push(a.state.toLowerCase());
      if (a.country === 'CA') w.push(c.rng.chance(0.5) ? a.province.toLowerCase() : '');
    }
    if (withPc) w.push(a.country === 'US' ? zipText(c, a.pc) : postcodeText(c, a.pc, a.country));
    return w.filter(Boolean).join(' ');
  }
  let out = '';
  if (a.unit && !uAfter) out += a.unit + ', ';
  out += a.num + ' ' + a.street;
  if (a.unit && uAfter) out += (c.rng.chance(0.5) ? ', ' : ' ') + a.unit;
  if (withCity) {
    if (a.local) out += ', ' + a.local;
    out += ', ' + a.city;
    if (a.country === 'US') out += ', ' + (c.rng.chance(0.7) ? a.st : a.state);
    if (a.country === 'CA') out += c.rng.chance(0.5) ? ', ' + a.prov : (c.rng.chance(0.5) ? ' ' + a.prov : '');
  }
  if (withPc) {
    const pc = a.country === 'US' ? a.pc : postcodeText(c, a.pc, a.country);
    out += (a.country === 'UK' && withCity && c.rng.chance(0.6) ? ' ' : a.country === 'US' ? ' ' : ', ') + pc;
  }
  if (S === 'chat' && lowerChat) out = out.toLowerCase();
  return out;
}

// ---------------------------------------------------------------- phones
const US_AREA = ('205 251 256 334 480 520 602 623 928 209 213 310 323 408 415 510 530 559 562 619 626 650 661 707 714 760 805 818 831 858 909 916 925 949 ' +
  '303 719 720 970 203 860 302 239 305 321 352 386 407 561 727 754 772 786 813 850 863 904 941 954 229 404 470 478 678 706 770 912 208 217 224 309 312 ' +
  '618 630 708 773 815 847 219 260 317 574 765 812 319 515 563 641 712 316 620 785 913 270 502 606 859 225 318 337 504 985 207 240 301 410 443 339 413 ' +
  '508 617 774 781 857 978 231 248 269 313 517 586 616 734 810 906 989 218 320 507 612 651 763 952 228 601 662 314 417 573 636 660 816 406 308 402 702 ' +
  '775 603 201 609 732 856 908 973 505 575 212 315 347 516 518 585 607 631 646 716 718 845 914 917 252 336 704 828 910 919 980 701 216 234 330 419 440 ' +
  '513 567 614 740 937 405 580 918 503 541 971 215 267 412 484 570 610 717 724 814 401 803 843 864 605 423 615 731 865 901 931 210 214 254 281 325 361 ' +
  '409 432 469 512 713 806 817 830 832 903 915 936 940 956 972 979 385 435 801 802 276 434 540 571 703 757 804 206 253 360 425 509 304 262 414 608 715 920 307').split(' ');
const CA_AREA = '204 226 236 249 250 289 306 343 365 403 416 418 431 437 438 450 506 514 519 548 579 581 587 604 613 639 647 705 709 778 780 782 807 819 825 867 873 902 905'.split(' ');

/** phone value: {cc, national (digits, with trunk 0 where used), groups for display} */
export function makePhone(rng, country) {
  switch (country) {
    case 'US': case 'CA': {
      const area = rng.pick(country === 'CA' ? CA_AREA : US_AREA);
      let ex; do { ex = String(rng.int(2, 9)) + rng.digits(2); } while (ex.slice(1) === '11');
      return { country, cc: '1', groups: [area, ex, rng.digits(4)] };
    }
    case 'UK': {
      if (rng.chance(0.7)) return { country, cc: '44', trunk: true, groups: ['07' + String(rng.int(4, 9)) + rng.digits(2), rng.digits(6)] };
      const ac = rng.pick(['0161', '0113', '0141', '0131', '0121', '0117', '0151', '029', '0114', '020']);
      if (ac === '029' || ac === '020') return { country, cc: '44', trunk: true, groups: [ac, String(rng.int(2, 9)) + rng.digits(3), rng.digits(4)] };
      return { country, cc: '44', trunk: true, groups: [ac, String(rng.int(2, 9)) + rng.digits(2), rng.digits(4)] };
    }
    case 'IE': return { country, cc: '353', trunk: true, groups: ['08' + rng.pick(['3', '5', '6', '7', '9']), rng.digits(3), rng.digits(4)] };
    case 'IN': return { country, cc: '91', trunk: false, groups: [String(rng.pick([6, 7, 8, 9])) + rng.digits(4), rng.digits(5)] };
    case 'NG': return { country, cc: '234', trunk: true, groups: ['0' + rng.pick(['803', '806', '813', '703', '805', '902', '816']), rng.digits(3), rng.digits(4)] };
    case 'GH': return { country, cc: '233', trunk: true, groups: ['0' + rng.pick(['24', '54', '20', '27']), rng.digits(3), rng.digits(4)] };
    case 'PL': return { country, cc: '48', trunk: false, groups: [String(rng.pick([5, 6, 7, 8])) + rng.digits(2), rng.digits(3), rng.digits(3)] };
    default: throw new Error(country);
  }
}
export function phoneDigits(p, intl) {
  const nat = p.groups.join('');
  if (!intl) return nat;
  return p.cc + (p.trunk ? nat.slice(1) : nat);
}

/** render phone; intl: with +cc */
export function phoneText(c, p, { intl = null } = {}) {
  const rng = c.rng;
  const useIntl = intl ?? (p.country === 'IN' ? true : p.country === 'US' || p.country === 'CA' ? rng.chance(0.15) : rng.chance(0.35));
  const g = p.groups.slice();
  if (useIntl && p.trunk) g[0] = g[0].slice(1);
  if (c.S === 'asr') {
    const z = rng.chance(0.8) ? 'oh' : 'zero';
    const words = g.map((x) => (x.length === 4 && rng.chance(0.25) ? spellGroupPairs(x, rng, { zero: z }) : spellDigits(x, rng, { zero: z, doubles: 0.45 })));
    const pre = useIntl ? 'plus ' + spellDigits(p.cc, rng, { zero: z, doubles: 0 }) + ' ' : (p.cc === '1' && rng.chance(0.15) ? 'one ' : '');
    return pre + words.join(' ');
  }
  if (c.S === 'chat') {
    const k = rng.int(0, 3);
    if (useIntl) return '+' + p.cc + (k === 0 ? ' ' + g.join(' ') : g.join(''));
    if (p.cc === '1') return [g.join(''), g.join('.'), g.join('-'), `(${g[0]}) ${g[1]}-${g[2]}`][k];
    return k < 2 ? g.join('') : g.join(' ');
  }
  if (useIntl && p.trunk && (p.country === 'UK' || p.country === 'IE') && rng.chance(0.35)) return '+' + p.cc + ' (0)' + g.join(' ');
  if (useIntl) return '+' + p.cc + ' ' + (p.cc === '1' ? `${g[0]}-${g[1]}-${g[2]}` : g.join(' '));
  if (p.cc === '1') return rng.chance(0.5) ? `(${g[0]}) ${g[1]}-${g[2]}` : g.join('-');
  return g.join(' ');
}
export function lastDigitsText(c, digits, { zero } = {}) {
  if (c.S === 'asr') return digits.length === 4 && c.rng.chance(0.3) ? spellGroupPairs(digits, c.rng) : spellDigits(digits, c.rng, { zero: zero || (c.rng.chance(0.8) ? 'oh' : 'zero'), doubles: 0.4 });
  return digits;
}

/** company phone numbers (toll-free / freephone), rendered */
export function companyPhone(rng, country) {
  if (country === 'UK') return { country: 'UK', cc: '44', trunk: true, groups: [rng.pick(['0800', '0808', '0345', '0330']), rng.digits(3), rng.digits(4)] };
  if (country === 'IE') return { country: 'IE', cc: '353', trunk: true, groups: ['1800', rng.digits(3), rng.digits(3)] };
  return { country: 'US', cc: '1', tollfree: true, groups: [rng.pick(['800', '888', '877', '866', '855']), String(rng.int(2, 9)) + rng.digits(2), rng.digits(4)] };
}
export function companyPhoneText(c, p) {
  if (p.tollfree) {
    const g = p.groups;
    if (c.S === 'asr') {
      const head = g[0] === '800' ? 'eight hundred' : g[0] === '888' ? (c.rng.chance(0.5) ? 'triple eight' : 'eight eight eight') : spellDigits(g[0], c.rng, { doubles: 0.5 });
      return (c.rng.chance(0.6) ? 'one ' : '') + head + ' ' + spellDigits(g[1], c.rng) + ' ' + spellDigits(g[2], c.rng, { doubles: 0.4 });
    }
    return c.rng.chance(0.6) ? `1-${g.join('-')}` : `1 (${g[0]}) ${g[1]}-${g[2]}`;
  }
  if (c.S === 'asr') {
    if (p.groups[0] === '0800' && c.rng.chance(0.6)) return 'oh eight hundred ' + spellDigits(p.groups[1], c.rng) + ' ' + spellDigits(p.groups[2], c.rng, { doubles: 0.4 });
    return p.groups.map((x) => spellDigits(x, c.rng, { doubles: 0.4 })).join(' ');
  }
  return p.groups.join(' ');
}
export function companyPhoneDigits(p) { return (p.tollfree ? '' : '') + p.groups.join(''); }

// ---------------------------------------------------------------- email / username
const DOMAINS = {
  UK: ['gmail.com', 'yahoo.co.uk', 'hotmail.co.uk', 'btinternet.com', 'outlook.com', 'sky.com', 'icloud.com', 'virginmedia.com'],
  US: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'aol.com', 'hotmail.com', 'proton.me', 'comcast.net'],
  CA: ['gmail.com', 'rogers.com', 'shaw.ca', 'yahoo.ca', 'outlook.com', 'sympatico.ca', 'icloud.com'],
  IE: ['gmail.com', 'eircom.net', 'live.ie', 'outlook.com', 'yahoo.ie'],
  IN: ['gmail.com', 'rediffmail.com', 'yahoo.co.in', 'outlook.com'],
  NG: ['gmail.com', 'yahoo.com', 'outlook.com'],
  PL: ['wp.pl', 'gmail.com', 'onet.pl', 'interia.pl'],
};
function slug(s) { return asciiOf(s).toLowerCase().replace(/[^a-z]/g, ''); }
export function makeEmail(rng, person, region) {
  const f = slug(person.firstA || person.first), l = slug(person.lastA || person.last);
  const n = rng.chance(0.4) ? String(rng.pick([rng.int(1, 99), rng.int(70, 99), rng.int(1, 9)])) : '';
  const local = rng.pick([`${f}.${l}`, `${f}${l}`, `${f[0]}.${l}`, `${f}_${l}`, `${f}${l[0]}`, `${l}.${f}`, `${f}.${l}`]) + n;
  return { local, domain: rng.pick(DOMAINS[region] || DOMAINS.US) };
}
function spokenNum(c, n) {
  if (n.length === 1) return DIGIT[+n];
  if (n.length === 2 && n[0] !== '0' && c.rng.chance(0.6)) return numWords(+n);
  return spellDigits(n, c.rng, { doubles: 0.3 });
}
function spokenLocal(c, local, person) {
  // split local part into names, separators and digits
  const toks = local.match(/[a-z]+|\d+|[._-]/g);
  const hard = (w) => w.length > 3 && !/^[a-z]*[aeiou][a-z]*$/.test(w);
  return toks.map((t) => {
    if (t === '.') return 'dot';
    if (t === '_') return 'underscore';
    if (t === '-') return c.rng.chance(0.5) ? 'dash' : 'hyphen';
    if (/\d/.test(t)) return spokenNum(c, t);
    if (t.length <= 2) return t.split('').join(' ');
    if (hard(t) || c.rng.chance(0.12)) return t.split('').join(' '); // spelled letter by letter
    return t;
  }).join(' ');
}
export function emailText(c, e, { spokenInFormatted = 0.12 } = {}) {
  if (c.S === 'asr' || (c.S === 'formatted' && c.rng.chance(spokenInFormatted))) {
    const WORDS = new Set(['com', 'net', 'org', 'co', 'me']);
    const dom = e.domain.split('.').map((x, i) => {
      if (i === 0) return x.length <= 3 && x !== 'sky' ? x.split('').join(' ') : x;
      if (WORDS.has(x)) return x;
      return x.length === 2 && c.rng.chance(0.5) ? x : x.split('').join(' ');
    });
    return spokenLocal(c, e.local) + ' at ' + dom.join(' dot ');
  }
  return e.local + '@' + e.domain;
}

const UWORDS = ['sky', 'river', 'falcon', 'pixel', 'nomad', 'jet', 'tiger', 'cobalt', 'maple', 'orbit', 'ember', 'lunar', 'delta', 'wander', 'atlas', 'koala', 'mango', 'rocket'];
/** username as tokens so it can be spoken */
export function makeUsername(rng, person) {
  const f = slug(person.firstA || person.first), l = slug(person.lastA || person.last);
  const w = rng.pick(UWORDS);
  const n = String(rng.pick([rng.int(1, 9), rng.int(10, 99), rng.int(1980, 2005)]));
  const pat = rng.int(0, 5);
  const toks = [
    [[f], ['_'], [l[0]], [n]],
    [[w], [f]],
    [[f[0] + l], [n]],
    [[w], ['_'], [f], [n]],
    [[f], ['.'], [l]],
    [[l], [f[0]], [n]],
  ][pat].map((x) => x[0]);
  return { toks, text: toks.join('') };
}
export function usernameText(c, u) {
  if (c.S !== 'asr') return c.S === 'chat' && c.rng.chance(0.2) ? u.text.toLowerCase() : u.text;
  return u.toks.map((t) => {
    if (t === '_') return 'underscore';
    if (t === '.') return 'dot';
    if (/^\d+$/.test(t)) return spokenNum(c, t);
    if (t.length <= 2 || !/[aeiou]/.test(t) || (t.length > 5 && !UWORDS.includes(t) && c.rng.chance(0.4))) return t.split('').join(' ');
    return t;
  }).join(' ');
}

// ---------------------------------------------------------------- cards
export function makeCard(rng, net = null) {
  const network = net || rng.weighted([['visa', 5], ['mastercard', 4], ['amex', 1.5], ['discover', 1]]);
  let prefix;
  if (network === 'visa') prefix = '4' + rng.digits(14);
  else if (network === 'mastercard') prefix = rng.chance(0.7) ? '5' + rng.int(1, 5) : rng.pick(['2221', '23', '24', '25', '26', '2701', '2720']);
  if (network === 'mastercard') prefix = prefix + rng.digits(15 - prefix.length);
  if (network === 'amex') prefix = '3' + rng.pick(['4', '7']) + rng.digits(12);
  if (network === 'discover') prefix = '6011' + rng.digits(11);
  const number = luhnComplete(prefix);
  const groups = network === 'amex' ? [number.slice(0, 4), number.slice(4, 10), number.slice(10)] : [0, 4, 8, 12].map((i) => number.slice(i, i + 4));
  return { network, number, groups, cvv: network === 'amex' ? rng.digits(4) : rng.digits(3), expM: rng.int(1, 12), expY: rng.int(2026, 2032) };
}
export function cardGroupText(c, g) {
  if (c.S === 'asr') return g.length === 4 && c.rng.chance(0.3) ? spellGroupPairs(g, c.rng) : spellDigits(g, c.rng, { zero: c.rng.chance(0.7) ? 'oh' : 'zero', doubles: 0.4 });
  return g;
}
export function cardGroupsText(c, groups) {
  if (c.S === 'asr') return groups.map((g) => cardGroupText(c, g)).join(' ');
  if (c.S === 'chat') return c.rng.chance(0.5) ? groups.join('') : groups.join(c.rng.chance(0.7) ? ' ' : '-');
  return c.rng.chance(0.8) ? groups.join(' ') : groups.join('');
}
export function expiryText(c, card) {
  const m = card.expM, y = card.expY, rng = c.rng;
  if (c.S === 'asr') {
    const k = rng.int(0, 3);
    if (k === 0) return (m < 10 ? 'oh ' + DIGIT[m] : numWords(m)) + ' ' + numWords(y % 100);
    if (k === 1) return MONTHS[m - 1].toLowerCase() + ' ' + yearWords(y, rng);
    if (k === 2) return numWords(m) + ' ' + numWords(y % 100);
    return (m < 10 ? 'zero ' + DIGIT[m] : numWords(m)) + ' ' + yearWords(y, rng);
  }
  const mm = String(m).padStart(2, '0');
  const k = rng.int(0, 4);
  if (k <= 1) return `${mm}/${String(y % 100)}`;
  if (k === 2) return `${mm}/${y}`;
  if (k === 3) return c.S === 'chat' ? `${m}/${y % 100}` : `${MONTHS[m - 1]} ${y}`;
  return c.S === 'chat' ? `${mm}${y % 100}` : `${MONTHS[m - 1]} ${y}`;
}
export function cvvText(c, cvv) {
  if (c.S === 'asr') return cvv.length === 3 && cvv[0] !== '0' && c.rng.chance(0.2) ? numWords(+cvv) : spellDigits(cvv, c.rng, { doubles: 0.5 });
  return cvv;
}

// ---------------------------------------------------------------- US/UK/CA banking
export function makeRouting(rng) {
  const first2 = rng.pick(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '32']);
  return abaComplete(first2 + rng.digits(6));
}
export function digitsText(c, d, { doubles = 0.4 } = {}) {
  if (c.S === 'asr') return spellDigits(d, c.rng, { zero: c.rng.chance(0.7) ? 'oh' : 'zero', doubles });
  return d;
}
export const UK_BANKS = [
  { name: 'NatWest', bic: 'NWBK', sort: '60' }, { name: 'Barclays', bic: 'BARC', sort: '20' }, { name: 'Lloyds', bic: 'LOYD', sort: '30' },
  { name: 'HSBC', bic: 'HBUK', sort: '40' }, { name: 'Nationwide', bic: 'NAIA', sort: '07' }, { name: 'Monzo', bic: 'MONZ', sort: '04' },
  { name: 'Santander', bic: 'ABBY', sort: '09' }, { name: 'Starling', bic: 'SRLG', sort: '60' },
];
export function makeUkBank(rng) {
  const b = rng.pick(UK_BANKS);
  const sort = b.sort + rng.digits(4);
  const acct = String(rng.int(1, 9)) + rng.digits(7);
  return { bank: b.name, sort, acct, iban: ibanMake('GB', b.bic + sort + acct) };
}
export function makeForeignIbanOf(rng, k) { return makeForeignIban(rng, k).iban; }
export function makeForeignIban(rng, only = null) {
  const k = only || rng.pick(['IE', 'DE', 'FR', 'NL', 'ES', 'PL', 'PT']);
  if (k === 'IE') return { country: 'IE', bank: rng.pick(['AIB', 'Bank of Ireland']), iban: ibanMake('IE', rng.pick(['AIBK', 'BOFI']) + '9' + rng.digits(5) + rng.digits(8)) };
  if (k === 'DE') return { country: 'DE', bank: rng.pick(['Sparkasse', 'Deutsche Bank', 'N26']), iban: ibanMake('DE', rng.digits(18)) };
  if (k === 'FR') return { country: 'FR', bank: rng.pick(['BNP Paribas', 'Crédit Agricole']), iban: ibanMake('FR', rng.digits(10) + rng.digits(11) + rng.digits(2)) };
  if (k === 'NL') return { country: 'NL', bank: rng.pick(['ING', 'Rabobank', 'ABN AMRO']), iban: ibanMake('NL', rng.pick(['INGB', 'RABO', 'ABNA']) + rng.digits(10)) };
  if (k === 'ES') return { country: 'ES', bank: rng.pick(['Santander', 'BBVA', 'CaixaBank']), iban: ibanMake('ES', rng.digits(20)) };
  if (k === 'PT') return { country: 'PT', bank: rng.pick(['Millennium BCP', 'Caixa Geral']), iban: ibanMake('PT', rng.digits(21)) };
  return { country: 'PL', bank: rng.pick(['PKO', 'mBank', 'ING Bank Slaski']), iban: ibanMake('PL', rng.digits(24)) };
}
export function ibanText(c, iban) {
  if (c.S === 'asr') return iban.toLowerCase().split('').map((ch) => (/\d/.test(ch) ? (ch === '0' ? (c.rng.chance(0.7) ? 'oh' : 'zero') : DIGIT[+ch]) : ch)).join(' ');
  const grouped = iban.match(/.{1,4}/g).join(' ');
  if (c.S === 'chat') return c.rng.chance(0.5) ? iban : (c.rng.chance(0.3) ? grouped.toLowerCase() : grouped);
  return c.rng.chance(0.85) ? grouped : iban;
}
export function sortCodeText(c, sort) { // hard negative
  if (c.S === 'asr') return [0, 2, 4].map((i) => pairWords(sort.slice(i, i + 2)).replace('oh ', c.rng.chance(0.5) ? 'oh ' : 'zero ')).join(' ');
  return c.S === 'chat' && c.rng.chance(0.5) ? sort : `${sort.slice(0, 2)}-${sort.slice(2, 4)}-${sort.slice(4)}`;
}

export function makeSsn(rng) {
  let area; do { area = rng.int(1, 899); } while (area === 666);
  return String(area).padStart(3, '0') + String(rng.int(1, 99)).padStart(2, '0') + String(rng.int(1, 9999)).padStart(4, '0');
}
export function ssnText(c, s) {
  if (c.S === 'asr') return [s.slice(0, 3), s.slice(3, 5), s.slice(5)].map((g) => spellDigits(g, c.rng, { zero: c.rng.chance(0.7) ? 'oh' : 'zero', doubles: 0.4 })).join(' ');
  if (c.S === 'chat') return c.rng.chance(0.5) ? s : `${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`;
  return `${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`;
}

// ---------------------------------------------------------------- dates
export function makeDob(rng, { minY = 1942, maxY = 2005 } = {}) {
  const y = rng.int(minY, maxY), m = rng.int(1, 12), d = rng.int(1, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);
  return { y, m, d };
}
/** date text; uk: day-month order. */
export function dateText(c, dt, { uk = false, year = true } = {}) {
  const { y, m, d } = dt; const rng = c.rng;
  const mon = MONTHS[m - 1];
  if (c.S === 'asr') {
    const k = rng.int(0, 4);
    const yr = year ? ' ' + (rng.chance(0.75) ? yearWords(y, rng) : yearWords(y, rng, { short: true })) : '';
    if (k === 0 || !year) return mon.toLowerCase() + ' ' + (rng.chance(0.8) ? ordinalWords(d) : numWords(d)) + yr;
    if (k === 1) return ordinalWords(d) + ' of ' + mon.toLowerCase() + yr;
    if (k === 2) return uk ? numWords(d) + ' ' + mon.toLowerCase() + yr : mon.toLowerCase() + ' ' + ordinalWords(d) + yr;
    // numeric spoken "oh three fourteen eighty five"
    const a = uk ? d : m, b = uk ? m : d;
    const sp = (n) => (n < 10 ? (rng.chance(0.5) ? 'oh ' + DIGIT[n] : DIGIT[n]) : numWords(n));
    return sp(a) + ' ' + sp(b) + ' ' + (rng.chance(0.6) ? yearWords(y, rng, { short: true }) : yearWords(y, rng));
  }
  const dd = String(d).padStart(2, '0'), mm = String(m).padStart(2, '0');
  if (!year) return uk ? (rng.chance(0.5) ? `${d} ${mon}` : `${ordinalSuffix(d)} of ${mon}`) : `${mon} ${rng.chance(0.5) ? ordinalSuffix(d) : d}`;
  if (c.S === 'chat') {
    const k = rng.int(0, 3);
    if (k === 0) return uk ? `${d}/${m}/${String(y).slice(2)}` : `${m}/${d}/${String(y).slice(2)}`;
    if (k === 1) return uk ? `${dd}/${mm}/${y}` : `${mm}/${dd}/${y}`;
    if (k === 2) return `${mon.toLowerCase()} ${d} ${y}`;
    return uk ? `${d} ${MON3[m - 1].toLowerCase()} ${y}` : `${MON3[m - 1]} ${d} ${y}`;
  }
  const k = rng.int(0, 3);
  if (k === 0) return uk ? `${d} ${mon} ${y}` : `${mon} ${d}, ${y}`;
  if (k === 1) return uk ? `${dd}/${mm}/${y}` : `${mm}/${dd}/${y}`;
  if (k === 2) return uk ? `${ordinalSuffix(d)} of ${mon} ${y}` : `${mon} ${ordinalSuffix(d)}, ${y}`;
  return uk ? `${ordinalSuffix(d)} ${mon} ${y}` : `${mon} ${d}, ${y}`;
}

// ---------------------------------------------------------------- IPs
export function makeIpv4(rng, kind = 'public') {
  if (kind === 'lan') return rng.pick(['192.168.1.1', '192.168.0.1', '10.0.0.1', '192.168.1.254', '192.168.100.1', '10.0.0.138', '192.168.8.1']);
  if (kind === 'device') return rng.pick(['192.168.1.', '192.168.0.', '10.0.0.']) + rng.int(2, 250);
  if (kind === 'dns') return rng.pick(['8.8.8.8', '1.1.1.1', '9.9.9.9', '8.8.4.4', '208.67.222.222']);
  let a; do { a = rng.int(11, 223); } while ([10, 100, 127, 169, 172, 192].includes(a));
  return `${a}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}
export function makeIpv6(rng, kind = 'global') {
  const hx = (n) => { let s = ''; for (let i = 0; i < n; i++) s += '0123456789abcdef'[rng.int(0, 15)]; return s.replace(/^0+(?=.)/, ''); };
  if (kind === 'link') return `fe80::${hx(4)}:${hx(2)}ff:fe${hx(2)}:${hx(4)}`;
  const head = rng.pick(['2a00:23c6', '2a02:c7c', '2001:db8', '2600:1700', '2607:fea8', '2a01:4b00', '2406:7400']);
  const k = rng.int(0, 2);
  if (k === 0) return `${head}:${hx(4)}:${hx(4)}::${hx(rng.int(1, 4))}`;
  if (k === 1) return `${head}:${hx(4)}:${hx(4)}:${hx(4)}:${hx(4)}:${hx(4)}:${hx(4)}`;
  return `${head}:${hx(3)}::${hx(4)}:${hx(4)}`;
}
function octetWords(c, o) {
  const n = +o;
  const k = c.rng.int(0, 2);
  if (n < 10) return n === 0 ? (c.rng.chance(0.6) ? 'zero' : 'oh') : DIGIT[n];
  if (n < 100) return k === 0 ? spellDigits(o, c.rng, { doubles: 0 }) : numWords(n);
  if (k === 0) return spellDigits(o, c.rng, { doubles: 0, zero: 'oh' });
  if (n % 100 === 0) return numWords(n);
  return DIGIT[Math.floor(n / 100)] + ' ' + (n % 100 < 10 ? 'oh ' + DIGIT[n % 10] : numWords(n % 100));
}
export function ipText(c, ip) {
  if (c.S !== 'asr') return ip;
  if (ip.includes(':')) {
    // hextets char by char; "::" said "double colon" or "colon colon"
    const dc = c.rng.chance(0.5) ? 'double colon' : 'colon colon';
    const parts = ip.split('::');
    const say = (p) => p.split(':').map((h) => h.split('').map((ch) => (/\d/.test(ch) ? (ch === '0' ? 'zero' : DIGIT[+ch]) : ch)).join(' ')).join(' colon ');
    return parts.map((p) => (p ? say(p) : '')).join(' ' + dc + ' ').replace(/\s+/g, ' ').trim();
  }
  return ip.split('.').map((o) => octetWords(c, o)).join(' dot ');
}

// ---------------------------------------------------------------- hard-negative renderers
export function moneyText(c, amount, cur = '$') {
  const whole = Math.floor(amount), cents = Math.round((amount - whole) * 100);
  if (c.S === 'asr') {
    const unit = { $: 'dollars', '£': 'pounds', '€': 'euros', 'C$': 'dollars' }[cur];
    const sub = { $: 'cents', '£': 'pence', '€': 'cent', 'C$': 'cents' }[cur];
    if (!cents) return numWords(whole, { and: cur === '£' }) + ' ' + unit;
    if (c.rng.chance(0.5)) return numWords(whole) + ' ' + numWords(cents);
    return numWords(whole, { and: cur === '£' }) + ' ' + unit + ' and ' + numWords(cents) + ' ' + sub;
  }
  return cur + (whole >= 1000 ? whole.toLocaleString('en-US') : whole) + (cents || c.rng.chance(0.3) ? '.' + String(cents).padStart(2, '0') : '');
}
export function timeText(c, h, m = 0) {
  const ap = h >= 12 ? 'PM' : 'AM'; const h12 = h % 12 || 12;
  if (c.S === 'asr') return numWords(h12) + (m ? ' ' + (m < 10 ? 'oh ' + DIGIT[m] : numWords(m)) : '') + (c.rng.chance(0.6) ? (ap === 'PM' ? ' p m' : ' a m') : (c.rng.chance(0.5) ? " o'clock" : ''));
  if (c.S === 'chat') return `${h12}${m ? ':' + String(m).padStart(2, '0') : ''}${c.rng.chance(0.5) ? ap.toLowerCase() : ''}`;
  return `${h12}${m ? ':' + String(m).padStart(2, '0') : ':00'} ${ap}`;
}
export function countText(c, n) { return c.S === 'asr' ? numWords(n) : (c.S === 'formatted' && n < 10 && c.rng.chance(0.5) ? numWords(n) : String(n)); }
export function refText(c, ref, { pairs = 0.2 } = {}) { // alnum reference read out
  if (c.S === 'asr') return spellAlnum(c, ref, { pairs, zero: 'oh' });
  return ref;
}
export function refCode(rng, pattern) { // pattern: A letter, 9 digit, other literal
  return pattern.split('').map((ch) => (ch === 'A' ? 'ABCDEFGHJKLMNPQRSTUVWXYZ'[rng.int(0, 23)] : ch === '9' ? String(rng.int(0, 9)) : ch)).join('');
}
export function imei(rng) { return luhnComplete(rng.pick(['35', '86', '01', '99']) + rng.digits(12)); }
export function iccid(rng) { return luhnComplete('8944' + rng.digits(14)); }
export function yearText(c, y) { return c.S === 'asr' ? yearWords(y, c.rng) : String(y); }
