/**
 * The audio engine: reads and writes call recordings (WAV: PCM 8/16-bit, G.711 µ-law and A-law,
 * 8–48 kHz, mono or one channel per party), redacts time spans, finds and masks keypad (DTMF)
 * tones. A library on its own: it imports nothing from the rest of callvault.
 */
export { decodeAlaw, decodeMulaw, encodeAlaw, encodeMulaw } from './codecs.js';
export { createDtmfDetector, type DtmfDetector, type DtmfDetectorOptions, type DtmfTone } from './dtmf.js';
export { AudioFormatError, frameBytes, type AudioErrorCode, type AudioFormat } from './format.js';
export { redactRecording, scanDtmf, type AudioSpan, type RedactionReport, type RedactOptions } from './redact-recording.js';
export { decodeSamples, encodeChannels } from './samples.js';
export { parseWavHeader, wavHeader, type WavHeader } from './wav-header.js';
export { openWav, type ByteSource, type WavStream } from './wav-reader.js';
export { readWav, writeWav } from './wav-file.js';
export { buildRtpEvent, createRtpKeyTracker, parseRtpEvent, rtpKeyPackets, type RtpEventKey, type RtpEventPacket, type RtpKeyTracker, type RtpParseError } from './rtp-events.js';
