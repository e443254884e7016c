import { withCheckChar } from '../../shared/domain/person-id.ts';

/** The n-th test person's valid ID in a county (default 滨城区). */
export function personId(n: number, county = '371602'): string {
  return withCheckChar(`${county}19800101${String(n).padStart(3, '0')}`);
}

/** An ID with a wrong check character. */
export function badPersonId(n: number): string {
  const good = personId(n);
  const wrong = good[17] === '1' ? '2' : '1';
  return good.slice(0, 17) + wrong;
}
