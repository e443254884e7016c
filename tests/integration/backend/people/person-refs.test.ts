/** Person references: opaque, bound to the session that received them, invalid after a restart. */
import { describe, expect, test } from 'vitest';
import { PersonRefs } from '../../../../electron/backend/people/person-refs.ts';

const ID = '371602199001011234';
const A = { token: 'session-a' };
const B = { token: 'session-b' };

describe('person references', () => {
  test('carry no ID and decode only in the session they were made for', () => {
    const refs = new PersonRefs();
    const ref = refs.toRef(ID, A);
    expect(ref).not.toContain(ID.slice(6, 14));
    expect(Buffer.from(ref, 'base64url').toString('latin1')).not.toContain(ID);
    expect(refs.fromRef(ref, A)).toBe(ID);
    expect(refs.fromRef(ref, B)).toBeNull();
    // Each reference is fresh (a reference cannot be matched to another of the same person).
    expect(refs.toRef(ID, A)).not.toBe(ref);
  });

  test('are invalid in another process (a restart) and when altered', () => {
    const ref = new PersonRefs().toRef(ID, A);
    expect(new PersonRefs().fromRef(ref, A)).toBeNull();
    const refs = new PersonRefs();
    const good = refs.toRef(ID, A);
    const raw = Buffer.from(good, 'base64url');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(refs.fromRef(raw.toString('base64url'), A)).toBeNull();
    for (const junk of ['', 'x', 'A'.repeat(40), '%%%']) expect(refs.fromRef(junk, A)).toBeNull();
  });
});
