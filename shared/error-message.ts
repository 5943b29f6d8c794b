// What a caught value says, in one sentence: an Error's message, or the value itself as text
// (a thrown string, a rejected promise's reason).
// eslint-disable-next-line no-restricted-syntax -- the one place the convention is spelled out
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
