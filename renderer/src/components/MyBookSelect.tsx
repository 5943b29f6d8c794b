// "My book" in the top bar: pick a CSM and every view — overview, model, heatmap, accounts,
// exports — counts only their accounts. Remembered for this workspace.
import { useShallow } from 'zustand/react/shallow';
import { useBookStore } from '../store/book-store';

export function MyBookSelect() {
  const { owner, owners, setOwner } = useBookStore(
    useShallow((s) => ({ owner: s.owner, owners: s.owners, setOwner: s.setOwner })),
  );
  if (owners.length === 0) return null;
  return (
    <label className={owner ? 'my-book active' : 'my-book'} title="Count only one CSM's accounts, everywhere">
      My book{' '}
      <select
        aria-label="My book"
        data-testid="my-book"
        value={owner ?? ''}
        onChange={(e) => void setOwner(e.target.value || null)}
      >
        <option value="">All accounts</option>
        {owners.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
