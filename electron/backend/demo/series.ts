// Weekly metric series for one demo account. Each planted pattern bends a few curves; everything
// else follows the account's size, tier and a little noise. `age` counts weeks back from the latest
// period (age 0), so a pattern keeps its shape whether the series is 52 weeks long or 13.
import type { Rng } from '#shared/random';
import { periodMetricIds, type PeriodMetricId } from '#shared/domain/period-metrics';
import type { DemoAccount } from './account';

export const metricCount = periodMetricIds.length;
const col = Object.fromEntries(periodMetricIds.map((id, i) => [id, i])) as Record<PeriodMetricId, number>;

const apiLimitByTier = { Starter: 10_000, Growth: 50_000, Business: 200_000, Enterprise: 1_000_000 } as const;
const storageLimitByTier = { Starter: 50, Growth: 200, Business: 1000, Enterprise: 5000 } as const;
const departmentsNeeded = { SMB: 2, 'Mid-Market': 3, Enterprise: 5 } as const;

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

interface Shape {
  utilisation: (age: number) => number;
  /** Share of non-admin seats in use whose users are active in the week. */
  activity: (age: number) => number;
  departments: (age: number) => number;
  powerShare: number;
  minPower: number;
  features: (age: number) => number;
  eventGrowthPerQuarter: number;
  topShare: number;
  champion: (age: number) => number;
  spike: (age: number) => number;
  inviteRate: (age: number) => number;
  adminRate: number;
  newAdminSeats: number;
  /** Share of licensed seats holding admin rights. */
  adminShare: number;
  reactiveRate: number;
  exploratoryRate: number;
  automationRate: (age: number) => number;
  pricingRate: (age: number) => number;
  execRate: number;
  headcountGrowth: number;
  apiUse: number;
}

function baseDepartments(rng: Rng, account: DemoAccount): number {
  return account.segment === 'SMB' ? rng.int(1, 2) : account.segment === 'Mid-Market' ? rng.int(1, 3) : rng.int(2, 4);
}

