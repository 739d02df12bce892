import { readCaptions } from './captions.js';
import type { TranscriptFormat } from './types.js';

/** WebVTT captions (W3C WebVTT): the file starts with `WEBVTT`. */
export const webvttFormat: TranscriptFormat = {
  name: 'webvtt',
  sniff: (content) => /^(\uFEFF)?WEBVTT(\s|$)/.test(content),
  read: (content) => readCaptions('webvtt', content),
};
