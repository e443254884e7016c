/**
 * Everything decided before a file is written: sites, enterprises, the population and the planted
 * fraud. A pure function of the options, so a worker thread that computes it again gets the very
 * same plan and can write some of the days.
 */
import { type Day, parseDay } from '../../../shared/domain/local-date.ts';
import { DemoClock } from './demo-clock.ts';
import { planEnterpriseSites } from './demo-enterprise-sites.ts';
import { type EnterpriseRegister, planEnterprises } from './demo-enterprises.ts';
import { type PlantedPeople, plantFraud } from './demo-fraud.ts';
import { type Population, planPopulation } from './demo-population.ts';
import { type Site, type SiteRegister, planSites } from './demo-sites.ts';
import { type WorkGates, planWorkGates } from './demo-work-gates.ts';

export interface CityOptions {
  people: number;
  days: number;
  seed: number;
  start: string;
}

export interface CityPlan {
  startDay: Day;
  clock: DemoClock;
  sites: SiteRegister;
  enterprises: EnterpriseRegister;
  /** The enterprises' works gates, apart from `sites` (demo-enterprise-sites.ts). */
  enterpriseSites: readonly Site[];
  p: Population;
  planted: PlantedPeople;
  /** Who works where and at which gate they scan (demo-work-gates.ts). */
  gates: WorkGates;
}

export function planCity(o: CityOptions): CityPlan {
  const startDay = parseDay(o.start);
  if (startDay === null) throw new Error(`start must be a date like 2020-02-10, not ${o.start}`);
  const sites = planSites(o.people, o.seed);
  const enterprises = planEnterprises(o.people, o.seed, o.days);
  const enterpriseSites = planEnterpriseSites(enterprises, o.seed);
  const { population: p, picks } = planPopulation(o.people, o.days, o.seed);
  const planted = plantFraud(p, picks, sites, o.seed, startDay);
  p.firstMedicalDay = p.medical.firstBusyDay();
  const gates = planWorkGates(p, enterprises, enterpriseSites, o.seed);
  return { startDay, clock: new DemoClock(startDay, o.days), sites, enterprises, enterpriseSites, p, planted, gates };
}
