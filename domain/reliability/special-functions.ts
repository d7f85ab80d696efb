// The two special functions the Weibull model needs, in double precision:
//   lnGamma(s)          Lanczos approximation (g = 7, n = 9), relative error below 1e-13 for s > 0
//   upperGammaQ(s, x)   regularized upper incomplete gamma Q(s, x) = Γ(s, x) / Γ(s): its series for
//                       x < s + 1, else its continued fraction (modified Lentz), as in Numerical Recipes §6.2
// Small and standard; a numeric library for two functions was not worth a dependency several helpers merge.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function lnGamma(s: number): number {
  if (s < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * s))) - lnGamma(1 - s);
  const z = s - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-14;
const TINY = 1e-300;
const MAX_TERMS = 10_000;

/** Q(s, x), s > 0, x >= 0. */
export function upperGammaQ(s: number, x: number): number {
  return Math.exp(logUpperGammaQ(s, x));
}

/** ln Q(s, x): stays finite where Q itself underflows (x in the hundreds), for e^x · Q(s, x). */
export function logUpperGammaQ(s: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = s * Math.log(x) - x - lnGamma(s);
  if (x < s + 1) {
    // P(s, x) = x^s e^-x / Γ(s+1) · Σ x^n / ((s+1)…(s+n))
    let term = 1 / s;
    let sum = term;
    for (let n = 1; n < MAX_TERMS; n++) {
      term *= x / (s + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    return Math.log(Math.max(Number.MIN_VALUE, 1 - sum * Math.exp(logPrefix)));
  }
  // Q(s, x) = x^s e^-x / Γ(s) · 1 / (x + 1 - s - 1·(1-s) / (x + 3 - s - 2·(2-s) / (x + 5 - s - …)))
  let b = x + 1 - s;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return logPrefix + Math.log(h);
}
