import type { RulePack } from '../pack/schema';

export interface ModelSummary {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  versions: number;
}

export interface VersionSummary {
  id: number;
  modelId: number;
  version: number;
  note: string;
  createdAt: string;
  packName: string;
}

export interface ModelVersion {
  id: number;
  modelId: number;
  version: number;
  note: string;
  createdAt: string;
  pack: RulePack;
}

/** One account's record and its period series, for the account drawer. */
export interface AccountDetail {
  id: string;
  name: string;
  segment: string | null;
  ownerCsm: string | null;
  ownerAm: string | null;
  tier: string | null;
  arr: number | null;
  seatsLicensed: number | null;
  renewalDate: string | null;
  healthScore: number | null;
  nps: number | null;
  journeyStage: string | null;
  economicBuyerKnown: boolean | null;
  periods: Record<string, number | string | null>[];
}