function shapeFor(account: DemoAccount, rng: Rng): Shape {
  const d0 = baseDepartments(rng, account);
  const flat = (u: number) => () => u;
  const base: Shape = {
    utilisation: flat(rng.uniform(0.3, 0.85)),
    activity: flat(rng.uniform(0.6, 0.85)),
    departments: () => d0,
    powerShare: rng.uniform(0, 0.06),
    minPower: 0,
    features: flat(rng.int(0, 3)),
    eventGrowthPerQuarter: 1,
    topShare: 0,
    champion: () => 1,
    spike: () => 1,
    inviteRate: () => 0.3,
    adminRate: 2 + account.seats / 200,
    newAdminSeats: 0,
    adminShare: rng.uniform(0.03, 0.06),
    reactiveRate: 0.3 + account.seats / 600,
    exploratoryRate: 0.05,
    automationRate: () => 0.05,
    pricingRate: () => 0.1,
    execRate: 0.03,
    headcountGrowth: rng.uniform(-0.04, 0.15),
    apiUse: rng.uniform(0.2, 0.65),
  };
  switch (account.pattern) {
    case 'true_expander': {
      const start = rng.uniform(0.55, 0.7);
      const end = rng.uniform(0.86, 0.97);
      const finalDepts = Math.max(departmentsNeeded[account.segment], d0 + rng.int(2, 4));
      const lastStep = rng.int(1, 3);
      const featuresEnd = rng.int(3, 5);
      return {
        ...base,
        utilisation: (age) => (age <= 26 ? end : age >= 40 ? start : end + ((start - end) * (age - 26)) / 14),
        // More people use it week after week: a steady climb over the last four months.
        activity: (
          (a0) => (age: number) =>
            a0 * (1 + 0.025 * Math.max(0, 16 - age))
        )(rng.uniform(0.55, 0.68)),
        departments: (age) =>
          age < lastStep
            ? finalDepts
            : age < 13
              ? finalDepts - 1
              : Math.max(d0, finalDepts - 1 - Math.floor((age - 13) / 13)),
        powerShare: rng.uniform(0.06, 0.12),
        minPower: 3,
        features: (age) => (age < 13 ? featuresEnd : Math.max(1, featuresEnd - 1 - Math.floor((age - 13) / 13))),
        eventGrowthPerQuarter: rng.uniform(1.3, 1.7),
        champion: (age) => (age < 4 ? 1.45 : 1),
        inviteRate: (age) => (age < 4 ? 3 : 1.2),
        newAdminSeats: rng.int(2, 3),
        exploratoryRate: 0.5,
        automationRate: (age) => 0.1 + 1.6 * Math.max(0, 1 - age / 26),
        pricingRate: (age) => (age < 8 ? 2 : 0.3),
        execRate: 0.3,
        headcountGrowth: rng.uniform(0.22, 0.45),
        apiUse: rng.uniform(0.75, 0.95),
      };
    }
    case 'healthy_narrow':
      return {
        ...base,
        utilisation: flat(rng.uniform(0.45, 0.68)),
        departments: () => 1,
        powerShare: rng.uniform(0, 0.03),
        features: flat(rng.int(0, 1)),
        inviteRate: () => 0.1,
      };
    case 'single_champion':
      return {
        ...base,
        // Seats were bought and assigned, but mostly one person uses the product in earnest.
        utilisation: flat(rng.uniform(0.86, 0.95)),
        activity: flat(rng.uniform(0.25, 0.4)),
        departments: () => 1,
        powerShare: 0,
        minPower: 1,
        features: flat(rng.int(3, 4)),
        topShare: rng.uniform(0.55, 0.8),
        pricingRate: () => 0.5,
        exploratoryRate: 0.2,
      };
    case 'launch_spike': {
      // A rollout two to five weeks ago: seats assigned for everyone (and they stay assigned),
      // new teams invited, a burst of activity — then use falls back to what it was.
      const at = rng.int(2, 5);
      const before = rng.uniform(0.38, 0.55);
      const a0 = rng.uniform(0.6, 0.85);
      const provisioned = rng.uniform(0.87, 0.94);
      return {
        ...base,
        utilisation: (age) => (age <= at ? provisioned : before),
        activity: (age) => (age > at ? a0 : age >= at - 1 ? 0.95 : (a0 * before) / provisioned),
        departments: (age) => (age <= at ? d0 + 2 : d0),
        features: (age) => (age === at || age === at - 1 ? 3 : 1),
        spike: (age) => (age === at ? 2.6 : age === at - 1 ? 1.4 : 1),
        inviteRate: (age) => (age === at ? 15 : 0.3),
        reactiveRate: base.reactiveRate + 0.5,
      };
    }
    case 'admin_only':
      return {
        ...base,
        // Admins from several departments provision seats and configure features; few others log in.
        utilisation: flat(rng.uniform(0.82, 0.95)),
        activity: flat(rng.uniform(0.03, 0.08)),
        adminShare: rng.uniform(0.15, 0.25),
        departments: () => d0 + 1,
        powerShare: 0,
        features: flat(rng.int(2, 4)),
        adminRate: rng.uniform(25, 60),
        newAdminSeats: rng.int(1, 3),
      };
    case 'no_buying_path':
      return {
        ...base,
        utilisation: flat(rng.uniform(0.85, 0.97)),
        departments: () => Math.max(departmentsNeeded[account.segment], d0 + 2),
        powerShare: rng.uniform(0.06, 0.1),
        minPower: 3,
        features: flat(rng.int(2, 4)),
        exploratoryRate: 0.3,
        pricingRate: () => 0,
        execRate: 0,
        apiUse: rng.uniform(0.7, 0.9),
      };
    case 'unhappy_high_usage':
      return {
        ...base,
        utilisation: flat(rng.uniform(0.84, 0.96)),
        departments: () => d0 + 1,
        powerShare: rng.uniform(0.05, 0.09),
        minPower: 3,
        features: flat(rng.int(1, 3)),
        reactiveRate: rng.uniform(3, 6),
        exploratoryRate: 0,
        pricingRate: () => 0.05,
        execRate: 0.1,
        apiUse: rng.uniform(0.7, 0.9),
      };
    case 'ordinary': {
      const u0 = rng.uniform(0.3, 0.8);
      const drift = rng.uniform(-0.15, 0.1);
      const ordinary: Shape = { ...base, utilisation: (age) => u0 + drift * (1 - age / 52) };
      // A growing company with an executive sponsor, light on seats, power users and advanced
      // features: it expands because the company grows (see DemoAccount.growing).
      if (!account.growing) return ordinary;
      return {
        ...ordinary,
        headcountGrowth: rng.uniform(0.25, 0.45),
        execRate: 0.3,
        powerShare: 0,
        features: flat(rng.int(0, 1)),
      };
    }
  }
}

