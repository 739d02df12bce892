import { isObject, stringifyLike } from './json.js';
import { keyedRewrites, localRewrites, touches, type KeyedRewrites } from './timed-words.js';
import type { DocumentTurn, TimedWord, TranscriptFormat } from './types.js';
import { locateWords, rewriteWithWords, spliceEdits, type Range } from './words.js';

interface DgWord {
  word: string;
  punctuated_word?: string;
  start: number;
  end: number;
  speaker?: number;
  [k: string]: unknown;
}
interface DgSentence { text: string; start: number; end: number }
interface DgAlternative {
  transcript: string;
  words?: DgWord[];
  paragraphs?: { transcript?: string; paragraphs?: { sentences?: DgSentence[]; [k: string]: unknown }[] };
  [k: string]: unknown;
}
interface DgUtterance { transcript: string; channel?: number; speaker?: number; start: number; end: number; words?: DgWord[]; [k: string]: unknown }

const shown = (w: DgWord) => w.punctuated_word ?? w.word;
const wordKey = (channel: number, w: DgWord) => `${channel}|${w.start}|${w.end}`;

/** Word ranges in a text: punctuated words, else plain words; null if neither is found in order. */
function rangesIn(text: string, words: readonly DgWord[]): Range[] | null {
  return locateWords(text, words.map(shown)) ?? locateWords(text, words.map((w) => w.word));
}

/** Rewrites a string built from `words`, or rebuilds it from the rewritten words if they cannot be found in it. */
function rewriteString(text: string, words: readonly DgWord[], keys: readonly string[], rw: KeyedRewrites, rebuilt: () => string): string {
  if (!touches(keys, rw)) return text;
  const local = localRewrites(keys, rw);
  return rewriteWithWords(text, words.map(shown), local) ?? rewriteWithWords(text, words.map((w) => w.word), local) ?? rebuilt();
}

function rewriteWords(words: readonly DgWord[], keys: readonly string[], rw: KeyedRewrites, endOf: Map<string, number>): DgWord[] {
  return words.flatMap((w, i) => {
    const key = keys[i]!;
    if (rw.removed.has(key)) return [];
    const head = rw.heads.get(key);
    if (!head) return [w];
    const out: DgWord = { ...w, word: head.text, end: endOf.get(head.lastKey) ?? w.end };
    if (w.punctuated_word !== undefined) out.punctuated_word = head.text;
    return [out];
  });
}

/**
 * Deepgram pre-recorded JSON: `results.channels[].alternatives[]` (transcript, words, paragraphs)
 * and `results.utterances` when requested. Turns are the utterances when there are any (speaker and
 * channel known), else the channels' words interleaved by time, a turn per change of channel or speaker. The same words are repeated in every list; each list
 * and each transcript string is rewritten, matched by channel and word times.
 */
