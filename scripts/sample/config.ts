// Fixed parameters of the sample municipality: dates, system switches, magnitudes and the calibration targets
// (SPEC §6, copied from the real reports). Counts are for scale 1 and are multiplied by the scale.
import {dayOf, monthOf, parseMonth} from "./dates.ts";

export const SEED = "namndrapport-exempelkommun-1";
/** Seed of the hashes in the SQL that expands the SSBTEK log. */
export const SQL_SEED = 1729;
export const MUNICIPALITY = "Exempelkommun";
export const CONTRACT_VERSION = 1;
export const GENERATOR = "namndrapport-sample";

/** Deliveries are extracted on the 5th of every month, 2020-02-05 … 2024-01-05. */
export const FIRST_DELIVERY_MONTH = monthOf(2020, 2);
export const LAST_DELIVERY_MONTH = monthOf(2024, 1);
export const DELIVERY_DAY = 5;
export const LAST_DELIVERY = dayOf(2024, 1, DELIVERY_DAY);

/** Lifecare takes over ekonomiskt bistånd; Treserva's last day in use. */
export const EB_SWITCH = dayOf(2022, 10, 1);
export const TRESERVA_FROZEN = EB_SWITCH - 1;
/** Arena takes over arbetsmarknad; Accorda's last day in use. */
export const AM_SWITCH = dayOf(2022, 11, 1);
export const ACCORDA_FROZEN = AM_SWITCH - 1;

/** The record-level history in the exports starts here (cases open then or later, payments for this month on). */
export const EXPORT_START = dayOf(2018, 1, 1);
export const EXPORT_START_MONTH = monthOf(2018, 1);
/** Application, SSBTEK, referral and execution logs start here (the 2020 appendix tables count from January). */
export const LOG_START_MONTH = monthOf(2020, 1);

/** The simulation runs from a burn-in start so that durations and long-term shares are settled by 2018. */
export const EB_BURN_IN_MONTH = monthOf(2006, 1);
export const AM_BURN_IN_MONTH = monthOf(2014, 1);
/** Last simulated month; nothing after the last delivery is ever visible. */
export const SIM_END_MONTH = monthOf(2024, 2);

/** Piecewise-linear anchors [month, value]. */
export type Anchors = readonly (readonly [string, number])[];

/** Paying households a month (scale 1), which the intake steers towards. */
export const PAYING_HOUSEHOLDS: Anchors = [
  ["2006-01", 2450],
  ["2017-01", 2450],
  ["2019-01", 2440],
  ["2020-01", 2430],
  ["2020-06", 2465],
  ["2021-01", 2420],
  ["2022-01", 2400],
  ["2022-08", 2386],
  ["2022-11", 2229],
  ["2023-01", 2250],
  ["2023-02", 2190],
  ["2023-08", 2160],
  ["2023-11", 2122],
  ["2024-02", 2110]
];

/** Average payment per paying household-month in kronor (before seasonality). */
export const AMOUNT_LEVEL: Anchors = [
  ["2006-01", 8600],
  ["2018-01", 9700],
  ["2020-01", 9950],
  ["2021-06", 10100],
  ["2022-08", 10300],
  ["2022-11", 10150],
  ["2023-08", 10900],
  ["2023-11", 10750],
  ["2024-02", 10950]
];

/** Multiplier per calendar month (January = index 0) on amounts: winter heating, August school start. */
export const AMOUNT_SEASON = [1.03, 0.99, 1.0, 0.99, 0.98, 0.99, 0.99, 1.02, 1.0, 0.99, 0.99, 1.02];

/** Newly arrived households a month at the integration unit (scale 1, kept within 10–20). */
export const INTEGRATION_ARRIVALS: Anchors = [
  ["2006-01", 17],
  ["2015-06", 20],
  ["2017-01", 19],
  ["2019-06", 18],
  ["2020-06", 19.5],
  ["2022-03", 19.5],
  ["2022-09", 14],
  ["2023-03", 11.5],
  ["2023-11", 11],
  ["2024-02", 12]
];

/** Persons enrolled in labour-market programmes a month (scale 1). */
export const AM_ENROLLED: Anchors = [
  ["2014-01", 360],
  ["2019-01", 380],
  ["2020-04", 335],
  ["2021-01", 370],
  ["2022-08", 371],
  ["2022-10", 400],
  ["2022-11", 429],
  ["2023-02", 480],
  ["2023-08", 654],
  ["2023-11", 710],
  ["2024-02", 700]
];

export interface EbTarget {
  month: string;
  utbetalt: number;
  utbetalningshushall: number;
  amInskrivna: number;
  /** Null where the value is not available (integration investigations missing). */
  integration: number | null;
}

/** SPEC §6: the KPI cards of the real reports. */
export const EB_TARGETS: readonly EbTarget[] = [
  {month: "2022-08", utbetalt: 24_615_318, utbetalningshushall: 2386, amInskrivna: 371, integration: 404},
  {month: "2022-11", utbetalt: 22_448_660, utbetalningshushall: 2229, amInskrivna: 429, integration: null},
  {month: "2023-08", utbetalt: 23_887_841, utbetalningshushall: 2160, amInskrivna: 654, integration: 336},
  {month: "2023-11", utbetalt: 22_632_677, utbetalningshushall: 2122, amInskrivna: 710, integration: 320}
];

