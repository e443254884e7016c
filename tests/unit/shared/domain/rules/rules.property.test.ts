/** RULES.md's invariants, over random people (fast-check). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../../../shared/domain/rules/evaluate.ts';
import type { KeyArea, PersonRecords } from '../../../../../shared/domain/rules/records.ts';
import { HUBEI, day } from '../../../../support/rules-builder.ts';

const START = day('2020-02-01');
const SPAN = 45;
const AREAS: KeyArea[] = [HUBEI, { regionCode: '3303', effectiveFrom: START + 5, effectiveTo: START + 20 }];
const dayArb = fc.integer({ min: START - 20, max: START + SPAN });
const bool = fc.boolean();

const declaration = fc
  .record({
    d: dayArb,
    red: fc.integer({ min: 0, max: 12 }),
    yellow: fc.integer({ min: 0, max: 8 }),
    county: fc.constantFrom('371602', '371681'),
  })
  .map(({ d, red, yellow, county }) => ({
    key: `d${d}-${red}-${yellow}`,
    declaredAt: d * 86_400_000,
    day: d,
    countyCode: county,
    confirmed: red === 1,
    suspected: red === 2,
    closeContact: red === 3,
    keyAreaVisit: red === 4,
    fever: yellow === 1,
    shortnessOfBreath: yellow === 2,
    respiratorySymptoms: yellow === 3,
    febrileContact: yellow === 4,
    returnedFromOutsideProvince: yellow === 5,
  }));

const records: fc.Arbitrary<PersonRecords> = fc
  .record({
    declarations: fc.array(declaration, { maxLength: 3 }),
    checkinDays: fc.uniqueArray(dayArb, { maxLength: 40 }),
    abnormal: fc.array(fc.record({ d: dayArb, temp: fc.constantFrom(37.3, 38.1), sym: bool }), { maxLength: 2 }),
    health: fc.array(
      fc.record({
        d: dayArb,
        status: fc.constantFrom('close_contact', 'cleared', 'suspected') as fc.Arbitrary<'close_contact' | 'cleared' | 'suspected'>,
      }),
      { maxLength: 2 },
    ),
    roaming: fc.array(
      fc.record({ a: dayArb, len: fc.integer({ min: 0, max: 6 }), region: fc.constantFrom('42', '4201', '32', '3303', '3702') }),
      { maxLength: 2 },
    ),
    travel: fc.array(fc.record({ d: dayArb, origin: fc.constantFrom('420100', '110000', '370100') }), { maxLength: 1 }),
    medical: fc.array(
      fc.record({ d: dayArb, kind: fc.constantFrom('fever_clinic', 'fever_medicine') as fc.Arbitrary<'fever_clinic' | 'fever_medicine'> }),
      { maxLength: 1 },
    ),
    forced: fc.array(fc.record({ d: dayArb, close: fc.option(fc.integer({ min: 1, max: 20 })), revoke: bool }), { maxLength: 1 }),
  })
  .map((r) => ({
    personId: 'p',
    declarations: r.declarations,
    checkinDays: [...r.checkinDays].sort((a, b) => a - b),
    abnormalCheckins: r.abnormal.map((a, i) => ({
      key: `c${i}`,
      checkedAt: a.d * 86_400_000,
      day: a.d,
      temperature: a.temp,
      symptoms: a.sym,
    })),
    healthRecords: r.health.map((h, i) => ({ key: `h${i}`, recordedAt: h.d * 86_400_000 + i, day: h.d, status: h.status })),
    roaming: r.roaming.map((x, i) => ({ key: `r${i}`, regionCode: x.region, firstDay: x.a, lastDay: x.a + x.len })),
    travel: r.travel.map((t, i) => ({ key: `t${i}`, day: t.d, originRegionCode: t.origin })),
    medical: r.medical.map((m, i) => ({ key: `m${i}`, day: m.d, kind: m.kind })),
    forcedReds: r.forced.map((f, i) => {
      const closed = f.close === null ? null : f.d + f.close;
      return { key: `f${i}`, decidedDay: f.d, closedDay: closed, revokedDay: f.revoke && closed !== null ? closed : null };
    }),
  }));

const asOf = fc.integer({ min: START, max: START + SPAN + 5 });
const shuffle = <T>(xs: readonly T[], seed: number): T[] => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seed * (i + 7)) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('rules invariants', () => {
  test('the order in which records arrived never changes the answer', () => {
    fc.assert(
      fc.property(records, asOf, fc.integer({ min: 1, max: 1000 }), (r, d, seed) => {
        const shuffled: PersonRecords = {
          ...r,
          declarations: shuffle(r.declarations, seed),
          abnormalCheckins: shuffle(r.abnormalCheckins, seed),
          healthRecords: shuffle(r.healthRecords, seed),
          roaming: shuffle(r.roaming, seed),
          travel: shuffle(r.travel, seed),
          medical: shuffle(r.medical, seed),
        };
        expect(evaluate(shuffled, shuffle(AREAS, seed), d)).toEqual(evaluate(r, AREAS, d));
      }),
      { numRuns: 500 },
    );
  });

  test('adding a normal day never turns green into red or yellow', () => {
    fc.assert(
      fc.property(records, asOf, dayArb, (r, d, extra) => {
        if (r.abnormalCheckins.some((c) => c.day === extra)) return;
        const before = evaluate(r, AREAS, d).color;
        const after = evaluate({ ...r, checkinDays: [...new Set([...r.checkinDays, extra])].sort((a, b) => a - b) }, AREAS, d).color;
        if (before === 'green') expect(after).toBe('green');
      }),
      { numRuns: 1000 },
    );
  });

  test('adding a trigger never turns red or yellow into green', () => {
    fc.assert(
      fc.property(
        records,
        asOf,
        dayArb,
        fc.constantFrom('fever_clinic', 'fever_medicine') as fc.Arbitrary<'fever_clinic' | 'fever_medicine'>,
        (r, d, t, kind) => {
          const before = evaluate(r, AREAS, d).color;
          const after = evaluate({ ...r, medical: [...r.medical, { key: 'extra', day: t, kind }] }, AREAS, d).color;
          if (before === 'red' || before === 'yellow') expect(after).not.toBe('green');
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('a green person stays green while no new trigger arrives', () => {
    fc.assert(
      fc.property(records, asOf, fc.integer({ min: 1, max: 30 }), (r, d, later) => {
        const now = evaluate(r, AREAS, d);
        if (now.color !== 'green') return;
        const future = d + later;
        // Nothing dated after d: no triggers, no ongoing conditions starting, no revocations.
        const upTo = <T extends { day: number }>(xs: readonly T[]) => xs.filter((x) => x.day <= d);
        const quiet: PersonRecords = {
          ...r,
          declarations: upTo(r.declarations),
          abnormalCheckins: upTo(r.abnormalCheckins),
          healthRecords: upTo(r.healthRecords),
          travel: upTo(r.travel),
          medical: upTo(r.medical),
          roaming: r.roaming.filter((x) => x.lastDay <= d),
          forcedReds: r.forcedReds.filter(
            (f) => f.decidedDay <= d && (f.closedDay === null || f.closedDay <= d) && (f.revokedDay === null || f.revokedDay <= d),
          ),
        };
        if (evaluate(quiet, AREAS, d).color !== 'green') return;
        expect(evaluate(quiet, AREAS, future).color).toBe('green');
      }),
      { numRuns: 1000 },
    );
  });

  test('the colour history agrees with evaluating each day on its own', () => {
    fc.assert(
      fc.property(records, (r) => {
        const end = START + SPAN;
        const history = evaluate(r, AREAS, end).changes;
        for (let d = START - 20; d <= end; d++) {
          const last = history.filter((c) => c.day <= d).pop();
          expect(last?.color ?? 'none', `day ${d}`).toBe(evaluate(r, AREAS, d).color);
        }
      }),
      { numRuns: 150 },
    );
  });
});
