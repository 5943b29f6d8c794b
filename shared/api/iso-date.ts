// The one ISO date schema: YYYY-MM-DD naming a real calendar day (2024-02-30 is refused, 2024-02-29
// is not). The API, the CLI and the backend's own checks word a bad date with the same sentence.
import { z } from 'zod';
import { isIsoDate } from '../dates';

export const notAnIsoDate = (value: unknown) =>
  `"${String(value).slice(0, 40)}" is not a calendar date; use YYYY-MM-DD.`;

export const isoDate = z.string().refine(isIsoDate, { error: (issue) => notAnIsoDate(issue.input) });