/** February 2023: share of adults re-actualised within a year, in per cent with one decimal. */
export const REACTUALISED_EB = {month: "2023-02", sharePercent: 10.7};

export const PROVIDERS = [
  "agila",
  "alg",
  "astar",
  "hermods",
  "infokomp",
  "iris_hadar",
  "jensen",
  "kui",
  "linvux",
  "moa",
  "nti"
] as const;
export type Provider = (typeof PROVIDERS)[number];

export const VUX_TARGETS = {
  referenceDate: "2023-08-31",
  /** Unique students per provider on the reference date. */
  students: {
    agila: 37,
    alg: 98,
    astar: 535,
    hermods: 252,
    infokomp: 58,
    iris_hadar: 14,
    jensen: 52,
    kui: 66,
    linvux: 1514,
    moa: 242,
    nti: 201
  } satisfies Record<Provider, number>,
  gymnasialPeriod: "2023-4",
  /** Students admitted to single upper-secondary courses in the period. */
  gymnasial: {
    agila: 4,
    alg: 0,
    astar: 46,
    hermods: 132,
    infokomp: 40,
    iris_hadar: 0,
    jensen: 42,
    kui: 16,
    linvux: 395,
    moa: 89,
    nti: 162
  } satisfies Record<Provider, number>,
  grundlaggandeRange: ["2023-06-09", "2023-08-16"] as const,
  /** Students admitted to basic courses with an admission date in the range. */
  grundlaggande: {
    agila: 0,
    alg: 0,
    astar: 108,
    hermods: 23,
    infokomp: 14,
    iris_hadar: 8,
    jensen: 2,
    kui: 0,
    linvux: 86,
    moa: 5,
    nti: 27
  } satisfies Record<Provider, number>
};

export interface ControlTarget {
  month: string;
  households: number;
  decisions: number;
  ssbtekCaseWorker: number;
  /** Null before the robot started (September 2020). */
  ssbtekRobot: number | null;
  individuals: number;
}

/** SPEC §6, seeds/003: "Kontroller och beslut" 2020. */
export const CONTROL_TARGETS: readonly ControlTarget[] = [
  {month: "2020-01", households: 3719, decisions: 7372, ssbtekCaseWorker: 22971, ssbtekRobot: null, individuals: 6773},
  {month: "2020-02", households: 3608, decisions: 7105, ssbtekCaseWorker: 21641, ssbtekRobot: null, individuals: 6525},
  {month: "2020-03", households: 3748, decisions: 7994, ssbtekCaseWorker: 20508, ssbtekRobot: null, individuals: 6013},
  {month: "2020-04", households: 3743, decisions: 7531, ssbtekCaseWorker: 17382, ssbtekRobot: null, individuals: 5498},
  {month: "2020-05", households: 3915, decisions: 8008, ssbtekCaseWorker: 9820, ssbtekRobot: null, individuals: 3598},
  {month: "2020-06", households: 3802, decisions: 7605, ssbtekCaseWorker: 9601, ssbtekRobot: null, individuals: 3745},
  {month: "2020-07", households: 3980, decisions: 8224, ssbtekCaseWorker: 10000, ssbtekRobot: null, individuals: 3749},
  {month: "2020-08", households: 3801, decisions: 7466, ssbtekCaseWorker: 10783, ssbtekRobot: null, individuals: 3976},
  {month: "2020-09", households: 3789, decisions: 7546, ssbtekCaseWorker: 12105, ssbtekRobot: 26965, individuals: 8947},
  {month: "2020-10", households: 3777, decisions: 7507, ssbtekCaseWorker: 11057, ssbtekRobot: 16896, individuals: 8591},
  {month: "2020-11", households: 3713, decisions: 7453, ssbtekCaseWorker: 10848, ssbtekRobot: 16783, individuals: 8737}
];

/** The SSBTEK robot's first month. */
export const ROBOT_START_MONTH = monthOf(2020, 9);

/** SPEC §6, seeds/003: "Arbetsmarknadsuppdrag och inflöde" March–November 2020. */
export const ASSIGNMENT_TARGETS: readonly {month: string; referred: number; executions: number}[] = [
  {month: "2020-03", referred: 354, executions: 206},
  {month: "2020-04", referred: 198, executions: 184},
  {month: "2020-05", referred: 201, executions: 150},
  {month: "2020-06", referred: 321, executions: 343},
  {month: "2020-07", referred: 225, executions: 237},
  {month: "2020-08", referred: 142, executions: 212},
  {month: "2020-09", referred: 175, executions: 247},
  {month: "2020-10", referred: 224, executions: 198},
  {month: "2020-11", referred: 295, executions: 154}
];

/**
 * New applications refused for a non-approved second-hand contract, 2020: one in November and 40 in total
 * January–November (seeds/003). The spread over January–October is the sample's own.
 */
export const SECOND_HAND_REFUSALS_2020 = [5, 4, 6, 3, 4, 5, 2, 3, 4, 3, 1];

/** Value of piecewise-linear anchors at a month (flat outside the anchors). */
export function interpolate(anchors: Anchors, month: number): number {
  const points = anchors.map(([m, v]) => [parseMonth(m), v] as const);
  if (month <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [m1, v1] = points[i];
    if (month <= m1) {
      const [m0, v0] = points[i - 1];
      return v0 + ((v1 - v0) * (month - m0)) / (m1 - m0);
    }
  }
  return points[points.length - 1][1];
}
