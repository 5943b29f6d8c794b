// A column plan as suggest.ts drafts it (field, type, confidence, why), completed with what the
// column's values say: the day/month order of its dates, whether its "dates" are day counts, and
// the scale of its percentages.
import type { ColumnPlan } from './mapping';
import { decideDateOrder, type ColumnProfile } from './profile';
import { percentScaleOf } from './percent-scale';
import { numericDates } from './value-fit';
import type { DateOrder } from './values';

export type ColumnDraft = Omit<ColumnPlan, 'dateOrder' | 'needsDateOrder' | 'numericDates' | 'percentScale'>;

export function completeColumnPlan(plan: ColumnDraft, p: ColumnProfile, order: DateOrder | undefined): ColumnPlan {
  const isDate = plan.type === 'date' || plan.type === 'datetime';
  const decision = decideDateOrder(p);
  const dateOrder = isDate ? (order ?? decision.order) : null;
  return {
    ...plan,
    dateOrder,
    needsDateOrder: isDate && !p.number && dateOrder === null && decision.ambiguous,
    numericDates: isDate && !p.date ? numericDates(p) : null,
    percentScale: plan.skip ? null : percentScaleOf(plan.type, p),
  };
}
