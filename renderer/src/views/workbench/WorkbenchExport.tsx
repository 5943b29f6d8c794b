// The export dialog for the draft being edited; scored exports cover the accounts view as
// currently filtered and sorted (all accounts when no filter is set).
import { useEffect, useState } from 'react';
import { engineSession } from '../../engine/engine-session';
import { useModelStore } from '../../store/model-store';
import { useWorkbenchUi } from '../../store/workbench-ui-store';
import { ExportDialog } from '../export/ExportDialog';

export function WorkbenchExport({ onClose }: { onClose(): void }) {
  const draft = useModelStore((s) => s.draft);
  const asOf = useModelStore((s) => s.asOf);
  const { filter, sort, descending } = useWorkbenchUi();
  const filtered = Object.values(filter).some((v) => v !== undefined && v !== '');
  const [accounts, setAccounts] = useState<string[] | undefined | null>(filtered ? null : undefined);
  useEffect(() => {
    if (!filtered) return;
    engineSession.client
      .send({
        op: 'matchingIds',
        baseline: 'baseline',
        draft: 'draft',
        query: { ...filter, sort, descending, offset: 0, limit: 0 },
      })
      .then(setAccounts, () => setAccounts(undefined));
  }, [filtered, filter, sort, descending]);
  if (!draft || accounts === null) return null;
  return <ExportDialog pack={draft} asOf={asOf ?? undefined} accounts={accounts} onClose={onClose} />;
}
