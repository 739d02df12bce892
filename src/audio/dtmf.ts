/**
 * In-band DTMF (ITU-T Q.23/Q.24) detection on a stream of 16-bit samples of one channel.
 *
 * Analysis windows of 20 ms every 5 ms. For each window: the energy at the 8 DTMF frequencies by
 * Goertzel; the strongest row and column tone must together carry most of the window's energy,
 * each clearly above its neighbours, within the twist limits, above the minimum level and without
 * a strong second harmonic (speech and music have one, a keypad does not). Consecutive valid
 * windows with the same digit form a tone; gaps up to ~10 ms of signal are bridged (Q.24 asks to
 * tolerate short interruptions). A tone is reported when it ends, if it lasted long enough and its
 * frequencies, measured from the phase advance of each Goertzel between windows, are within 2.5 %
 * of nominal (Q.24: accept ±1.5 %, reject beyond ±3.5 %).
 *
 * Windows sit at fixed positions from the first sample, so the result does not depend on how the
 * stream is cut into frames: 20 ms frames live and a whole file give the same tones.
 */

export interface DtmfTone {
  digit: string;
  channel: number;
  /** Seconds from the start of the stream. */
  start: number;
  end: number;
}

export interface DtmfDetectorOptions {
  sampleRate: number;
  channel?: number;
  /** Shortest tone reported (default 32 ms; Q.24: ≥ 40 ms must be accepted, < 23 ms rejected). */
  minDurationMs?: number;
}

export interface DtmfDetector {
  push(samples: Int16Array): DtmfTone[];
  /** Ends the stream: reports a tone still sounding at the end. */
  flush(): DtmfTone[];
}

const ROWS = [697, 770, 852, 941];
const COLS = [1209, 1336, 1477, 1633];
const KEYS = ['123A', '456B', '789C', '*0#D'];

const WINDOW_SECONDS = 0.02;
const HOP_FRACTION = 0.25;
/** Share of the window's energy the two tones must carry (a window half covered by a tone reaches 0.5). */
const MIN_TONE_SHARE = 0.5;
/** Each tone at least −42 dBFS (amplitude of a full-scale sine = 32767). */
const MIN_AMPLITUDE = 32767 * 10 ** (-42 / 20);
const MAX_TWIST_DB = 8;
const MAX_TWIST_POWER = 10 ** (MAX_TWIST_DB / 10);
/** The strongest tone of a group at least 6 dB above the second strongest. */
const NEIGHBOUR_RATIO = 4;
const MAX_FREQUENCY_DEVIATION = 0.025;
/** Windows starting up to this far after the last valid one continue the same tone. */
const MAX_GAP_SECONDS = 0.03;

interface Goertzel {
  coeff: number;
  cos: number;
  sin: number;
  /** Phase advance of the nominal frequency over one hop, radians. */
  hopPhase: number;
}

function goertzel(freq: number, rate: number, hop: number): Goertzel {
  const w = (2 * Math.PI * freq) / rate;
  return { coeff: 2 * Math.cos(w), cos: Math.cos(w), sin: Math.sin(w), hopPhase: w * hop };
}

