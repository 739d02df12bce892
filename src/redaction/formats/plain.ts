import { linesWithOffsets, SPEAKER_PREFIX, spliceSource } from './splice.js';
import type { DocumentTurn, TranscriptFormat } from './types.js';

/**
 * Plain text. A dialogue ("Agent: ...", one speaker line after another, at least half the lines
 * labelled) becomes one turn per line with its speaker; any other text is one turn, so an address
 * broken over lines is still seen whole.
 */
export const plainTextFormat: TranscriptFormat = {
  name: 'text',
  sniff: () => true,
  read(content) {
    const lines = linesWithOffsets(content).filter((l) => l.text.trim().length > 0);
    const labelled = lines.filter((l) => SPEAKER_PREFIX.test(l.text)).length;
    const turns: DocumentTurn[] = [];
    const offsets: number[] = [];
    if (lines.length > 1 && labelled * 2 >= lines.length) {
      for (const l of lines) {
        const m = SPEAKER_PREFIX.exec(l.text);
        const skip = m ? m[0].length : 0;
        turns.push(m ? { speaker: m[1]!, text: l.text.slice(skip) } : { text: l.text });
        offsets.push(l.start + skip);
      }
    } else {
      turns.push({ text: content });
      offsets.push(0);
    }
    return { format: 'text', turns, write: (edits) => spliceSource(content, offsets, edits) };
  },
};
