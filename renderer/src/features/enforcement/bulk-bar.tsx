import { useState } from 'react';
import type { CaseSummary } from '../../../../shared/contract/api.ts';
import type { BulkMove } from '../../../../shared/domain/cases.ts';
import type { Role } from '../../../../shared/domain/roles.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { BulkMoveDialog } from './bulk-move-dialog.tsx';
import { moveName } from './enforcement-text.ts';
import { bulkMovesFor, likelyBulkMove } from './queue-state.ts';

/**
 * The bar over the queue while cases are selected (credit supervision only): how many, the step
 * for all of them (only those a bulk move may be and at least one of them allows, the one most
 * allow first), and the dialog that takes it.
 */
export function BulkBar({
  selected,
  role,
  onMoved,
  onClear,
}: {
  selected: readonly CaseSummary[];
  role: Role;
  onMoved: () => void;
  onClear: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const states = selected.map((c) => c.state);
  const moves = bulkMovesFor(states, role);
  const [chosen, setChosen] = useState<BulkMove | null>(null);
  const move = chosen !== null && moves.includes(chosen) ? chosen : likelyBulkMove(states, role);
  // What the dialog works on, fixed when it opens: the queue reloads behind it once the cases moved.
  const [open, setOpen] = useState<{ cases: readonly CaseSummary[]; move: BulkMove; moved: boolean } | null>(null);
  return (
    <div className="enf-bulk-bar" role="region" aria-label={t('enforcement.bulk.move')} data-testid="bulk-bar" data-count={selected.length}>
      <span className="enf-bulk-count" data-testid="bulk-count">
        {t('enforcement.bulk.selected', { n: formatNumber(selected.length) })}
      </span>
      {move === null ? (
        <span className="enf-muted" data-testid="bulk-none">
          {t('enforcement.bulk.none')}
        </span>
      ) : (
        <>
          <label className="enf-inline-field">
            <span>{t('enforcement.bulk.move')}</span>
            <select value={move} onChange={(e) => setChosen(e.target.value as BulkMove)} data-testid="bulk-move">
              {moves.map((m) => (
                <option key={m} value={m}>
                  {moveName(t, m)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button-primary"
            onClick={() => setOpen({ cases: selected, move, moved: false })}
            data-testid="bulk-open"
          >
            {t('enforcement.bulk.open')}
          </button>
        </>
      )}
      <button type="button" className="button-quiet" onClick={onClear} data-testid="bulk-clear">
        {t('enforcement.bulk.clear')}
      </button>
      {open ? (
        <BulkMoveDialog
          cases={open.cases}
          move={open.move}
          role={role}
          onMoved={() => {
            setOpen({ ...open, moved: true });
            onMoved();
          }}
          onClose={() => {
            setOpen(null);
            // Once the step was taken the selection has served; a cancelled dialog keeps it.
            if (open.moved) onClear();
          }}
        />
      ) : null}
    </div>
  );
}
