/** Health-code colours and their severity (RULES.md: red > yellow > green; `none` before a code). */
export type CodeColor = 'none' | 'green' | 'yellow' | 'red';
export type TriggerColor = 'yellow' | 'red';

const SEVERITY: Record<CodeColor, number> = { none: -1, green: 0, yellow: 1, red: 2 };

export function severity(color: CodeColor): number {
  return SEVERITY[color];
}

export function moreSevere<C extends CodeColor>(a: C, b: C): C {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

export const CODE_COLORS: readonly CodeColor[] = ['none', 'green', 'yellow', 'red'];
