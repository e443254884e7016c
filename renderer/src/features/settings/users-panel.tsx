import { useState } from 'react';
import type { SessionInfo, UserRow } from '../../../../shared/contract/api.ts';
import { countyName } from '../../../../shared/domain/counties.ts';
import { ROLE_NAMES } from '../../../../shared/domain/roles.ts';
import { api } from '../../api/client.ts';
import { Card } from '../../components/card.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApi } from '../../api/use-api.ts';
import { UserCreateDialog } from './user-create-dialog.tsx';
import { UserEditDialog } from './user-edit-dialog.tsx';

type Notice = { key: 'settings.user.created' | 'settings.user.updated'; name: string } | { key: 'settings.user.noChanges' } | null;

export function UsersPanel({ session }: { session: SessionInfo }) {
  const { t, lang, formatTime } = useI18n();
  const users = useApi('users.list', {});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const replace = (row: UserRow) => {
    const rows = users.data ?? [];
    users.set(rows.some((u) => u.name === row.name) ? rows.map((u) => (u.name === row.name ? row : u)) : [...rows, row]);
  };

  // The second administrator's approval of a requested credit role (or its withdrawal by either).
  const [decideError, setDecideError] = useState<unknown>(null);
  const decideRole = (u: UserRow, approve: boolean) => {
    setDecideError(null);
    api('users.decideRole', { name: u.name, approve }).then(
      (row) => {
        replace(row);
        setNotice({ key: 'settings.user.updated', name: row.name });
      },
      (err: unknown) => setDecideError(err),
    );
  };

  const columns: Column<UserRow>[] = [
    {
      key: 'name',
      header: t('settings.users.col.name'),
      cell: (u) => (
        <>
          {u.name}
          {u.name === session.user.name ? <span className="muted">{t('settings.users.you')}</span> : null}
        </>
      ),
    },
    {
      key: 'role',
      header: t('settings.users.col.role'),
      cell: (u) => (
        <>
          <span data-role={u.role}>{ROLE_NAMES[u.role][lang]}</span>
          {u.pendingRole ? (
            <span className="muted" data-testid={`user-pending-${u.name}`}>
              {t('settings.users.pendingRole', { role: ROLE_NAMES[u.pendingRole.role][lang], by: u.pendingRole.requestedBy })}
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: 'county',
      header: t('settings.users.col.county'),
      cell: (u) => (u.county ? countyName(u.county, lang) : t('settings.users.wholeCity')),
    },
    {
      key: 'status',
      header: t('settings.users.col.status'),
      cell: (u) => (
        <span className={u.disabled ? 'status-tag status-off' : 'status-tag status-on'} data-disabled={u.disabled}>
          {u.disabled
            ? t('settings.users.disabled')
            : u.mustChangePassword
              ? t('settings.users.mustChangePassword')
              : t('settings.users.active')}
        </span>
      ),
    },
    {
      key: 'lastSignIn',
      header: t('settings.users.col.lastSignIn'),
      numeric: true,
      cell: (u) => (u.lastSignInAt === null ? t('settings.users.never') : formatTime(u.lastSignInAt)),
    },
    {
      key: 'actions',
      header: t('settings.users.col.actions'),
      cell: (u) => (
        <>
          <button
            type="button"
            onClick={() => setEditing(u)}
            aria-label={t('settings.users.editLabel', { name: u.name })}
            data-testid={`user-edit-${u.name}`}
          >
            {t('settings.users.edit')}
          </button>
          {u.pendingRole && u.pendingRole.requestedBy !== session.user.name ? (
            <button type="button" onClick={() => decideRole(u, true)} data-testid={`user-approve-${u.name}`}>
              {t('settings.users.approveRole')}
            </button>
          ) : null}
          {u.pendingRole ? (
            <button type="button" onClick={() => decideRole(u, false)} data-testid={`user-withdraw-${u.name}`}>
              {t('settings.users.withdrawRole')}
            </button>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <Card
      title={t('settings.users.title')}
      testId="settings-users"
      actions={
        <button type="button" className="button-primary" onClick={() => setCreating(true)} data-testid="user-create">
          {t('settings.users.create')}
        </button>
      }
    >
      <p className="intro">{t('settings.users.intro')}</p>
      {notice ? (
        <p className="notice notice-good" role="status" data-testid="settings-users-notice">
          {notice.key === 'settings.user.noChanges' ? t(notice.key) : t(notice.key, { name: notice.name })}
        </p>
      ) : null}
      {users.error ? <ErrorBox error={users.error} onRetry={users.reload} testId="settings-users-error" /> : null}
      {decideError ? <ErrorBox error={decideError} testId="settings-users-decide-error" /> : null}
      <DataTable
        columns={columns}
        rows={users.data ?? []}
        rowKey={(u) => u.name}
        rowTestId={(u) => `user-row-${u.name}`}
        loading={users.loading}
        empty={t('settings.users.empty')}
        testId="users-table"
      />
      {creating ? (
        <UserCreateDialog
          onClose={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            replace(user);
            setNotice({ key: 'settings.user.created', name: user.name });
          }}
        />
      ) : null}
      {editing ? (
        <UserEditDialog
          user={editing}
          isSelf={editing.name === session.user.name}
          onClose={() => setEditing(null)}
          onSaved={(user) => {
            setEditing(null);
            if (user) {
              replace(user);
              // Changing a user ends their sessions on the server; for one's own account (a new
              // password) that means signing in again, which the next call finds out.
              if (user.name === session.user.name) api('auth.touch', {}).catch(() => undefined); // a session that ended: the client signs out
              setNotice({ key: 'settings.user.updated', name: user.name });
            } else setNotice({ key: 'settings.user.noChanges' });
          }}
        />
      ) : null}
    </Card>
  );
}
