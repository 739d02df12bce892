// Conversation builder: turns are assembled from plain text and labelled value parts, so every
// gold offset is computed from the final string (and then checked against it).
import { chance, pick, ascii, luhnOk, ibanOk, abaOk } from './values.mjs';

const CHAT_ABBR = [[/\byou\b/g, 'u'], [/\byour\b/g, 'ur'], [/\bplease\b/g, 'pls'], [/\bthanks\b/g, 'thx'],
  [/\bokay\b/g, 'ok'], [/\bbecause\b/g, 'bc'], [/\bright now\b/g, 'rn'], [/\bI don't know\b/g, 'idk'], [/\bto be honest\b/g, 'tbh']];
const EMOJI = [' 🙏', ' 😅', ' 👍', ' 🙂', ' 😩'];

function typo(s) {
  return s.replace(/\b([A-Za-z]{5,})\b/, (w) => {
    const i = w.length > 6 ? 2 : 1;
    return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  });
}

export class Conv {
  constructor(id, family, style) {
    this.id = id; this.family = family; this.style = style;
    this.turns = []; this.gold = []; this.nextEntity = 0;
  }
  get asr() { return this.style === 'asr'; }
  get chat() { return this.style === 'chat'; }
  eid() { return this.nextEntity++; }
  /** A labelled value part. Pieces of one entity split across turns pass the same entity id. */
  v(type, text, entity) { return { type, text, entity: entity ?? this.eid() }; }

  plain(s, speaker) {
    if (this.asr) {
      return ascii(s).toLowerCase().replace(/[.,?!;:"()]/g, '').replace(/ - /g, ' ').replace(/\s+/g, ' ');
    }
    if (this.chat && speaker === 'customer') {
      let t = s;
      for (const [re, rep] of CHAT_ABBR) if (chance(0.5)) t = t.replace(re, rep);
      if (chance(0.25)) t = typo(t);
      return t;
    }
    return s;
  }

  say(speaker, ...parts) {
    let text = '';
    const spans = [];
    for (const p of parts.flat()) {
      if (p == null || p === '') continue;
      if (typeof p === 'string') { text += this.plain(p, speaker); continue; }
      let val = p.text;
      if (this.asr) val = ascii(val).toLowerCase().replace(/-/g, ' ').replace(/[.,]/g, ''); // ASR output has no punctuation
      spans.push({ type: p.type, start: text.length, end: text.length + val.length, text: val, entity: p.entity });
      text += val;
    }
    // trim leading whitespace (shift offsets) and trailing whitespace
    const lead = text.length - text.trimStart().length;
    text = text.trimStart().trimEnd();
    if (this.asr) text = text.replace(/\s+$/, '');
    for (const s of spans) { s.start -= lead; s.end -= lead; }
    if (this.chat && speaker === 'customer') {
      if (chance(0.5)) {
        const low = text.toLowerCase();
        if (low.length === text.length) { text = low; for (const s of spans) s.text = text.slice(s.start, s.end); }
      }
      if (chance(0.12)) text += pick(EMOJI);
    }
    const turn = this.turns.length;
    this.turns.push({ speaker, text });
    for (const s of spans) this.gold.push({ type: s.type, turn, start: s.start, end: s.end, text: s.text, entity: s.entity });
    return this;
  }
  agent(...parts) { return this.say('agent', ...parts); }
  cust(...parts) { return this.say('customer', ...parts); }

  record() {
    // renumber entities in order of first appearance so ids are stable and dense
    const map = new Map();
    const gold = [...this.gold].sort((a, b) => a.turn - b.turn || a.start - b.start);
    for (const g of gold) if (!map.has(g.entity)) map.set(g.entity, map.size);
    for (const g of gold) g.entity = map.get(g.entity);
    return { id: this.id, split: 'heldout', family: this.family, style: this.style, turns: this.turns, gold };
  }
}

// a span may open with "(" (a phone area code), never with other punctuation or whitespace
const BAD_EDGE = /^[\s.,;:?!'")\-]|[\s.,;:?!'"(\-]$/;
export function assertGold(rec) {
  const pieces = new Map();
  for (const g of rec.gold) {
    const t = rec.turns[g.turn]?.text;
    if (t === undefined) throw new Error(`${rec.id}: bad turn ${g.turn}`);
    if (t.slice(g.start, g.end) !== g.text) throw new Error(`${rec.id}: span text mismatch ${JSON.stringify(g)} vs ${JSON.stringify(t.slice(g.start, g.end))}`);
    if (!g.text || BAD_EDGE.test(g.text)) throw new Error(`${rec.id}: span edge ${JSON.stringify(g.text)}`);
    if (g.type === 'PERSON' && /'s$/.test(g.text)) throw new Error(`${rec.id}: possessive inside ${g.text}`);
    if (g.type === 'PERSON' && /^(mr|ms|mrs|dr|miss)\b/i.test(g.text)) throw new Error(`${rec.id}: title inside ${g.text}`);
    pieces.set(g.entity, (pieces.get(g.entity) ?? new Set()).add(g.type));
  }
  for (const [e, types] of pieces) if (types.size !== 1) throw new Error(`${rec.id}: entity ${e} mixes types`);
  // checksums of digit-form values: a full card (13+ digits, all pieces joined) passes Luhn, an IBAN mod-97
  if (rec.style !== 'asr') {
    const joined = new Map();
    for (const g of rec.gold) joined.set(g.entity, (joined.get(g.entity) ?? '') + g.text);
    for (const g of rec.gold) {
      const v = joined.get(g.entity).replace(/[\s-]/g, '');
      if (g.type === 'CREDIT_CARD' && v.length >= 13 && !luhnOk(v)) throw new Error(`${rec.id}: card fails Luhn`);
      if (g.type === 'IBAN' && !ibanOk(v.toUpperCase())) throw new Error(`${rec.id}: IBAN fails mod-97`);
      if (g.type === 'ROUTING_NUMBER' && !abaOk(v)) throw new Error(`${rec.id}: routing fails ABA checksum`);
    }
  }
  // spans must not overlap within a turn
  const byTurn = {};
  for (const g of rec.gold) (byTurn[g.turn] ??= []).push(g);
  for (const list of Object.values(byTurn)) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 1; i < list.length; i++) if (list[i].start < list[i - 1].end) throw new Error(`${rec.id}: overlapping spans`);
  }
}
