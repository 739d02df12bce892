import type { NormalizedView, Token } from '../types.js';
import { OffsetMapBuilder, identityView } from './offset-map.js';
import { buildUnits, connectorSymbol, type Unit } from './units.js';

/**
 * Rewrites a turn the way it was meant: spoken numbers as digits, spelled letters joined, spoken
 * emails and addresses as typed ("john dot smith at gmail dot com" -> "john.smith@gmail.com",
 * "one ninety two dot one sixty eight dot one dot ten" -> "192.168.1.10"), with an exact map back.
 */

const TLDS = new Set([
  'com', 'net', 'org', 'edu', 'gov', 'io', 'co', 'uk', 'us', 'ca', 'de', 'fr', 'es', 'it', 'nl', 'be', 'ch',
  'at', 'au', 'nz', 'ie', 'in', 'info', 'biz', 'me', 'mx', 'br', 'jp', 'pl', 'se', 'no', 'dk', 'fi', 'pt',
  'fm', 'tv', 'ai', 'ly', 'gg', 'cz', 'sk', 'hu', 'ro', 'gr', 'tr', 'ru', 'ua', 'za', 'ng', 'ke', 'kr', 'cn', 'hk', 'sg', 'tw',
  'vn', 'ph', 'id', 'my', 'th', 'ar', 'cl', 'pe', 'ae', 'sa', 'il', 'lt', 'lv', 'ee', 'is', 'lu', 'si', 'hr', 'rs', 'bg',
]);

const NUMERIC_KINDS = new Set(['number', 'digits', 'spelled']);
const LABEL_KINDS = new Set(['word', 'number', 'digits', 'spelled']);

/**
 * Cheap prefilter on the lower-cased text: a number word, a connector or a single letter other than
 * "a"/"i". Most formatted and chat turns have none and skip normalization (and tokenization).
 */
const REWRITE_HINT = new RegExp(
  String.raw`\b(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|double|triple|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|dot|point|underscore|dash|hyphen|slash|colon|plus|[b-hj-z])\b`,
);

export function needsRewrite(lower: string): boolean {
  return REWRITE_HINT.test(lower);
}

export function buildNormalizedView(text: string, tokens: readonly Token[]): NormalizedView {
  const units = buildUnits(text, tokens);
  // join[k]: unit k and k+1 are one value (drop the separator); symbol[k]: a connector's rendering.
  const join = new Array<boolean>(units.length).fill(false);
  const symbol = new Array<string | undefined>(units.length).fill(undefined);
  markEmails(units, join, symbol);
  markIpv6(units, join, symbol);
  markConnectors(units, join, symbol);
  if (!units.some((u) => u.pieces !== undefined) && !join.some(Boolean)) return identityView(text);

  const out = new OffsetMapBuilder();
  let cursor = 0;
  for (let k = 0; k < units.length; k++) {
    const u = units[k] as Unit;
    const joinedToPrev = k > 0 && join[k - 1] === true;
    if (!joinedToPrev) out.copy(text, cursor, u.start);
    const sym = symbol[k];
    if (sym !== undefined) out.replace(sym, u.start, u.end);
    else if (u.pieces !== undefined) for (const p of u.pieces) out.replace(p.text, p.from, p.to);
    else out.copy(text, u.start, u.end);
    cursor = u.end;
  }
  out.copy(text, cursor, text.length);
  return out.build();
}

/**
 * A spoken IPv6 address: hex groups said as numbers and letters between "colon"s ("two zero oh one
 * colon d b eight colon colon e five" -> "2001:db8::e5"). Needs two colons; the address validator
 * decides whether the result is an address.
 */
function markIpv6(units: readonly Unit[], join: boolean[], symbol: (string | undefined)[]): void {
  const colonWord = (u: Unit | undefined): boolean => u !== undefined && u.kind === 'conn' && u.rendered.toLowerCase() === 'colon';
  // "f e eight zero double colon eight five one f": "double colon" is "::".
  const isColon = (x: number): boolean => colonWord(units[x]) || (units[x]?.kind === 'word' && units[x]?.rendered.toLowerCase() === 'double' && colonWord(units[x + 1]));
  const isHex = (u: Unit | undefined): boolean =>
    u !== undefined && (u.kind === 'number' || u.kind === 'digits' || u.kind === 'spelled' || (u.kind === 'word' && /^[a-f]$/i.test(u.rendered)));
  for (let k = 0; k < units.length; k++) {
    if (!isHex(units[k])) continue;
    let end = k;
    let colons = 0;
    while (isHex(units[end + 1]) || isColon(end + 1)) {
      end += 1;
      if (isColon(end)) colons += 1;
    }
    while (end > k && isColon(end) && !isColon(end - 1)) {
      end -= 1;
      colons -= 1;
    }
    if (colons >= 2) {
      for (let x = k; x < end; x++) join[x] = true;
      for (let x = k; x <= end; x++) if (isColon(x)) symbol[x] = ':';
    }
    k = end;
  }
}

