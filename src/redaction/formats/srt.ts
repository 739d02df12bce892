import { readCaptions } from './captions.js';
import type { TranscriptFormat } from './types.js';

/** SubRip: numbered cues with `00:00:01,000 --> 00:00:02,500` timings (comma before the milliseconds). */
export const srtFormat: TranscriptFormat = {
  name: 'srt',
  sniff: (content) => /^(\uFEFF)?\s*\d+\r?\n\d{1,2}:\d{2}:\d{2},\d{1,3}\s+-->/.test(content),
  read: (content) => readCaptions('srt', content),
};