export const deepgramFormat: TranscriptFormat = {
  name: 'deepgram',
  sniff: (_c, json) => isObject(json) && isObject(json.results) && Array.isArray(json.results.channels),
  read(source, json) {
    const doc = json as { results: { channels: { alternatives: DgAlternative[] }[]; utterances?: DgUtterance[] } & Record<string, unknown> };
    const { channels, utterances } = doc.results;
    const turns: DocumentTurn[] = [];
    const keys: string[][] = [];
    const ranges: Range[][] = [];
    /** Turns whose text is not in the file (rebuilt from words): their strings come from words on write. */
    const textOnly: { turn: number; channel: number }[] = [];
    const addTurn = (text: string, words: DgWord[], channel: number, speaker: number | undefined) => {
      let r = rangesIn(text, words);
      if (!r) {
        text = words.map(shown).join(' ');
        r = locateWords(text, words.map(shown))!;
      }
      const timed: TimedWord[] = words.map((w, i) => ({ ...r[i]!, startTime: w.start, endTime: w.end }));
      turns.push({ text, channel, ...(speaker !== undefined ? { speaker: `speaker ${speaker}` } : {}), words: timed, ...(words.length ? { startTime: words[0]!.start, endTime: words[words.length - 1]!.end } : {}) });
      keys.push(words.map((w) => wordKey(channel, w)));
      ranges.push(r);
    };
    if (utterances && utterances.length > 0) {
      for (const u of utterances) addTurn(u.transcript, u.words ?? [], u.channel ?? 0, u.speaker);
    } else {
      // No utterances: interleave the words of every channel by time and cut a turn at each change
      // of channel or speaker, so an agent's question precedes the customer's answer as in the call.
      const timed: { word: DgWord; channel: number }[] = [];
      channels.forEach((ch, c) => {
        const alt = ch.alternatives[0];
        if (!alt) return;
        if (!alt.words || alt.words.length === 0) {
          textOnly.push({ turn: turns.length, channel: c });
          turns.push({ text: alt.transcript, channel: c });
          keys.push([]);
          ranges.push([]);
        } else for (const word of alt.words) timed.push({ word, channel: c });
      });
      timed.sort((a, b) => a.word.start - b.word.start || a.channel - b.channel);
      let run: DgWord[] = [];
      let runChannel = -1;
      const flush = () => {
        if (run.length > 0) addTurn(run.map(shown).join(' '), run, runChannel, run[0]!.speaker);
        run = [];
      };
      for (const { word, channel } of timed) {
        if (run.length > 0 && (channel !== runChannel || word.speaker !== run[0]!.speaker)) flush();
        runChannel = channel;
        run.push(word);
      }
      flush();
    }
    // A summary (summarize=v2) retells the call and can repeat names and numbers: redacted as a last turn.
    const summary = doc.results.summary as { short?: unknown } | undefined;
    const summaryTurn = isObject(summary) && typeof summary.short === 'string' ? turns.length : -1;
    if (summaryTurn >= 0) {
      turns.push({ text: summary!.short as string });
      keys.push([]);
      ranges.push([]);
    }
    return {
      format: 'deepgram',
      turns,
      write(edits) {
        if (edits.length === 0) return stringifyLike(source, doc);
        const rw = keyedRewrites(turns, keys, ranges, edits);
        const endOf = new Map<string, number>();
        const note = (c: number, ws: readonly DgWord[] | undefined) => ws?.forEach((w) => endOf.set(wordKey(c, w), w.end));
        channels.forEach((ch, c) => ch.alternatives.forEach((a) => note(c, a.words)));
        utterances?.forEach((u) => note(u.channel ?? 0, u.words));
        const join = (ws: readonly DgWord[]) => ws.map(shown).join(' ');

        const newChannels = channels.map((ch, c) => ({
          ...ch,
          alternatives: ch.alternatives.map((alt, a) => {
            const only = a === 0 ? textOnly.find((t) => t.channel === c) : undefined;
            if (only) {
              const own = edits.filter((e) => e.turn === only.turn);
              return own.length ? { ...alt, transcript: spliceEdits(alt.transcript, own) } : alt;
            }
            const words = alt.words ?? [];
            const k = words.map((w) => wordKey(c, w));
            if (!touches(k, rw)) return alt;
            const newWords = rewriteWords(words, k, rw, endOf);
            const out: DgAlternative = { ...alt, words: newWords, transcript: rewriteString(alt.transcript, words, k, rw, () => join(newWords)) };
            if (alt.paragraphs) {
              const p = alt.paragraphs;
              out.paragraphs = {
                ...p,
                ...(p.transcript !== undefined ? { transcript: rewriteString(p.transcript, words, k, rw, () => join(newWords)) } : {}),
                ...(p.paragraphs
                  ? {
                      paragraphs: p.paragraphs.map((para) => ({
                        ...para,
                        ...(para.sentences
                          ? {
                              sentences: para.sentences.map((s) => {
                                const inside = words.filter((w) => w.start >= s.start && w.end <= s.end);
                                const ik = inside.map((w) => wordKey(c, w));
                                return { ...s, text: rewriteString(s.text, inside, ik, rw, () => join(rewriteWords(inside, ik, rw, endOf))) };
                              }),
                            }
                          : {}),
                      })),
                    }
                  : {}),
              };
            }
            return out;
          }),
        }));
        const results: Record<string, unknown> = { ...doc.results, channels: newChannels };
        const summaryEdits = edits.filter((e) => e.turn === summaryTurn);
        if (summaryEdits.length > 0) results.summary = { ...summary, short: spliceEdits(summary!.short as string, summaryEdits) };
        if (utterances) {
          results.utterances = utterances.map((u) => {
            const words = u.words ?? [];
            const k = words.map((w) => wordKey(u.channel ?? 0, w));
            if (!touches(k, rw)) return u;
            const newWords = rewriteWords(words, k, rw, endOf);
            return { ...u, words: newWords, transcript: rewriteString(u.transcript, words, k, rw, () => join(newWords)) };
          });
        }
        return stringifyLike(source, { ...doc, results });
      },
    };
  },
};
