// The export dialog for the draft being edited. Scored exports cover all accounts or, when the
// accounts view is filtered, the view's accounts — the dialog says which and lets the user choose.
// A saved version exports with its name, version, note and changelog; an edited draft says so.
import { useEffect, useMemo, useState } from 'react';
import type { RulePackInput } from '#shared/pack/schema';
import { engineSession } from '../../engine/engine-session';
import { isDirty, useModelStore } from '../../store/model-store';
import { useWorkbenchUi } from '../../store/workbench-ui-store';
import { ExportDialog } from '../export/ExportDialog';
import type { ViewAccounts } from '../export/ExportOptionsForm';
import { filterParts, isFiltered } from './filter-text';

export function WorkbenchExport({ onClose }: { onClose(): void }) {
  const draft = useModelStore((s) => s.draft);
  const baseline = useModelStore((s) => s.baseline);
  const source = useModelStore((s) => s.source);
  const asOf = useModelStore((s) => s.asOf);
  const total = useModelStore((s) => s.accounts);
  const { filter, sort, descending } = useWorkbenchUi();
  const filtered = isFiltered(filter);
  const [ids, setIds] = useState<string[] | undefined | null>(filtered ? null : undefined);
  useEffect(() => {
    if (!filtered) return;
    engineSession.client
      .send({
        op: 'matchingIds',
        baseline: 'baseline',
        draft: 'draft',
        query: { ...filter, sort, descending, offset: 0, limit: 0 },
      })
      .then(setIds, () => setIds(undefined));
  }, [filtered, filter, sort, descending]);
  const pack = useMemo((): RulePackInput | null => {
    if (!draft) return null;
    if (source?.kind !== 'version' || !isDirty({ draft, baseline })) return draft;
    return {
      ...draft,
      meta: {
        ...draft.meta,
        version: `${source.version}-draft`,
        notes: `Unsaved changes on top of version ${source.version} of ${source.modelName}.`,
      },
    };
  }, [draft, baseline, source]);
  if (!pack || ids === null) return null;
  const viewAccounts: ViewAccounts | undefined =
    ids && draft
      ? {
          ids,
          total,
          description: filterParts(filter, draft)
            .map((p) => p.text)
            .join(' · '),
        }
      : undefined;
  return <ExportDialog pack={pack} asOf={asOf ?? undefined} viewAccounts={viewAccounts} onClose={onClose} />;
}
