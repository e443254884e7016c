/**
 * The green forecast (issue 17): of the people red or yellow on a day D, how many can turn green on
 * each of the next 14 days if their days stay normal, and how many an ongoing condition holds
 * (INTERPRETATIONS.greenForecast).
 */
import type { IsoDay } from './dashboard.ts';

/** Days in a forecast: D+1 … D+14 (no one red or yellow on D can be later, see interpretations.ts). */
export const FORECAST_DAYS = 14;

export interface ExpectedGreenDay {
  day: IsoDay;
  /** People whose earliest green date is this day. */
  n: number;
}

export interface ExpectedGreens {
  asOf: IsoDay;
  /** D+1 … D+14, oldest first. */
  days: ExpectedGreenDay[];
  /** Red or yellow on D and held by an ongoing condition (uncleared health record, open forced red): no date yet. */
  held: number;
  /** Red or yellow on D: the days' sum plus held. */
  redYellow: number;
}

export interface CountyForecast extends ExpectedGreens {
  countyCode: string;
  countyName: string;
}

/** `hcc forecast --json`: the city's (or one county's) forecast and every county's. */
export interface GreenForecast extends ExpectedGreens {
  county: string | null;
  counties: CountyForecast[];
}

/** Days in the briefing's "within the week" (7日内): D+1 … D+7. */
export const FORECAST_WEEK_DAYS = 7;

/** The briefing's line: expected greens tomorrow, within the week, and those held. */
export function tomorrowAndWeek(f: ExpectedGreens): { tomorrow: number; week: number; held: number } {
  return {
    tomorrow: f.days[0]?.n ?? 0,
    week: f.days.slice(0, FORECAST_WEEK_DAYS).reduce((a, d) => a + d.n, 0),
    held: f.held,
  };
}
