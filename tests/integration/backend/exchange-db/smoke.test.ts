import pg from 'pg';
import { expect, it } from 'vitest';
import { createExchangeDatabase, describeWithPostgres } from '../../../support/exchange-postgres.ts';

describeWithPostgres('cluster', () => {
  it('connects with a password', async () => {
    const x = await createExchangeDatabase();
    const c = new pg.Client({ connectionString: x.urlWithPassword });
    await c.connect();
    expect((await c.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
    await c.end();
  });
});
