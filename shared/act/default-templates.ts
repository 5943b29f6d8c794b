// The templates Ladder ships, one per kind, and the fields each kind's view offers (see views.ts). A
// workspace can replace any of them (`ladder templates`); these stay the fallback.
export const templateKinds = [
  'alerts-markdown',
  'alerts-slack',
  'alerts-task-subject',
  'alerts-task-body',
  'digest-markdown',
  'digest-slack',
] as const;
export type TemplateKind = (typeof templateKinds)[number];

const signalFields = ['label', 'value', 'operator', 'threshold', 'previous', 'change', 'weight'];
const playFields = ['play', 'label', 'ownerRole', 'opening', 'questions', 'steps', 'text'];
const alertFields = [
  'name',
  'accountId',
  'owner',
  'accountManager',
  'segment',
  'arr',
  'whitespace',
  'score',
  'previousScore',
  'stage',
  'previousStage',
  'urgency',
  'renewal',
  'daysToRenewal',
  'signals',
  ...signalFields,
  ...playFields,
];
const reportFields = ['pack', 'stageName', 'since', 'asOf', 'scope', 'count', 'alerts', 'none'];
const digestFields = [
  'pack',
  'weekStart',
  'asOf',
  'scope',
  'newReady',
  'newReadyCount',
  'hottest',
  'signalList',
  'opened',
  'openedCount',
  'openedAmount',
  'won',
  'wonCount',
  'wonAmount',
  'amount',
  'date',
  'expansionRate',
  'expansionRateBasis',
  'stageName',
];

export const templateFields: Record<TemplateKind, readonly string[]> = {
  'alerts-markdown': [...reportFields, ...alertFields],
  'alerts-slack': alertFields,
  'alerts-task-subject': alertFields,
  'alerts-task-body': alertFields,
  'digest-markdown': [...digestFields, ...alertFields],
  'digest-slack': [...digestFields, ...alertFields],
};

const alertMd = `# {{stageName}} alerts: {{count}} new since {{since}}
{{pack}} · as of {{asOf}} · {{scope}}
{{^alerts}}

{{none}}
{{/alerts}}
{{#alerts}}

## {{name}} ({{accountId}})
**{{urgency}} urgency** · {{previousStage}} → {{stage}} · score {{previousScore}} → {{score}}
ARR {{arr}} · whitespace {{whitespace}} · owner {{owner}} · {{renewal}}

**Why now**
{{#signals}}
- {{label}}: {{value}} (threshold {{operator}} {{threshold}}; was {{previous}}, {{change}})
{{/signals}}
{{#play}}

**Play: {{label}}** (led by the {{ownerRole}})
> {{opening}}

{{#questions}}
- {{text}}
{{/questions}}
{{/play}}
{{/alerts}}
`;

const alertSlack = `*{{name}}* ({{accountId}}) · {{urgency}} urgency
{{previousStage}} → *{{stage}}* · score {{previousScore}} → {{score}}
ARR {{arr}} · whitespace {{whitespace}} · owner {{owner}} · {{renewal}}
*Why now*
{{#signals}}
• {{label}}: {{value}} (threshold {{operator}} {{threshold}}; was {{previous}}, {{change}})
{{/signals}}
{{#play}}
*Play: {{label}}* ({{ownerRole}}): {{opening}}
{{#questions}}
• {{text}}
{{/questions}}
{{/play}}`;

const taskSubject = `Expansion ({{stage}}): {{name}}{{#play}} · {{label}}{{/play}}`;

const taskBody = `{{name}} ({{accountId}}) reached {{stage}} from {{previousStage}}; score {{previousScore}} → {{score}}.
ARR {{arr}}; whitespace {{whitespace}}; {{renewal}}.
Why now:
{{#signals}}
- {{label}}: {{value}} (threshold {{operator}} {{threshold}}; was {{previous}}, {{change}})
{{/signals}}
{{#play}}
Play: {{label}} ({{ownerRole}})
Opening: {{opening}}
Questions:
{{#questions}}
- {{text}}
{{/questions}}
{{/play}}`;

const digestMd = `# Expansion pipeline: week of {{weekStart}}
{{pack}} · as of {{asOf}} · {{scope}}

## New {{stageName}} accounts this week: {{newReadyCount}}
{{#newReady}}
- **{{name}}** ({{accountId}}): score {{score}}, ARR {{arr}}, whitespace {{whitespace}}, owner {{owner}}{{#play}}, play {{label}}{{/play}}
{{/newReady}}

## Hottest accounts
{{#hottest}}
- **{{name}}** ({{accountId}}): score {{score}}; {{signalList}}; ARR {{arr}}, whitespace {{whitespace}}, owner {{owner}}
{{/hottest}}

## Expansion outcomes this week
Opened: {{openedCount}} ({{openedAmount}}) · won: {{wonCount}} ({{wonAmount}})
{{#opened}}
- opened: {{name}}, {{amount}}, {{date}}
{{/opened}}
{{#won}}
- won: {{name}}, {{amount}}, {{date}}
{{/won}}

Expansion rate: {{expansionRate}} ({{expansionRateBasis}})
`;

const digestSlack = `*Expansion pipeline: week of {{weekStart}}* · {{scope}}

*New {{stageName}} accounts this week: {{newReadyCount}}*
{{#newReady}}
• *{{name}}*: score {{score}}, ARR {{arr}}, whitespace {{whitespace}}, owner {{owner}}
{{/newReady}}

*Hottest accounts*
{{#hottest}}
• *{{name}}*: score {{score}}; {{signalList}}; ARR {{arr}}, whitespace {{whitespace}}
{{/hottest}}

*Expansion outcomes this week*
Opened {{openedCount}} ({{openedAmount}}) · won {{wonCount}} ({{wonAmount}}) · expansion rate {{expansionRate}}`;

export const defaultTemplates: Record<TemplateKind, string> = {
  'alerts-markdown': alertMd,
  'alerts-slack': alertSlack,
  'alerts-task-subject': taskSubject,
  'alerts-task-body': taskBody,
  'digest-markdown': digestMd,
  'digest-slack': digestSlack,
};
