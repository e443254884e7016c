/**
 * Check-in temperatures as text, drawn through lookup tables (one table read per check-in row).
 * Healthy: N(36.4, 0.25) rounded to 0.1 °C and clipped to 35.5–37.2, so never abnormal (>= 37.3).
 * Fever: 37.3–38.6, lower values more likely.
 */
const TABLE_BITS = 12;
const TABLE_SIZE = 1 << TABLE_BITS;

/** Standard normal CDF via erf (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

function healthyTable(): string[] {
  const values: string[] = [];
  const cut: number[] = [];
  for (let tenth = 355; tenth <= 372; tenth++) {
    values.push((tenth / 10).toFixed(1));
    // Upper edge of this 0.1 °C bin; the last bin takes the clipped upper tail.
    cut.push(tenth === 372 ? 1 : normalCdf((tenth / 10 + 0.05 - 36.4) / 0.25));
  }
  const table: string[] = [];
  let bin = 0;
  for (let k = 0; k < TABLE_SIZE; k++) {
    const u = (k + 0.5) / TABLE_SIZE;
    while (u > cut[bin]!) bin++;
    table.push(values[bin]!);
  }
  return table;
}

const HEALTHY = healthyTable();
const FEVER: readonly string[] = Array.from({ length: TABLE_SIZE }, (_, k) => {
  const u = (k + 0.5) / TABLE_SIZE;
  return (37.3 + Math.floor(u * u * 14) / 10).toFixed(1);
});

/** A healthy temperature for a uniform 32-bit draw. */
export function healthyTemperature(u32: number): string {
  return HEALTHY[u32 >>> (32 - TABLE_BITS)]!;
}

export function feverTemperature(u32: number): string {
  return FEVER[u32 >>> (32 - TABLE_BITS)]!;
}
