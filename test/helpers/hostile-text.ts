// Text that tries to become something else once it lands in generated SQL: quote and comment
// breakers, psql meta-commands, sqlite3 dot-commands, psql variables, dollar quotes, Jinja tags,
// Unicode line separators — everything the pack validator accepts. `marker` names the file a
// command would create if the text ever ran.
import fc from 'fast-check';

export function hostileFragments(marker: string): string[] {
  return [
    "'",
    "''",
    '"',
    '\\',
    '\\\\',
    `\\! touch ${marker}`,
    `\\o ${marker}`,
    '\\gexec',
    '\\q',
    `.shell touch ${marker}`,
    `.system touch ${marker}`,
    `.output ${marker}`,
    '.quit',
    ';',
    '--',
    '/*',
    '*/',
    ':var',
    ":'var'",
    '$$',
    '$x$',
    "E'\\n'",
    '{{ 7 * 7 }}',
    "{{ run_query('drop table x') }}",
    '{% raw %}',
    '{%- set x = 1 -%}',
    '{# hidden #}',
    '{{',
    '{%',
    '{#',
    '}}',
    '%}',
    '#}',
    '{',
    '{{{',
    '\u2028',
    '\u2029',
    '\u0085',
    '\t',
    '\u00a0',
    '😀',
    ' ',
    'x',
  ];
}

/** A string of 1–8 hostile fragments (at most 200 characters, a pack's limit for values). */
export function hostileText(marker: string): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...hostileFragments(marker)), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join('').slice(0, 200))
    .filter((s) => s.trim() !== '');
}
