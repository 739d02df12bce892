/**
 * Lexicons for the PERSON, ADDRESS and POSTAL_CODE detectors, built once on first use from the
 * generated data files (scripts/build-lexicons.ts) and a few short lists of our own.
 * Every lookup is a Set.has on a lower-cased word.
 */
import { COMMON_WORDS } from './common-words.js';
import { CITIES } from './data/cities.js';
import { COUNTRIES } from './data/countries.js';
import { PROPER_NOUNS } from './data/proper-nouns.js';
import { ENGLISH_WORDS } from './data/english-words.js';
import { FIRST_NAMES } from './data/first-names.js';
import { LAST_NAMES } from './data/last-names.js';
import { REGION_ABBREVIATIONS } from './data/region-abbr.js';
import { REGIONS } from './data/regions.js';
import { STREET_SUFFIXES } from './data/street-suffixes.js';
import { UK_CITIES } from './uk-cities.js';
import { VOCABULARY } from './data/vocabulary.js';

export interface Lexicons {
  /** Given and family names of many cultures (faker locales). */
  readonly names: ReadonlySet<string>;
  /** Everyday English words: a name that is one of them needs context ("bill", "may", "young"). */
  readonly common: ReadonlySet<string>;
  /** English words that are also proper nouns ("john", "china"): not evidence of a name alone. */
  readonly vocabulary: ReadonlySet<string>;
  /** City names (US, Canada, UK); multi-word ones joined with one space. */
  readonly cities: ReadonlySet<string>;
  /** States, provinces, counties and nations, full names (multi-word joined with one space). */
  readonly regions: ReadonlySet<string>;
  /** Dictionary proper nouns that are not known names (places, nationalities, brands). */
  readonly properNouns: ReadonlySet<string>;
  /** Countries (multi-word joined with one space). */
  readonly countries: ReadonlySet<string>;
  /** Two-letter state and province abbreviations. */
  readonly regionAbbreviations: ReadonlySet<string>;
  /** Street type words and their USPS / Royal Mail abbreviations. */
  readonly streetSuffixes: ReadonlySet<string>;
}

/** USPS Publication 28 abbreviations and UK short forms of the commonest street types. */
const STREET_ABBREVIATIONS =
  'bend vennel wynd brae loan gait pend chase drove crest knoll hollow gardens boulevard camino real alameda expressway jalan road street avenue drive lane court place terrace way circle parkway highway close crescent square trail alley plaza row st ave av rd blvd ln dr ct pl ter terr pkwy pky cir hwy sq trl tr cres cl gdns gr pde wy aly xing expy fwy crk hts plz pt rte tpke cv lp bnd byp ctr cswy frwy grv hbr holw jct ldg mdws mnr mtn orch pass pike pt rdg run spg sta strm trce vw vis vlg way walk row mews broadway';

/** Regions faker's state lists lack: US federal district and territories, Australian states. */
const EXTRA_REGIONS = [
  'district of columbia', 'puerto rico', 'guam', 'new south wales', 'victoria', 'queensland', 'western australia', 'south australia', 'tasmania', 'australian capital territory', 'northern territory',
];

let cached: Lexicons | undefined;

const lines = (text: string): string[] => text.split('\n');

/** The lexicons, built on the first call (about 40k names; a few milliseconds). */
export function lexicons(): Lexicons {
  if (cached) return cached;
  const common = new Set<string>([...COMMON_WORDS, ...lines(ENGLISH_WORDS)]);
  const names = new Set<string>([...lines(FIRST_NAMES), ...lines(LAST_NAMES)]);
  const suffixes = new Set<string>([...lines(STREET_SUFFIXES), ...STREET_ABBREVIATIONS.split(' ')]);
  cached = {
    names,
    common,
    vocabulary: new Set(lines(VOCABULARY)),
    cities: new Set([...lines(CITIES), ...UK_CITIES]),
    regions: new Set([...lines(REGIONS), ...EXTRA_REGIONS]),
    properNouns: new Set(lines(PROPER_NOUNS)),
    countries: new Set([...lines(COUNTRIES), 'america', 'usa', 'uk', 'britain', 'england']),
    regionAbbreviations: new Set([...lines(REGION_ABBREVIATIONS), 'dc', 'pr']),
    streetSuffixes: suffixes,
  };
  return cached;
}

/** Inflection endings and what the base word ends with instead ("refunded" -> "refund", "cities" -> "city"). */
const INFLECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['s', ''], ['es', ''], ['ies', 'y'], ['ed', ''], ['ed', 'e'], ['ied', 'y'], ['ing', ''], ['ing', 'e'],
  ['ly', ''], ['ily', 'y'], ['er', ''], ['er', 'e'], ['ers', ''], ['est', ''], ['ness', ''], ['ment', ''], ["'s", ''], ["'ll", ''], ["'re", ''], ["'ve", ''], ["'d", ''],
];

/** Prefixes Hunspell adds by flag ("report" is "re" + "port", "unlimited" is "un" + "limited"). */
const PREFIXES = ['re', 'un', 'dis', 'in', 'im', 'non', 'pre', 'mis', 'over', 'under', 'out', 'de', 'co', 'sub', 'super', 'inter', 'anti', 'multi', 'self-'];

/** true for an English word or an inflection of one (Hunspell lists base forms only). */
export function isEnglishWord(lower: string): boolean {
  if (isInflected(lower)) return true;
  for (const prefix of PREFIXES) {
    if (lower.length - prefix.length >= 4 && lower.startsWith(prefix) && isInflected(lower.slice(prefix.length))) return true;
  }
  return false;
}

function isInflected(lower: string): boolean {
  const { common, vocabulary } = lexicons();
  if (common.has(lower) || vocabulary.has(lower)) return true;
  for (const [ending, base] of INFLECTIONS) {
    if (lower.length > ending.length + 2 && lower.endsWith(ending)) {
      const stem = lower.slice(0, -ending.length) + base;
      if (common.has(stem) || vocabulary.has(stem)) return true;
      // "stopped" -> "stop": doubled final consonant.
      if ((ending === 'ed' || ending === 'ing' || ending === 'er') && base === '' && stem.length > 3 && stem[stem.length - 1] === stem[stem.length - 2] && common.has(stem.slice(0, -1))) return true;
    }
  }
  return false;
}

/** Longest number of words in a multi-word city or region ("newfoundland and labrador"). */
export const MAX_PLACE_WORDS = 4;
