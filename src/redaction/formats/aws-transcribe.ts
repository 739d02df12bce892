import { isObject, stringifyLike } from './json.js';
import { keyedRewrites, localRewrites, touches } from './timed-words.js';
import { FormatError, type DocumentTurn, type TimedWord, type TranscriptFormat } from './types.js';
import { rewriteWithWords, type Range } from './words.js';

interface AwsItem {
  id?: number | string;
  type: 'pronunciation' | 'punctuation';
  start_time?: string;
  end_time?: string;
  speaker_label?: string;
  channel_label?: string;
  alternatives: { content: string; confidence?: string }[];
}
type Labelled = { start_time?: string; end_time?: string; speaker_label?: string; channel_label?: string; alternatives?: { content: string }[] };

const timeKey = (i: { start_time?: string; end_time?: string }) => `${i.start_time}|${i.end_time}`;
const content = (i: AwsItem) => i.alternatives[0]?.content ?? '';
/** "ch_1" -> 1 */
const channelNumber = (label: string | undefined) => Number(/(\d+)$/.exec(label ?? '')?.[1] ?? 0);

/** Items as AWS writes a transcript: words separated by spaces, punctuation attached. */
function joinItems(items: readonly AwsItem[]): { text: string; ranges: Range[] } {
  let text = '';
  const ranges: Range[] = [];
  for (const item of items) {
    if (item.type !== 'punctuation' && text.length > 0) text += ' ';
    ranges.push({ start: text.length, end: text.length + content(item).length });
    text += content(item);
  }
  return { text, ranges };
}

/**
 * Amazon Transcribe batch output: `results.transcripts`, `results.items` (words with
 * start_time/end_time and punctuation), speaker diarization (`speaker_labels`, or `speaker_label`
 * on items), channel identification (`channel_labels`, or `channel_label` on items), and
 * `audio_segments` when present. A turn is a run of items of one speaker on one channel.
 * A redacted run of words becomes one item (first start, last end); every place the words are
 * repeated (transcripts, channel item lists, audio segments) is rewritten the same way.
 */
