// Logic-less templates (Mustache) for alerts and digests, editable per workspace. A template is checked
// before it is stored or used: no unescaped output ({{{x}}} or {{&x}}), no partials, no delimiter changes,
// and only the fields the view has, so a template can neither skip escaping nor reach anything but data.
import Mustache from 'mustache';
import { messageOf } from '../error-message';
import { defaultTemplates, templateFields, type TemplateKind } from './default-templates';

export { templateKinds, type TemplateKind } from './default-templates';

export class TemplateError extends Error {}

type Token = [string, string, number, number, Token[]?];

function check(tokens: Token[], fields: ReadonlySet<string>, kind: TemplateKind, text: string): void {
  for (const token of tokens) {
    const [type, value, start] = token;
    const where = () => {
      const line = text.slice(0, start).split('\n').length;
      return `template ${kind}, line ${line}`;
    };
    switch (type) {
      case 'text':
      case '!':
        break;
      case '&':
        throw new TemplateError(
          `${where()}: {{{${value}}}} and {{&${value}}} print a value unescaped; use {{${value}}} so it is escaped for the format.`,
        );
      case '>':
        throw new TemplateError(`${where()}: partials ({{>${value}}}) are not supported; write the text in place.`);
      case '=':
        throw new TemplateError(`${where()}: changing the delimiters is not supported; keep {{ and }}.`);
      case 'name':
      case '#':
      case '^': {
        if (value !== '.' && !value.split('.').every((part) => fields.has(part)))
          throw new TemplateError(
            `${where()}: there is no field "${value.slice(0, 64)}"; the fields are ${[...fields].sort().join(', ')}.`,
          );
        if (token[4]) check(token[4], fields, kind, text);
        break;
      }
      default:
        throw new TemplateError(`${where()}: unsupported tag "${type}".`);
    }
  }
}

/** Throws a TemplateError with a sentence (line and reason) when the template is not allowed. */
export function checkTemplate(kind: TemplateKind, text: string): void {
  if (text.length > 100_000) throw new TemplateError(`template ${kind}: longer than 100,000 characters.`);
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as Token[];
  } catch (error) {
    throw new TemplateError(`template ${kind}: ${messageOf(error)}.`);
  }
  check(tokens, new Set(templateFields[kind]), kind, text);
}

/** Copies data into objects without a prototype, so no lookup finds a method or a constructor. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

/** Renders a checked template with every value passed through the format's escape function. */
export function renderTemplate(
  kind: TemplateKind,
  text: string | undefined,
  view: object,
  escape: (value: string) => string,
): string {
  const template = text ?? defaultTemplates[kind];
  checkTemplate(kind, template);
  return Mustache.render(template, plain(view), {}, { escape: (value: unknown) => escape(String(value)) });
}
