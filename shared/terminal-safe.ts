// Text bound for a terminal. A file name, a cell or a pack field quoted in a message can hold ESC
// (which starts the sequences that move the cursor, clear the screen, recolour or retitle the
// terminal), a carriage return (which lets a line overwrite itself) or C1 controls such as CSI
// (U+009B); shown as \u escapes they stay visible and inert. Line breaks and tabs are kept.

// eslint-disable-next-line no-control-regex -- control characters are exactly what this escapes
const acting = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export const terminalSafe = (text: string): string =>
  text.replace(acting, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
