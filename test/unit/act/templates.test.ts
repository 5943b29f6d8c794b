// Templates are logic-less and cannot skip escaping or reach anything but the view's data.
import { checkTemplate, renderTemplate, TemplateError } from '#shared/act/templates';
import { defaultTemplates, templateKinds } from '#shared/act/default-templates';
import { escapeMarkdown } from '#shared/act/escape';

describe('templates', () => {
  it.each(templateKinds)('the default %s template passes its own check', (kind) => {
    expect(() => checkTemplate(kind, defaultTemplates[kind])).not.toThrow();
  });

  it.each([
    ['{{{name}}}', /unescaped/],
    ['{{&name}}', /unescaped/],
    ['{{> other}}', /partials/],
    ['{{=<% %>=}}<%&name%>', /delimiters/],
    ['{{constructor}}', /no field "constructor"/],
    ['{{#alerts}}{{__proto__}}{{/alerts}}', /no field "__proto__"/],
    ['{{name.constructor.name}}', /no field/],
    ['{{#alerts}}', /Unclosed section/],
    ['line 1\n{{nmae}}', /line 2: there is no field "nmae"/],
  ])('%j is refused', (text, reason) => {
    expect(() => checkTemplate('alerts-markdown', text)).toThrow(TemplateError);
    expect(() => checkTemplate('alerts-markdown', text)).toThrow(reason);
  });

  it('every value goes through the escape function, numbers too', () => {
    const out = renderTemplate('alerts-slack', '{{name}} {{score}}', { name: '*b*', score: 3 }, (v) => `[${v}]`);
    expect(out).toBe('[*b*] [3]');
    expect(renderTemplate('alerts-slack', '{{name}}', { name: '*b*' }, escapeMarkdown)).toBe('\\*b\\*');
  });
});