/** Fills `out` (weeks × metricCount, row-major, oldest week first) with the account's series. */
export function fillSeries(account: DemoAccount, rng: Rng, weeks: number, out: Float64Array): void {
  const s = shapeFor(account, rng);
  const seats = account.seats;
  const admins0 = Math.max(1, Math.round(seats * s.adminShare));
  const apiLimit = apiLimitByTier[account.tier];
  const storageLimit = storageLimitByTier[account.tier];
  const storageUse = rng.uniform(0.2, 0.6);
  const sessionsPerUser = rng.uniform(3, 6);
  for (let w = 0; w < weeks; w++) {
    const age = weeks - 1 - w;
    const row = out.subarray(w * metricCount, (w + 1) * metricCount);
    const spike = s.spike(age);
    const util = clamp(s.utilisation(age) + rng.normal(0, 0.012), 0.02, 1);
    const seatsUsed = Math.min(seats, Math.max(1, Math.round(seats * util)));
    const adminSeats = admins0 + (age < 13 ? s.newAdminSeats : 0);
    const adminActive = Math.min(seatsUsed, Math.max(1, Math.round(adminSeats * 0.9)));
    const frontline = Math.round(
      Math.max(0, seatsUsed - adminActive) * clamp(s.activity(age) * (1 + rng.normal(0, 0.04)), 0, 1),
    );
    const active = Math.min(seatsUsed, adminActive + frontline);
    const departments = Math.max(1, Math.round(s.departments(age)));
    const features = Math.max(0, Math.round(s.features(age)));
    const totalSessions = Math.round(active * sessionsPerUser * spike * (1 + rng.normal(0, 0.05)));
    const naturalTop = clamp(rng.uniform(2.5, 4) / Math.max(1, active), 0.03, 0.35);
    // Champions of broad accounts gain sessions too, but never come to dominate them.
    const topShare =
      s.topShare > 0 ? clamp(s.topShare + rng.normal(0, 0.03), 0.4, 0.95) : Math.min(naturalTop * s.champion(age), 0.4);
    row[col.active_users] = active;
    row[col.non_admin_active_users] = active - adminActive;
    row[col.seats_used] = seatsUsed;
    row[col.departments_active] = departments;
    row[col.power_users] = Math.min(active, Math.max(s.minPower, Math.round(active * s.powerShare)));
    row[col.advanced_features_used] = features;
    row[col.advanced_feature_events] = Math.round(
      active * features * rng.uniform(0.6, 1.4) * s.eventGrowthPerQuarter ** (-age / 13) * spike,
    );
    row[col.advanced_feature_teams] =
      features === 0
        ? 0
        : Math.min(departments, account.pattern === 'true_expander' ? Math.max(2, departments - 1) : 1);
    row[col.api_calls] = Math.round(
      apiLimit * clamp(s.apiUse * (0.85 + 0.15 * util) * spike + rng.normal(0, 0.02), 0, 1.2),
    );
    row[col.api_limit] = apiLimit;
    row[col.storage_gb] = Math.round(storageLimit * clamp(storageUse + (1 - age / 52) * 0.1, 0, 1) * 10) / 10;
    row[col.storage_limit_gb] = storageLimit;
    row[col.top_user_sessions] = Math.round(totalSessions * topShare);
    row[col.total_sessions] = totalSessions;
    row[col.invites_sent] = rng.poisson(s.inviteRate(age));
    row[col.admin_actions] = rng.poisson(s.adminRate * spike);
    row[col.admin_seats] = adminSeats;
    row[col.tickets_reactive] = rng.poisson(s.reactiveRate * spike);
    row[col.tickets_exploratory] = rng.poisson(s.exploratoryRate);
    row[col.tickets_automation] = rng.poisson(s.automationRate(age));
    row[col.pricing_page_views] = rng.poisson(s.pricingRate(age));
    row[col.exec_meetings] = rng.poisson(s.execRate);
    row[col.headcount] = Math.round(account.employees / (1 + s.headcountGrowth) ** (age / 52));
  }
}
