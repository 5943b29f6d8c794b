// Opportunity alerts for a workspace: score the two dates, find the accounts that rose into the stage, and
// render them in the format asked for with the workspace's templates.
import { LadderError } from '#shared/api/result';
import { opportunityAlerts, stageIndex, type AlertReport } from '#shared/act/alerts';
import type { AlertFormat } from '#shared/act/escape';
import { alertsCsv, alertsJson, alertsMarkdown, alertsSlack, type CrmKind } from '#shared/act/render-alerts';
import { TemplateError } from '#shared/act/templates';
import { whitespaceReader } from '#shared/act/whitespace';
import type { ValidPack } from '#shared/pack/validate';
import type { Workspace } from '../store/open-workspace';
import type { ScoredWorkspace } from '../scoring/score-workspace';
import { accountFacts, scoreTwoDates, workspaceTemplates } from './act-data';

export interface AlertRequest {
  since: string;
  asOf?: string;
  stage?: string;
  owner?: string;
}

export function buildAlertReport(ws: Workspace, valid: ValidPack, request: AlertRequest): AlertReport {
  return scoredAlerts(ws, valid, request).report;
}

/** The report and the scoring at the later date (the digest reads both). */
export function scoredAlerts(
  ws: Workspace,
  valid: ValidPack,
  request: AlertRequest,
): { report: AlertReport; current: ScoredWorkspace } {
  // An unknown stage is refused before any scoring.
  try {
    stageIndex(valid.pack, request.stage, 0);
  } catch (error) {
    throw new LadderError('bad_request', (error as Error).message);
  }
  const { since, current } = scoreTwoDates(ws, valid, request.since, request.asOf);
  const report = opportunityAlerts({
    previous: since.engine,
    current: current.engine,
    since: since.asOf,
    asOf: current.asOf,
    ...(request.stage ? { stage: request.stage } : {}),
    owner: request.owner ?? null,
    facts: (ids) => accountFacts(ws.db, ids),
    whitespace: whitespaceReader(current.engine),
  });
  return { report, current };
}

/** The report as text in a format; a broken workspace template is a clear failure, not a crash. */
export function renderAlerts(ws: Workspace, report: AlertReport, format: AlertFormat, crm: CrmKind): string {
  const templates = workspaceTemplates(ws.db);
  try {
    switch (format) {
      case 'md':
        return alertsMarkdown(report, templates);
      case 'slack':
        return `${JSON.stringify(alertsSlack(report, templates), null, 2)}\n`;
      case 'csv':
        return alertsCsv(report, crm, templates);
      case 'json':
        return alertsJson(report);
    }
  } catch (error) {
    if (error instanceof TemplateError) throw new LadderError('bad_request', error.message);
    throw error;
  }
}
