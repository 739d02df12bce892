/**
 * An exponentially weighted mean and variance: a baseline that follows slow, legitimate change
 * (a new queue, a busier season) while a short burst barely moves it. `alpha` is the weight of
 * each new observation; 0.02 gives a half-life of about 35 observations.
 */
export class Ewma {
  mean = 0;
  variance = 0;
  count = 0;

  constructor(private readonly alpha: number) {}

  /**
   * Adds an observation. With `clip`, a value above mean + clip·sd (sd at least a quarter of the
   * mean) counts only up to that bound: a sustained rise still moves the baseline, step by step,
   * but an attack's days cannot drag it up at once (baseline poisoning).
   */
  add(x: number, clip?: number): void {
    if (clip !== undefined && this.count >= 5) {
      const bound = this.mean + clip * Math.max(Math.sqrt(this.variance), 0.25 * this.mean, 0.5);
      if (x > bound) {
        // Only the mean moves, and only up to the bound: the spread is not widened by outliers.
        this.mean += this.alpha * (bound - this.mean);
        this.count++;
        return;
      }
    }
    if (this.count === 0) {
      this.mean = x;
    } else {
      // Early observations weigh more (1/n) so a new baseline is not stuck on its first value.
      const a = Math.max(this.alpha, 1 / (this.count + 1));
      const d = x - this.mean;
      this.mean += a * d;
      this.variance = (1 - a) * (this.variance + a * d * d);
    }
    this.count++;
  }
}

/**
 * How far `observed` is above an expected Poisson-like count `expected`, in standard deviations,
 * with the variance inflated by `dispersion` (people's activity is burstier than Poisson).
 *
 *   excessZ(40, 10, 2) // ≈ 6.5
 */
export function excessZ(observed: number, expected: number, dispersion: number): number {
  return (observed - expected) / Math.sqrt(dispersion * expected + 1);
}
