// "2,000 accounts", or with my book on "95 of 2,000 accounts (Grace Whitfield's book)": a header
// that says 2,000 while every chart below counts one CSM's 95 would read as a contradiction.
import { formatCount } from '../format';
import { useBookStore } from '../store/book-store';
import { useModelStore } from '../store/model-store';

export function AccountsInScope({ total }: { total: number }) {
  const owner = useBookStore((s) => s.owner);
  const inScope = useModelStore((s) => s.snapshot?.draft.accounts ?? null);
  if (!owner || inScope === null) return <>{formatCount(total)} accounts</>;
  return (
    <span data-testid="accounts-in-scope" data-value={inScope}>
      {formatCount(inScope)} of {formatCount(total)} accounts ({owner}’s book)
    </span>
  );
}
