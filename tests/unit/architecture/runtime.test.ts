import { expect, test } from 'vitest';

test('tests run on the Node 22 baseline from the npm node package', () => {
  expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
});
