import { isNegative, numberContext } from '../analysis/subject.js';
import type { Candidate, ConversationView, Detector, TurnView } from '../types.js';
import { candidate } from './candidate.js';

/**
 * IP addresses (any range, private included). IPv4 dotted quads on the normalized text, so "one
 * ninety two dot one sixty eight dot one dot ten" counts; every octet 0-255; a version number
 * ("version 10.2.0.1") is not an address. IPv6 per RFC 4291 text forms (with "::" compression).
 */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\p{L}\\p{N}.])${OCTET}(?:\\.${OCTET}){3}(?![\\p{L}\\p{N}]|\\.\\d)`, 'gu');
const IPV6_CANDIDATE = /(?<![\p{L}\p{N}:])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(?![\p{L}\p{N}:])/gu;

export function ipv6Valid(s: string): boolean {
  let text = s;
  // An embedded IPv4 tail (::ffff:192.0.2.1) counts as two groups.
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) text = text.slice(0, -(v4[1] as string).length) + '0:0';
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  for (const half of groups) for (const g of half) if (!/^[0-9a-f]{1,4}$/i.test(g)) return false;
  const count = groups.reduce((n, h) => n + h.length, 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

export const ipAddressDetector: Detector = {
  name: 'ip-address',
  types: ['IP_ADDRESS'],
  detect(conv: ConversationView): Candidate[] {
    const out: Candidate[] = [];
    for (const turn of conv.turns) {
      findV4(conv, turn, out);
      if (turn.normalized.text.includes(':')) findV6(turn, out);
    }
    return out;
  },
};

function findV4(conv: ConversationView, turn: TurnView, out: Candidate[]): void {
  const view = turn.normalized;
  if (!view.text.includes('.')) return;
  IPV4.lastIndex = 0;
  for (let m = IPV4.exec(view.text); m !== null; m = IPV4.exec(view.text)) {
    const [start, end] = view.toOriginal(m.index, m.index + m[0].length);
    const ctx = numberContext(conv, turn.index, start, end);
    if (ctx.near === 'negative' && /version|v\d|model|build/.test(turn.lower.slice(Math.max(0, start - 30), start))) continue;
    if (isNegative(ctx) && ctx.amountLike) continue;
    const spoken = turn.text.slice(start, end) !== m[0];
    out.push(candidate('IP_ADDRESS', turn.index, start, end, 'ipv4', 0.85, { validated: true, notes: spoken ? ['spoken'] : [] }));
  }
}

/** IPv6 on the normalized text, so a spoken address ("... colon d b eight colon colon e five") counts too. */
function findV6(turn: TurnView, out: Candidate[]): void {
  const view = turn.normalized;
  const text = view.text;
  IPV6_CANDIDATE.lastIndex = 0;
  for (let m = IPV6_CANDIDATE.exec(text); m !== null; m = IPV6_CANDIDATE.exec(text)) {
    const s = m[0].replace(/[.:]+$/, (tail) => (tail.startsWith('::') ? tail.slice(0, 2) : ''));
    if (!ipv6Valid(s)) continue;
    // "10:30:00" is a time: require hex letters, "::", or eight groups.
    if (!/[a-f]/i.test(s) && !s.includes('::') && s.split(':').length < 8) continue;
    const [start, end] = view.toOriginal(m.index, m.index + s.length);
    const spoken = turn.text.slice(start, end) !== s;
    out.push(candidate('IP_ADDRESS', turn.index, start, end, 'ipv6', 0.85, { validated: true, notes: spoken ? ['spoken'] : [] }));
  }
}