/** Complex Goertzel output over buf[from, from+n): [re, im] up to a phase constant per frequency. */
function run(g: Goertzel, buf: Float32Array, from: number, n: number): [number, number] {
  let s1 = 0;
  let s2 = 0;
  const c = g.coeff;
  for (let i = from, end = from + n; i < end; i++) {
    const s = buf[i]! + c * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  return [s1 - s2 * g.cos, s2 * g.sin];
}

interface Candidate {
  digit: string;
  row: number;
  col: number;
  firstWindow: number;
  lastWindow: number;
  windows: number;
  /** Sums of X(k)·conj(X(k−1)) over consecutive windows: their angle is the phase advance per hop. */
  rowTurn: [number, number];
  colTurn: [number, number];
  prevRow: [number, number] | null;
  prevCol: [number, number] | null;
  prevWindow: number;
}

const wrap = (a: number) => a - 2 * Math.PI * Math.round(a / (2 * Math.PI));

export function createDtmfDetector(opts: DtmfDetectorOptions): DtmfDetector {
  const rate = opts.sampleRate;
  const channel = opts.channel ?? 0;
  const n = Math.round(rate * WINDOW_SECONDS);
  const hop = Math.round(n * HOP_FRACTION);
  const minWindowsSpan = ((opts.minDurationMs ?? 32) / 1000) * rate;
  const maxGap = Math.round((MAX_GAP_SECONDS * rate) / hop);
  const rows = ROWS.map((f) => goertzel(f, rate, hop));
  const cols = COLS.map((f) => goertzel(f, rate, hop));
  const rowHarmonics = ROWS.map((f) => goertzel(2 * f, rate, hop));
  const colHarmonics = COLS.map((f) => goertzel(2 * f, rate, hop));
  // The energy a window needs before the tone test runs at all (both tones at the minimum level).
  const energyGate = MIN_AMPLITUDE ** 2 * n * 0.5;
  const toPower = 2 / n; // |X|² · 2/N = energy of the sinusoid in the window

  let buf = new Float32Array(Math.max(4 * n, 4096));
  let bufStart = 0; // stream index of buf[0]
  let bufLen = 0;
  let windowIndex = 0; // next window starts at windowIndex * hop
  let current: Candidate | null = null;

  // Times of a tone from its first and last valid windows: a window is valid once the tone covers
  // about half of it, so the tone began about half a window (less half a hop) after the first.
  const startOf = (c: Candidate) => (c.firstWindow * hop + n * MIN_TONE_SHARE - hop / 2) / rate;
  const endOf = (c: Candidate) => (c.lastWindow * hop + n * MIN_TONE_SHARE + hop / 2) / rate;

  function finish(c: Candidate): DtmfTone | null {
    const span = (endOf(c) - startOf(c)) * rate;
    if (span < minWindowsSpan || c.windows < 3) return null;
    const deviation = (turn: [number, number], g: Goertzel, f: number) => {
      if (turn[0] === 0 && turn[1] === 0) return Infinity;
      const delta = wrap(Math.atan2(turn[1], turn[0]) - g.hopPhase) / hop; // rad/sample off nominal
      return Math.abs((delta * rate) / (2 * Math.PI) / f);
    };
    if (deviation(c.rowTurn, rows[c.row]!, ROWS[c.row]!) > MAX_FREQUENCY_DEVIATION) return null;
    if (deviation(c.colTurn, cols[c.col]!, COLS[c.col]!) > MAX_FREQUENCY_DEVIATION) return null;
    return { digit: c.digit, channel, start: round(startOf(c)), end: round(endOf(c)) };
  }

  function analyse(from: number, index: number, out: DtmfTone[]): void {
    let energy = 0;
    for (let i = from; i < from + n; i++) energy += buf[i]! * buf[i]!;
    let hit: { row: number; col: number; xr: [number, number]; xc: [number, number] } | null = null;
    const p = (x: [number, number]) => (x[0] * x[0] + x[1] * x[1]) * toPower;
    const best = (ps: number[]) => ps.reduce((b, v, i) => (v > ps[b]! ? i : b), 0);
    const amplitude = (pw: number) => Math.sqrt((2 * pw) / n); // energy A²N/2 → A
    const rowX = energy >= energyGate ? rows.map((g) => run(g, buf, from, n)) : null;
    const rowP = rowX ? rowX.map(p) : null;
    const r = rowP ? best(rowP) : 0;
    // Speech rarely carries a row tone strong enough to pass: the column filters only run when the
    // row tone could still reach the energy share with a column tone at most MAX_TWIST_DB louder.
    if (rowX && rowP && amplitude(rowP[r]!) >= MIN_AMPLITUDE && rowP[r]! * (1 + MAX_TWIST_POWER) >= MIN_TONE_SHARE * energy) {
      const colX = cols.map((g) => run(g, buf, from, n));
      const colP = colX.map(p);
      const c = best(colP);
      const pr = rowP[r]!;
      const pc = colP[c]!;
      const second = (ps: number[], i: number) => Math.max(...ps.filter((_, j) => j !== i));
      const twistDb = 10 * Math.log10(pc / pr);
      if (
        pr + pc >= MIN_TONE_SHARE * energy &&
        amplitude(pr) >= MIN_AMPLITUDE && amplitude(pc) >= MIN_AMPLITUDE &&
        Math.abs(twistDb) <= MAX_TWIST_DB &&
        pr >= NEIGHBOUR_RATIO * second(rowP, r) && pc >= NEIGHBOUR_RATIO * second(colP, c)
      ) {
        const h2r = p(run(rowHarmonics[r]!, buf, from, n));
        const h2c = p(run(colHarmonics[c]!, buf, from, n));
        // The row tone's octave lies between column tones, where a loud column tone leaks a little.
        if (h2c < 0.1 * pc && h2r < Math.max(0.1 * pr, 0.15 * energy)) hit = { row: r, col: c, xr: rowX[r]!, xc: colX[c]! };
      }
    }
    const digit = hit ? KEYS[hit.row]![hit.col]! : null;
    if (current && (index - current.lastWindow > maxGap || (digit !== null && digit !== current.digit))) {
      const tone = finish(current);
      if (tone) out.push(tone);
      current = null;
    }
    if (!hit || digit === null) return;
    if (!current) {
      current = { digit, row: hit.row, col: hit.col, firstWindow: index, lastWindow: index, windows: 0, rowTurn: [0, 0], colTurn: [0, 0], prevRow: null, prevCol: null, prevWindow: -1 };
    }
    const c = current;
    if (c.prevWindow === index - 1 && c.prevRow && c.prevCol) {
      // X(k)·conj(X(k−1)), weighted by magnitude so loud windows count more than faint edges
      c.rowTurn[0] += hit.xr[0] * c.prevRow[0] + hit.xr[1] * c.prevRow[1];
      c.rowTurn[1] += hit.xr[1] * c.prevRow[0] - hit.xr[0] * c.prevRow[1];
      c.colTurn[0] += hit.xc[0] * c.prevCol[0] + hit.xc[1] * c.prevCol[1];
      c.colTurn[1] += hit.xc[1] * c.prevCol[0] - hit.xc[0] * c.prevCol[1];
    }
    c.prevRow = hit.xr;
    c.prevCol = hit.xc;
    c.prevWindow = index;
    c.lastWindow = index;
    c.windows++;
  }

  return {
    push(samples) {
      const out: DtmfTone[] = [];
      if (bufLen + samples.length > buf.length) {
        const next = new Float32Array(Math.max(buf.length * 2, bufLen + samples.length));
        next.set(buf.subarray(0, bufLen));
        buf = next;
      }
      for (let i = 0; i < samples.length; i++) buf[bufLen + i] = samples[i]!;
      bufLen += samples.length;
      for (;;) {
        const from = windowIndex * hop - bufStart;
        if (from + n > bufLen) break;
        analyse(from, windowIndex, out);
        windowIndex++;
      }
      // keep only what the next window needs
      const keepFrom = windowIndex * hop - bufStart;
      if (keepFrom > 0) {
        buf.copyWithin(0, keepFrom, bufLen);
        bufLen -= keepFrom;
        bufStart += keepFrom;
      }
      return out;
    },
    flush() {
      const out: DtmfTone[] = [];
      if (current) {
        const tone = finish(current);
        if (tone) out.push(tone);
        current = null;
      }
      return out;
    },
  };
}

const round = (s: number) => Math.round(s * 10_000) / 10_000;