export const awsTranscribeFormat: TranscriptFormat = {
  name: 'aws-transcribe',
  sniff: (_c, json) => isObject(json) && isObject(json.results) && Array.isArray(json.results.items) && Array.isArray(json.results.transcripts),
  read(source, json) {
    const doc = json as { results: Record<string, unknown> & { items: AwsItem[]; transcripts: { transcript: string }[] } };
    const results = doc.results;
    const items = results.items;
    items.forEach((item, i) => {
      if (!isObject(item) || !Array.isArray(item.alternatives) || typeof item.alternatives[0]?.content !== 'string') {
        throw new FormatError('aws-transcribe', `results.items.${i}`, 'expected alternatives[0].content');
      }
    });
    const speakerByTime = new Map<string, string>();
    const speakerSegments = (results.speaker_labels as { segments?: { items?: Labelled[] }[] } | undefined)?.segments ?? [];
    for (const seg of speakerSegments) for (const it of seg.items ?? []) if (it.speaker_label) speakerByTime.set(timeKey(it), it.speaker_label);
    const channelByTime = new Map<string, string>();
    const channels = (results.channel_labels as { channels?: { channel_label: string; items?: Labelled[] }[] } | undefined)?.channels ?? [];
    for (const ch of channels) for (const it of ch.items ?? []) channelByTime.set(timeKey(it), ch.channel_label);

    // Group items into turns (punctuation belongs to the word before it).
    const groups: { speaker?: string; channel: number; first: number; items: AwsItem[] }[] = [];
    let speaker: string | undefined;
    let channel = 0;
    items.forEach((item, i) => {
      if (item.type === 'pronunciation') {
        speaker = item.speaker_label ?? speakerByTime.get(timeKey(item)) ?? speaker;
        channel = channelNumber(item.channel_label ?? channelByTime.get(timeKey(item)));
      }
      const last = groups[groups.length - 1];
      if (last && (item.type === 'punctuation' || (last.speaker === speaker && last.channel === channel))) last.items.push(item);
      else groups.push({ ...(speaker ? { speaker } : {}), channel, first: i, items: [item] });
    });
    const ranges: Range[][] = [];
    const keys: string[][] = [];
    const turns = groups.map((g): DocumentTurn => {
      const joined = joinItems(g.items);
      ranges.push(joined.ranges);
      keys.push(g.items.map((_, k) => String(g.first + k)));
      const words: TimedWord[] = [];
      g.items.forEach((it, k) => {
        if (it.start_time !== undefined && it.end_time !== undefined) words.push({ ...joined.ranges[k]!, startTime: Number(it.start_time), endTime: Number(it.end_time) });
      });
      return { text: joined.text, ...(g.speaker ? { speaker: g.speaker } : {}), channel: g.channel, words, ...(words.length ? { startTime: words[0]!.startTime, endTime: words[words.length - 1]!.endTime } : {}) };
    });

    return {
      format: 'aws-transcribe',
      turns,
      write(edits) {
        if (edits.length === 0) return stringifyLike(source, doc);
        const rw = keyedRewrites(turns, keys, ranges, edits);
        const allKeys = items.map((_, i) => String(i));
        const byTime = new Map<string, { text?: string; end?: string; removed?: true }>();
        const newItems: AwsItem[] = [];
        items.forEach((item, i) => {
          const head = rw.heads.get(String(i));
          if (rw.removed.has(String(i))) {
            byTime.set(timeKey(item), { removed: true });
            return;
          }
          if (!head) return newItems.push(item);
          const last = items[Number(head.lastKey)]!;
          const end = last.end_time ?? item.end_time;
          byTime.set(timeKey(item), { text: head.text, ...(end !== undefined ? { end } : {}) });
          newItems.push({ ...item, ...(end !== undefined ? { end_time: end } : {}), alternatives: item.alternatives.map((a) => ({ ...a, content: head.text })) });
        });
        const local = localRewrites(allKeys, rw);
        const transcripts = results.transcripts.map((t) => ({
          ...t,
          transcript: rewriteWithWords(t.transcript, items.map(content), local) ?? joinItems(newItems).text,
        }));
        // Copies of the items under speaker and channel labels: same change, matched by time.
        const relabel = <T extends Labelled>(list: T[] | undefined): T[] | undefined =>
          list?.flatMap((it) => {
            const change = it.start_time !== undefined ? byTime.get(timeKey(it)) : undefined;
            if (!change) return [it];
            if (change.removed) return [];
            return [{ ...it, ...(change.end ? { end_time: change.end } : {}), ...(it.alternatives ? { alternatives: it.alternatives.map((a) => ({ ...a, content: change.text! })) } : {}) }];
          });
        const out: Record<string, unknown> = { ...results, transcripts, items: newItems };
        if (isObject(results.speaker_labels) && Array.isArray(results.speaker_labels.segments)) {
          out.speaker_labels = { ...results.speaker_labels, segments: (results.speaker_labels.segments as { items?: Labelled[] }[]).map((s) => ({ ...s, items: relabel(s.items) })) };
        }
        if (isObject(results.channel_labels) && Array.isArray(results.channel_labels.channels)) {
          out.channel_labels = { ...results.channel_labels, channels: (results.channel_labels.channels as { items?: Labelled[] }[]).map((c) => ({ ...c, items: relabel(c.items) })) };
        }
        if (Array.isArray(results.audio_segments)) {
          const indexById = new Map(items.map((it, i) => [String(it.id ?? i), i]));
          out.audio_segments = (results.audio_segments as { transcript?: string; items?: (number | string)[] }[]).map((seg) => {
            const idx = (seg.items ?? []).map((id) => indexById.get(String(id))).filter((i): i is number => i !== undefined);
            const segKeys = idx.map(String);
            if (!touches(segKeys, rw)) return seg;
            const kept = idx.filter((i) => !rw.removed.has(String(i)));
            const segItems = kept.map(newItemsAt);
            return { ...seg, items: kept.map((i) => items[i]!.id ?? i), transcript: joinItems(segItems).text };
          });
        }
        function newItemsAt(i: number): AwsItem {
          const head = rw.heads.get(String(i));
          const item = items[i]!;
          return head ? { ...item, alternatives: item.alternatives.map((a) => ({ ...a, content: head.text })) } : item;
        }
        return stringifyLike(source, { ...doc, results: out });
      },
    };
  },
};
