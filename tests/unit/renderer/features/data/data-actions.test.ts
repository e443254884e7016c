import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Role } from '../../../../../shared/domain/roles.ts';
import { dataActions } from '../../../../../renderer/src/features/data/data-actions.ts';

const session = (role: Role, county: string | null = null) => ({
  user: { name: 'x', role, county },
  permissions: [...ROLE_PERMISSIONS[role]],
});

describe('what the Data screen offers', () => {
  it('a city-wide officer syncs, cancels, imports and sees and exports rejected rows', () => {
    expect(dataActions(session('officer'))).toEqual({ sync: true, import: true, rejects: true, exportRejects: true, countyScoped: false });
  });

  it("a county's officer: none of it (the console refuses it), only the note that data management is city-wide", () => {
    expect(dataActions(session('officer', '371623'))).toEqual({
      sync: false,
      import: false,
      rejects: false,
      exportRejects: false,
      countyScoped: true,
    });
  });

  it('an administrator sees rejected rows but neither syncs nor imports', () => {
    expect(dataActions(session('admin'))).toEqual({ sync: false, import: false, rejects: true, exportRejects: false, countyScoped: false });
  });
});