/** "x dot y", "x underscore y", "x dash y" between dictated values (numbers, spelled runs); "plus 44 ..." */
function markConnectors(units: readonly Unit[], join: boolean[], symbol: (string | undefined)[]): void {
  for (let k = 0; k + 1 < units.length; k++) {
    const u = units[k] as Unit;
    if (u.kind === 'word' && u.rendered.toLowerCase() === 'plus' && (units[k + 1] as Unit).kind === 'number') {
      symbol[k] = '+';
      join[k] = true;
    }
  }
  for (let k = 1; k + 1 < units.length; k++) {
    const c = units[k] as Unit;
    if (c.kind !== 'conn' || symbol[k] !== undefined || c.rendered.toLowerCase() === 'colon') continue;
    const lower = c.rendered.toLowerCase();
    const prev = units[k - 1] as Unit;
    const next = units[k + 1] as Unit;
    const sym = connectorSymbol(lower) as string;
    const ok =
      lower === 'underscore'
        ? LABEL_KINDS.has(prev.kind) && LABEL_KINDS.has(next.kind)
        : NUMERIC_KINDS.has(prev.kind) && NUMERIC_KINDS.has(next.kind) && (prev.kind !== 'digits' || next.kind !== 'digits');
    if (!ok) continue;
    symbol[k] = sym;
    join[k - 1] = true;
    join[k] = true;
  }
}

/**
 * "<local> at <label> dot <tld>": the local part is one word or dictated value, optionally
 * followed by numbers ("swift eight oh"), extended backwards over connectors ("john dot smith").
 */
function markEmails(units: readonly Unit[], join: boolean[], symbol: (string | undefined)[]): void {
  for (let k = 1; k < units.length - 2; k++) {
    if ((units[k] as Unit).kind !== 'at') continue;
    const domainEnd = scanDomain(units, k + 1);
    if (domainEnd < 0) continue;
    const localStart = scanLocal(units, k - 1);
    if (localStart < 0) continue;
    for (let x = localStart; x < domainEnd; x++) join[x] = true;
    symbol[k] = '@';
    for (let x = localStart; x <= domainEnd; x++) {
      const u = units[x] as Unit;
      if (u.kind === 'conn') symbol[x] = connectorSymbol(u.rendered.toLowerCase());
    }
    k = domainEnd;
  }
}

/** Returns the index of the last unit of the domain (a known TLD after at least one dot), or -1. */
function scanDomain(units: readonly Unit[], from: number): number {
  let k = from;
  let dots = 0;
  let lastLabelEnd = -1;
  for (;;) {
    // A label is one to three adjacent units: "gmail", "i cloud", "g m x".
    let n = 0;
    let tldAt = -1;
    while (n < 3 && units[k + n] !== undefined && LABEL_KINDS.has((units[k + n] as Unit).kind)) {
      n += 1;
      if (dots > 0 && TLDS.has((units[k + n - 1] as Unit).rendered.toLowerCase())) {
        tldAt = k + n - 1;
        break;
      }
    }
    if (n === 0) break;
    // A country-code TLD spelled letter by letter ("dot c a", "dot f m"): every ccTLD has two letters.
    const u = units[k] as Unit;
    if (dots > 0 && tldAt < 0 && n === 1 && u.kind === 'spelled' && u.rendered.length === 2) tldAt = k;
    const labelLast = k + n - 1;
    if (tldAt >= 0) lastLabelEnd = tldAt;
    const conn = units[labelLast + 1];
    if (conn === undefined || conn.kind !== 'conn' || !/^(dot|period)$/i.test(conn.rendered)) break;
    dots += 1;
    k = labelLast + 2;
    if (dots > 3) break;
  }
  return lastLabelEnd;
}

function scanLocal(units: readonly Unit[], from: number): number {
  const isValue = (u: Unit | undefined): u is Unit =>
    u !== undefined && LABEL_KINDS.has(u.kind) && !(u.kind === 'word' && STOP_LOCAL.has(u.rendered.toLowerCase()));
  let k = from;
  let start = -1;
  // Up to four values back: ASR often drops the dot ("r walker at gmail dot com", "olga l seven oh one").
  let bare = 0;
  while (isValue(units[k])) {
    start = k;
    const prev = units[k - 1];
    // "hello dot lina": a word joined by a connector is part of the address even if it is common.
    if (prev !== undefined && prev.kind === 'conn') {
      if (isValue(units[k - 2])) {
        k -= 2;
        continue;
      }
      if (joinableWord(units[k - 2])) start = k - 2;
      break;
    }
    if (bare >= 3 || !isValue(prev)) break;
    bare += 1;
    k -= 1;
  }
  return start;
}

/** A common word that can still open a local part when a connector follows it ("hello dot", "info dot"). */
function joinableWord(u: Unit | undefined): boolean {
  return u !== undefined && u.kind === 'word' && !NEVER_LOCAL.has(u.rendered.toLowerCase());
}
const NEVER_LOCAL = new Set(['is', "it's", 'its', 'email', 'e-mail', 'mail', 'address', 'at', 'to', 'was', 'be', 'and', 'or', 'my', 'your', 'the']);

/** Words that end an email's local part when walking backwards ("my email is john at ..."). */
const STOP_LOCAL = new Set([
  'is', "it's", 'its', 'email', 'e-mail', 'mail', 'address', 'me', 'at', 'to', 'the', 'my', 'your', 'that', "that's", 'yes', 'yeah', 'yep',
  'sure', 'and', 'use', 'was', 'try', 'so', 'ok', 'okay', 'um', 'uh', 'oh', 'please', 'correct', 'thing', 'be', 'should', 'would', 'will',
  'send', 'it', 'an', 'i', 'you', 'we', 'of', 'on', 'in', 'for', 'with', 'or', 'but', 'then', 'new', 'one', 'just', 'now', 'actually',
  "i'm", 'am', 'are', 'have', 'has', 'got', 'there', 'here', 'hi', 'hello', 'right', 'no', 'not', 'still', 'also', 'via', 'from', 'by',
]);
