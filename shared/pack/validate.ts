// Full validation of a rule pack from untrusted input (a file, the clipboard, another tool):
// size and nesting limits, then the schema, then meaning — references, expressions, thresholds
// that fit their operator, stage order. Every problem comes back with its path.
import type { MetricKind } from './catalog';
import { resolveMetrics, type ResolvedMetrics } from './metrics';
import { controlCharacterIssues } from './plain-text';
import { checkPotential, potentialColumns, type CheckedPotential } from './potential';
import {
  limits,
  packSchemaVersion,
  rulePackSchema,
  type Clause,
  type Operator,
  type RulePack,
  type Threshold,
} from './schema';
import { messageOf } from '../error-message';
import { describeIssues, zodIssues, type Issue } from '../issues';

export type PackIssue = Issue;

export interface ValidPack {
  pack: RulePack;
  metrics: ResolvedMetrics;
  /** Whitespace: the pack's potential section, or the default. */
  potential: CheckedPotential;
}

export type PackCheck = { ok: true; value: ValidPack } | { ok: false; issues: PackIssue[] };

export const maxJsonDepth = 24;

function depthOf(value: unknown, depth = 0): number {
  if (depth > maxJsonDepth) return depth;
  if (typeof value !== 'object' || value === null) return depth;
  let max = depth;
  for (const child of Object.values(value)) max = Math.max(max, depthOf(child, depth + 1));
  return max;
}

/** Checks a threshold against its operator and the metric's kind. Returns a sentence or null. */
export function thresholdProblem(operator: Operator, value: Threshold, kind: MetricKind): string | null {
  const isNumber = typeof value === 'number';
  if (kind === 'category') {
    if (operator === 'in')
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? null
        : '"in" on a category needs a list of names.';
    if (operator === '==' || operator === '!=')
      return typeof value === 'string' ? null : `"${operator}" on a category needs a name.`;
    return `A category can only be compared with ==, != or in, not "${operator}".`;
  }
  if (operator === 'between') {
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'number' || typeof value[1] !== 'number')
      return '"between" needs [low, high].';
    return value[0] <= value[1] ? null : '"between" needs low ≤ high.';
  }
  if (operator === 'in')
    return Array.isArray(value) && value.every((v) => typeof v === 'number') ? null : '"in" needs a list of numbers.';
  return isNumber ? null : `"${operator}" needs a number.`;
}

function checkClause(clause: Clause, path: string, metrics: ResolvedMetrics, issues: PackIssue[]): void {
  const kind = metrics.kindOf(clause.metric);
  if (!kind) {
    issues.push({ path: `${path}.metric`, message: `Unknown metric "${clause.metric}".` });
    return;
  }
  const problem = thresholdProblem(clause.operator, clause.value, kind);
  if (problem) issues.push({ path: `${path}.value`, message: problem });
}

