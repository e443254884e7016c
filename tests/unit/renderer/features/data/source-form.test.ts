import { describe, expect, it } from 'vitest';
import { formToSource, sourceToForm } from '../../../../../renderer/src/features/data/source-form.ts';

describe("the Data screen's source editor", () => {
  it('an exchange database address comes apart into its fields and back, without a password', () => {
    const f = sourceToForm('postgres://hcc@10.1.2.3:6432/qzk?schema=front');
    expect(f).toMatchObject({
      kind: 'postgres',
      host: '10.1.2.3',
      port: '6432',
      database: 'qzk',
      user: 'hcc',
      schema: 'front',
      password: '',
    });
    expect(formToSource({ ...f, password: 'secret' })).toEqual({ source: 'postgres://hcc@10.1.2.3:6432/qzk?schema=front' });
    expect(formToSource(sourceToForm('postgres://hcc@db:5432/exchange'))).toEqual({ source: 'postgres://hcc@db:5432/exchange' });
  });
  it('a folder stays a folder; missing parts, a bad port or schema are said', () => {
    expect(sourceToForm('D:\\交换')).toMatchObject({ kind: 'directory', directory: 'D:\\交换' });
    const pg = { ...sourceToForm(null), kind: 'postgres' as const };
    expect(formToSource(pg)).toEqual({ problem: 'data.source.error.parts' });
    const parts = { ...pg, host: 'db', database: 'x', user: 'u' };
    expect(formToSource({ ...parts, port: '70000' })).toEqual({ problem: 'data.source.error.port' });
    expect(formToSource({ ...parts, schema: '1bad' })).toEqual({ problem: 'data.source.error.schema' });
    expect(formToSource({ ...sourceToForm(null) })).toEqual({ problem: 'data.source.error.directory' });
  });
});
