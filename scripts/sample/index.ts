// The sample-data generator (npm run sample): a deterministic simulation of the sample municipality's case
// management systems, calibrated to the real reports (SPEC §6), written as monthly deliveries per the data contract.
import {mkdir} from "node:fs/promises";
import {join, resolve} from "node:path";
import {deriveAssignments} from "./assignments.ts";
import {calibrateAm, calibrateIntegration, calibratePayments, calibrateReactualisation} from "./calibrate.ts";
import {
  AM_BURN_IN_MONTH,
  DELIVERY_DAY,
  FIRST_DELIVERY_MONTH,
  LAST_DELIVERY_MONTH,
  SIM_END_MONTH,
  SQL_SEED
} from "./config.ts";
import {dayInMonth, isoDay} from "./dates.ts";
import {deriveApplications, planSsbtek} from "./logs.ts";
import {claimOutput, releaseOutput} from "./output.ts";
import {derivePayments} from "./payments.ts";
import {Persons} from "./population.ts";
import {buildRecords, type Records} from "./records.ts";
import {PayingIndex, simulateAm} from "./simulate-am.ts";
import {simulateEb} from "./simulate-eb.ts";
import {calibrateVux, simulateVux} from "./vux.ts";
import {buildDatabase, writeDelivery} from "./write.ts";

export interface SampleOptions {
  /** Folder for the deliveries, e.g. data/exports. */
  outDir: string;
  /** Population multiplier (a positive integer); 1 is a municipality of about 200 000 inhabitants. */
  scale?: number;
  /** Receives progress lines (Swedish). */
  log?: (line: string) => void;
}

/** The delivery dates, 2020-02-05 … 2024-01-05. */
export function deliveryDays(): number[] {
  const days: number[] = [];
  for (let month = FIRST_DELIVERY_MONTH; month <= LAST_DELIVERY_MONTH; month++) {
    days.push(dayInMonth(month, DELIVERY_DAY));
  }
  return days;
}

/** Runs the simulation and its calibration and returns the record sets to load. */
function simulate(scale: number, log: (line: string) => void): Records {
  log(`Simulerar ekonomiskt bistånd (skala ${scale}) …`);
  const persons = new Persons();
  const eb = simulateEb(scale, persons);
  calibrateReactualisation(eb);
  calibrateIntegration(eb, scale);
  const payments = derivePayments(eb.spells);
  calibratePayments(eb, payments, scale);

  log("Simulerar arbetsmarknadsinsatser …");
  const paying = new PayingIndex(eb, AM_BURN_IN_MONTH, SIM_END_MONTH);
  const enrolments = simulateAm(scale, eb, persons, paying);
  calibrateAm(enrolments, scale);
  const assignments = deriveAssignments(scale, eb, persons, enrolments, paying);

  log("Simulerar ansökningar, SSBTEK-slagningar och vuxenutbildning …");
  const applications = deriveApplications(scale, eb);
  const ssbtek = planSsbtek(scale, eb, applications);
  const admissions = simulateVux(scale, persons);
  calibrateVux(admissions, scale, persons);
  return buildRecords({eb, persons, payments, applications, ssbtek, enrolments, assignments, admissions});
}

/**
 * Generates the sample deliveries into `outDir` and returns their dates. Deterministic: the same scale gives
 * byte-identical files. Overwrites deliveries an earlier run wrote; refuses a folder holding other deliveries.
 */
export async function generateSample({
  outDir,
  scale = 1,
  log = () => {}
}: SampleOptions): Promise<{deliveries: string[]}> {
  if (!Number.isSafeInteger(scale) || scale < 1) {
    throw new Error(`Skalan måste vara ett positivt heltal (fick ${scale}).`);
  }
  const root = resolve(outDir);
  const days = deliveryDays();
  const dates = days.map(isoDay);
  await mkdir(root, {recursive: true});
  await claimOutput(root, dates, scale);

  // The simulation's objects are only reachable inside simulate(), so they can be collected before the writing.
  const database = await buildDatabase(simulate(scale, log), SQL_SEED, log);
  const conn = database.conn;
  try {
    let previous: Parameters<typeof writeDelivery>[3] = null;
    for (const [i, day] of days.entries()) {
      log(`Skriver leverans ${dates[i]} (${i + 1}/${days.length}) …`);
      const written = await writeDelivery(conn, root, day, previous);
      previous = {dir: join(root, written.date), delivery: day, rows: written.rows};
    }
  } finally {
    await database.close();
  }
  await releaseOutput(root, dates, scale);
  return {deliveries: dates};
}