function checkMeaning(pack: RulePack): PackCheck {
  const issues: PackIssue[] = [];
  const { resolved: metrics, issues: metricIssues } = resolveMetrics(pack.metrics);
  for (const m of metricIssues) issues.push({ path: `metrics[${m.index}].expr`, message: m.message });

  const unique = (items: { id: string }[], path: string, what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id))
        issues.push({ path: `${path}[${i}].id`, message: `The ${what} id "${item.id}" is used twice.` });
      seen.add(item.id);
    });
  };
  unique(pack.signals, 'signals', 'signal');
  unique(pack.ladder.stages, 'ladder.stages', 'stage');
  unique(pack.ladder.gates, 'ladder.gates', 'gate');
  unique(pack.filters, 'filters', 'filter');
  // Scored exports name their whitespace columns so: an id of the same name would be ambiguous.
  const reserved = new Set<string>(potentialColumns);
  const refuseReserved = (items: { id: string }[], path: string, what: string) =>
    items.forEach((item, i) => {
      if (reserved.has(item.id))
        issues.push({
          path: `${path}[${i}].id`,
          message: `"${item.id}" is a reserved name; give the ${what} another id.`,
        });
    });
  refuseReserved(pack.metrics, 'metrics', 'metric');
  refuseReserved(pack.signals, 'signals', 'signal');
  refuseReserved(pack.filters, 'filters', 'filter');

  pack.signals.forEach((s, i) => {
    const path = `signals[${i}]`;
    const kind = metrics.kindOf(s.metric);
    if (!kind) return void issues.push({ path: `${path}.metric`, message: `Unknown metric "${s.metric}".` });
    const problem = thresholdProblem(s.operator, s.threshold, kind);
    if (problem) issues.push({ path: `${path}.threshold`, message: problem });
    for (const [segment, override] of Object.entries(s.segmentOverrides ?? {})) {
      if (override?.threshold === undefined) continue;
      const p = thresholdProblem(s.operator, override.threshold, kind);
      if (p) issues.push({ path: `${path}.segmentOverrides.${segment}.threshold`, message: p });
    }
    if (s.sustainedPeriods !== undefined) {
      if (!['>', '>=', '<', '<='].includes(s.operator)) {
        issues.push({
          path: `${path}.sustainedPeriods`,
          message: 'Sustained conditions work with >, >=, < and <= only.',
        });
      } else if (!metrics.isPeriodExpressible(s.metric)) {
        issues.push({
          path: `${path}.sustainedPeriods`,
          message: `"${s.metric}" has no value per period, so it cannot be sustained over periods.`,
        });
      }
    }
  });

  const stages = pack.ladder.stages;
  const stageIds = new Set(stages.map((s) => s.id));
  const scored = stages.filter((s) => !s.gateOnly);
  if (scored.length < 2)
    issues.push({ path: 'ladder.stages', message: 'The ladder needs at least two stages reachable by score.' });
  // The lowest scored stage takes everyone else, so its own thresholds are not compared.
  for (let i = 2; i < scored.length; i++) {
    if (scored[i]!.minScore < scored[i - 1]!.minScore || scored[i]!.minSignals < scored[i - 1]!.minSignals) {
      const at = stages.indexOf(scored[i]!);
      issues.push({
        path: `ladder.stages[${at}]`,
        message: `"${scored[i]!.label}" must not ask for less than the stage below it.`,
      });
    }
  }
  const stageRef = (id: string, path: string) => {
    if (!stageIds.has(id)) issues.push({ path, message: `Unknown stage "${id}".` });
  };
  pack.ladder.gates.forEach((g, i) => {
    checkClause(g.condition, `ladder.gates[${i}].condition`, metrics, issues);
    stageRef(g.onFail.stage, `ladder.gates[${i}].onFail.stage`);
  });
  pack.filters.forEach((f, i) => {
    stageRef(f.appliesFrom, `filters[${i}].appliesFrom`);
    f.conditions.forEach((c, j) => checkClause(c, `filters[${i}].conditions[${j}]`, metrics, issues));
  });

  const caseIds = {
    stage: stageIds,
    signal: new Set(pack.signals.map((s) => s.id)),
    filter: new Set(pack.filters.map((f) => f.id)),
  };
  pack.validation?.cases.forEach((c, i) => {
    const path = `validation.cases[${i}].expected`;
    if (!caseIds.stage.has(c.expected.stage))
      issues.push({ path: `${path}.stage`, message: `Unknown stage "${c.expected.stage}".` });
    c.expected.signals.forEach(
      (id, j) =>
        caseIds.signal.has(id) || issues.push({ path: `${path}.signals[${j}]`, message: `Unknown signal "${id}".` }),
    );
    c.expected.filters.forEach(
      (id, j) =>
        caseIds.filter.has(id) || issues.push({ path: `${path}.filters[${j}]`, message: `Unknown filter "${id}".` }),
    );
  });

  const shares = pack.scoring.categoryWeights;
  if (shares) {
    const total = Object.values(shares).reduce((s, v) => s + (v ?? 0), 0);
    if (Math.abs(total - 1) > 1e-9)
      issues.push({
        path: 'scoring.categoryWeights',
        message: `Category shares must add up to 1 (they add up to ${total}).`,
      });
    for (const [category, share] of Object.entries(shares)) {
      if ((share ?? 0) < 0)
        issues.push({ path: `scoring.categoryWeights.${category}`, message: 'A share cannot be negative.' });
      if (!pack.signals.some((s) => s.category === category)) {
        issues.push({
          path: `scoring.categoryWeights.${category}`,
          message: `No signal is in the "${category}" category.`,
        });
      }
    }
    const uncovered = pack.signals.filter((s) => shares[s.category] === undefined);
    if (uncovered.length > 0) {
      issues.push({
        path: 'scoring.categoryWeights',
        message: `Give a share to every category in use (missing: ${[...new Set(uncovered.map((s) => s.category))].join(', ')}).`,
      });
    }
  }
  const potential = checkPotential(pack, metrics);
  issues.push(...potential.issues);
  return issues.length > 0 || !potential.potential
    ? { ok: false, issues }
    : { ok: true, value: { pack, metrics, potential: potential.potential } };
}

/** Validates a pack given as JSON text or as an already-parsed value. */
export function checkPack(input: unknown): PackCheck {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > limits.packBytes) {
      return {
        ok: false,
        issues: [
          { path: '', message: `The pack is too large (${input.length} bytes; the limit is ${limits.packBytes}).` },
        ],
      };
    }
    try {
      value = JSON.parse(input);
    } catch (error) {
      return {
        ok: false,
        issues: [
          {
            path: '',
            message: `The pack is not valid JSON: ${messageOf(error)}`,
          },
        ],
      };
    }
  }
  if (depthOf(value) > maxJsonDepth)
    return { ok: false, issues: [{ path: '', message: `The pack nests more than ${maxJsonDepth} levels deep.` }] };
  const controls = controlCharacterIssues(value);
  if (controls.length > 0) return { ok: false, issues: controls };
  if (typeof value === 'object' && value !== null && 'schemaVersion' in value) {
    const version = (value as { schemaVersion: unknown }).schemaVersion;
    if (typeof version === 'number' && version > packSchemaVersion) {
      return {
        ok: false,
        issues: [
          {
            path: 'schemaVersion',
            message: `This pack uses schema version ${version}; this version of Ladder reads up to ${packSchemaVersion}. Update Ladder to use it.`,
          },
        ],
      };
    }
  }
  const parsed = rulePackSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      issues: zodIssues(parsed.error),
    };
  }
  return checkMeaning(parsed.data);
}

/** "<subject> is not a valid rule pack: where: what; … (and N more)." — one wording everywhere. */
export function describePackIssues(issues: readonly PackIssue[], subject = 'This'): string {
  return `${subject} is not a valid rule pack: ${describeIssues(issues)}.`;
}
