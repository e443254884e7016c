/** A check-in is abnormal at or above this temperature (RULES.md: "temperature >= 37.3 °C"). */
export const FEVER_THRESHOLD_C = 37.3;

/** Days of normal check-ins that turn a red or yellow person green (the notice: 连续14天). */
export const GREEN_STREAK_DAYS = 14;

/** How far before a first declaration records still count (the notice: 近14天). */
export const LOOKBACK_DAYS = 14;
