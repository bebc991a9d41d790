import type {DuckDBConnection} from "@duckdb/node-api";
import {readFile} from "node:fs/promises";
import {beforeAll, describe, expect, test} from "vitest";
import {
  AM_AREAS,
  AM_AREAS_ACCORDA,
  AM_REASONS,
  AM_REASONS_ACCORDA,
  CONTRACT,
  EB_REASONS,
  EB_REASONS_TRESERVA,
  EB_ROLES,
  EB_ROLES_TRESERVA,
  EB_UNITS,
  EB_UNITS_TRESERVA,
  VUX_COURSE_TYPES,
  VUX_PROVIDERS
} from "../../data-loaders/contract.ts";
import {queryRows} from "../../data-loaders/db.ts";
import {exportsRoot, listDeliveries, openDelivery} from "../../data-loaders/deliveries.ts";
import {
  AM_EXIT_REASON_LABELS,
  COURSE_TYPE_LABELS,
  DECISION_TYPE_LABELS,
  EB_EXIT_REASON_LABELS,
  INVESTIGATION_OUTCOME_LABELS,
  PROGRAMME_AREA_LABELS,
  PROVIDER_LABELS,
  REFERRAL_STATUS_LABELS,
  REFUSAL_REASON_LABELS,
  ROLE_LABELS,
  SOURCE_SYSTEM_LABELS,
  SSBTEK_PERFORMER_LABELS,
  UNIT_LABELS
} from "../../src/lib/codes.ts";
import {
  AM_REASON_MAP_ACCORDA,
  AREA_MAP_ACCORDA,
  EB_REASON_MAP_TRESERVA,
  ROLE_MAP_LIFECARE,
  ROLE_MAP_TRESERVA,
  STAGING_VIEWS,
  stagingSql,
  UNIT_MAP_TRESERVA
} from "../../data-loaders/staging/views.ts";
import {CANONICAL_VIEWS, INTERMEDIATE_MODELS} from "../../data-loaders/intermediate/models.ts";
import {DELIVERY, minimalDelivery} from "../fixtures/minimal-delivery.ts";
import {acceptedValues, notNull, relationship, unique} from "./schema.ts";

interface ViewSchema {
  unique: string[][];
  notNull: string[];
  accepted: Record<string, readonly string[]>;
  relationships?: [column: string, to: [view: string, column: string][]][];
}

const codes = (labels: Record<string, string>) => Object.keys(labels);

// The tests every canonical view must pass, on the fixture and on the sample.
const SCHEMA: Record<string, ViewSchema> = {
  eb_payments: {
    unique: [["payment_id"], ["source_system", "payment_id"]],
    notNull: ["payment_id", "household_id", "month_date", "amount", "paid_date", "registered_date", "source_system"],
    accepted: {source_system: ["treserva", "lifecare"]},
    relationships: [
      [
        "household_id",
        [
          ["eb_members", "household_id"],
          ["eb_cases", "household_id"],
          ["eb_insatser", "household_id"]
        ]
      ]
    ]
  },
  eb_cases: {
    unique: [["case_id"]],
    notNull: ["case_id", "household_id", "unit", "is_newly_arrived", "opened_date", "registered_date"],
    accepted: {unit: codes(UNIT_LABELS), source_system: ["treserva"]}
  },
  eb_insatser: {
    unique: [["insats_id"]],
    notNull: ["insats_id", "household_id", "unit", "is_newly_arrived", "start_date", "registered_date"],
    accepted: {unit: codes(UNIT_LABELS), source_system: ["lifecare"]}
  },
  eb_investigations: {
    unique: [["investigation_id"]],
    notNull: ["investigation_id", "household_id", "unit", "is_newly_arrived", "opened_date", "registered_date"],
    accepted: {unit: codes(UNIT_LABELS), outcome: codes(INVESTIGATION_OUTCOME_LABELS), source_system: ["lifecare"]}
  },
  eb_members: {
    unique: [["source_system", "household_id", "person_id", "from_date"]],
    notNull: ["household_id", "person_id", "role", "birth_year", "from_date", "source_system"],
    accepted: {role: codes(ROLE_LABELS), source_system: ["treserva", "lifecare"]}
  },
  eb_exits: {
    unique: [["source_system", "household_id", "person_id", "exit_date"]],
    notNull: ["household_id", "person_id", "exit_date", "source_system"],
    accepted: {exit_reason: EB_REASONS, source_system: ["treserva", "lifecare"]},
    relationships: [["person_id", [["eb_members", "person_id"]]]]
  },
  eb_decisions: {
    unique: [["decision_id"]],
    notNull: [
      "decision_id",
      "household_id",
      "application_date",
      "decision_date",
      "decision_type",
      "is_new_application"
    ],
    accepted: {
      decision_type: codes(DECISION_TYPE_LABELS),
      refusal_reason: codes(REFUSAL_REASON_LABELS),
      source_system: ["treserva", "lifecare"]
    }
  },
  ssbtek_lookups: {
    unique: [["lookup_id"]],
    notNull: ["lookup_id", "lookup_date", "performed_by", "person_id"],
    accepted: {performed_by: codes(SSBTEK_PERFORMER_LABELS), source_system: ["ssbtek"]}
  },
  am_enrolments: {
    unique: [["enrolment_id"]],
    notNull: ["enrolment_id", "person_id", "programme_area", "start_date", "is_migrated", "registered_date"],
    accepted: {programme_area: AM_AREAS, exit_reason: AM_REASONS, source_system: ["accorda", "arena"]}
  },
  am_referrals: {
    unique: [["referral_id"]],
    notNull: ["referral_id", "person_id", "household_id", "referral_date", "status"],
    accepted: {status: codes(REFERRAL_STATUS_LABELS), source_system: ["lifecare"]}
  },
  am_executions: {
    unique: [["execution_id"]],
    notNull: ["execution_id", "household_id", "opened_date"],
    accepted: {source_system: ["lifecare"]}
  },
  vux_admissions: {
    unique: [["admission_id"]],
    notNull: ["admission_id", "student_id", "provider", "course_type", "period", "admission_date"],
    accepted: {provider: VUX_PROVIDERS, course_type: VUX_COURSE_TYPES, source_system: ["vux"]}
  },
  eb_paying_months: {
    unique: [["household_id", "month_date"]],
    notNull: ["household_id", "month_date"],
    accepted: {},
    relationships: [["household_id", [["eb_payments", "household_id"]]]]
  }
};

/** Every schema test of every canonical view, as "<view> <test>: <offending rows>" for the ones that fail. */
async function schemaFailures(conn: DuckDBConnection): Promise<string[]> {
  const failures: string[] = [];
  const check = (name: string, n: number) => n && failures.push(`${name}: ${n}`);
  for (const [view, schema] of Object.entries(SCHEMA)) {
    for (const columns of schema.unique) check(`${view} unique(${columns})`, await unique(conn, view, columns));
    for (const column of schema.notNull) check(`${view} not_null(${column})`, await notNull(conn, view, column));
    for (const [column, values] of Object.entries(schema.accepted)) {
      check(`${view} accepted_values(${column})`, await acceptedValues(conn, view, column, values));
    }
    for (const [column, to] of schema.relationships ?? []) {
      check(`${view} relationship(${column})`, await relationship(conn, view, column, to));
    }
  }
  return failures;
}

describe("openDelivery(root, date) staging views on the minimal delivery", () => {
  let conn: DuckDBConnection;
  beforeAll(async () => {
    conn = await openDelivery(await minimalDelivery(), DELIVERY);
  });

  test("openDelivery(root, date) gives canonical views that pass unique, not_null, accepted_values and relationship tests", async () => {
    expect(Object.keys(SCHEMA).sort()).toEqual(INTERMEDIATE_MODELS.map((v) => v.name).sort());
    expect(await schemaFailures(conn)).toEqual([]);
  });

  test("openDelivery(root, date) casts legacy text dates and periods to DATE, empty text to null", async () => {
    expect(
      await queryRows(conn, "select case_id, opened_date, first_decision_date, closed_date from eb_cases order by 1")
    ).toEqual([
      {case_id: "T0000001", opened_date: "2019-01-15", first_decision_date: "2019-01-20", closed_date: null},
      {case_id: "T0000002", opened_date: "2021-03-01", first_decision_date: null, closed_date: "2022-06-30"}
    ]);
    expect(
      await queryRows(
        conn,
        "select payment_id, month_date, paid_date, registered_date from eb_payments where source_system = 'treserva' order by 1"
      )
    ).toEqual([
      {payment_id: "TU000001", month_date: "2022-08-01", paid_date: "2022-07-25", registered_date: "2022-07-25"},
      {payment_id: "TU000002", month_date: "2022-09-01", paid_date: "2022-08-25", registered_date: "2022-08-25"}
    ]);
    expect(
      await queryRows(
        conn,
        "select enrolment_id, start_date, end_date, exit_reason, registered_date from am_enrolments where source_system = 'accorda' order by 1"
      )
    ).toEqual([
      {
        enrolment_id: "A0000001",
        start_date: "2022-03-01",
        end_date: null,
        exit_reason: null,
        registered_date: "2022-03-01"
      },
      {
        enrolment_id: "A0000002",
        start_date: "2021-01-10",
        end_date: "2021-06-30",
        exit_reason: "arbete_ej_subventionerat",
        registered_date: "2021-07-02"
      }
    ]);
  });

  test("openDelivery(root, date) maps legacy codes and J/N flags to canonical values", async () => {
    expect(
      await queryRows(conn, "select person_id, role, source_system from eb_members order by source_system, person_id")
    ).toEqual([
      {person_id: "PAAAAAA1", role: "applicant", source_system: "lifecare"},
      {person_id: "PAAAAAB2", role: "child", source_system: "lifecare"},
      {person_id: "PBBBBBB1", role: "applicant", source_system: "lifecare"},
      {person_id: "PAAAAAA1", role: "applicant", source_system: "treserva"},
      {person_id: "PAAAAAB2", role: "child", source_system: "treserva"},
      {person_id: "PCCCCCC1", role: "applicant", source_system: "treserva"}
    ]);
    expect(await queryRows(conn, "select case_id, unit, is_newly_arrived from eb_cases order by 1")).toEqual([
      {case_id: "T0000001", unit: "alf", is_newly_arrived: false},
      {case_id: "T0000002", unit: "integration", is_newly_arrived: true}
    ]);
    expect(
      await queryRows(conn, "select programme_area, source_system from am_enrolments order by enrolment_id")
    ).toEqual([
      {programme_area: "jobbcenter", source_system: "accorda"},
      {programme_area: "praktik", source_system: "accorda"},
      {programme_area: "jobbcenter", source_system: "arena"},
      {programme_area: "praktik", source_system: "arena"}
    ]);
  });

  test("openDelivery(root, date) gives exits per adult with the canonical reason, null while not registered", async () => {
    expect(await queryRows(conn, "select * from eb_exits order by source_system")).toEqual([
      {
        household_id: "HBBBBBB2",
        person_id: "PBBBBBB1",
        exit_date: "2023-11-20",
        exit_reason: null,
        registered_date: null,
        source_system: "lifecare"
      },
      {
        household_id: "HCCCCCC3",
        person_id: "PCCCCCC1",
        exit_date: "2022-06-30",
        exit_reason: "arbete",
        registered_date: "2022-07-05",
        source_system: "treserva"
      }
    ]);
  });

  test("openDelivery(root, date) gives amounts in kronor as plain numbers, Treserva's whole kronor included", async () => {
    const rows = await queryRows<{payment_id: string; amount: number; household_id: string}>(
      conn,
      "select payment_id, amount, household_id from eb_payments order by payment_id"
    );
    expect(rows).toEqual([
      {payment_id: "L0000001", amount: 10500, household_id: "HAAAAAA1"},
      {payment_id: "L0000002", amount: 10750.5, household_id: "HAAAAAA1"},
      {payment_id: "L0000003", amount: 8200, household_id: "HBBBBBB2"},
      {payment_id: "L0000004", amount: 10750.5, household_id: "HAAAAAA1"},
      {payment_id: "TU000001", amount: 10500, household_id: "HAAAAAA1"},
      {payment_id: "TU000002", amount: 10400, household_id: "HAAAAAA1"}
    ]);
    const [{total}] = await queryRows<{total: number}>(conn, "select sum(amount) as total from eb_payments");
    expect(total).toBe(61101);
  });

  test("openDelivery(root, date) unions the systems with source_system and keeps every row", async () => {
    const counts = await queryRows(
      conn,
      `select 'eb_payments' as view, source_system, count(*) as n from eb_payments group by all
       union all select 'eb_members', source_system, count(*) from eb_members group by all
       union all select 'eb_exits', source_system, count(*) from eb_exits group by all
       union all select 'am_enrolments', source_system, count(*) from am_enrolments group by all
       order by 1, 2`
    );
    expect(counts).toEqual([
      {view: "am_enrolments", source_system: "accorda", n: 2},
      {view: "am_enrolments", source_system: "arena", n: 2},
      {view: "eb_exits", source_system: "lifecare", n: 1},
      {view: "eb_exits", source_system: "treserva", n: 1},
      {view: "eb_members", source_system: "lifecare", n: 3},
      {view: "eb_members", source_system: "treserva", n: 3},
      {view: "eb_payments", source_system: "lifecare", n: 4},
      {view: "eb_payments", source_system: "treserva", n: 2}
    ]);
    for (const table of CONTRACT) {
      const [{src, stg}] = await queryRows<{src: number; stg: number}>(
        conn,
        `select (select count(*) from src_${table.name}) as src, (select count(*) from stg_${table.name}) as stg`
      );
      expect(stg, table.name).toBe(src);
    }
  });
});

describe("stagingSql(root, date)", () => {
  test("stagingSql(root, date) reads each export file once, in its src_ view, and nowhere else", () => {
    const sql = stagingSql("/leveranser", "2023-12-05");
    expect(sql.match(/read_parquet\(/g)).toHaveLength(CONTRACT.length);
    for (const table of CONTRACT) {
      expect(sql).toContain(
        `create or replace view src_${table.name} as select * from read_parquet('/leveranser/2023-12-05/${table.file}');`
      );
    }
    for (const view of [...STAGING_VIEWS, ...INTERMEDIATE_MODELS]) {
      expect(view.sql, view.name).not.toMatch(/read_parquet|\.parquet|leveranser/);
      expect(view.sql.trim(), view.name).toMatch(/select \* from final$/);
    }
  });

  test("stagingSql(root, date) has one stg_ view per contract table, one to one: no joins, no aggregates", () => {
    expect(STAGING_VIEWS.map((v) => v.name)).toEqual(CONTRACT.map((t) => `stg_${t.name}`));
    for (const view of STAGING_VIEWS) {
      expect(view.sql, view.name).not.toMatch(/\bjoin\b|group by|count\(|sum\(|distinct/i);
      expect(view.sql, view.name).toMatch(
        new RegExp(`^with source as \\(select \\* from src_${view.name.slice(4)}\\)`)
      );
    }
    // The unions only look up a household; they never aggregate.
    for (const view of CANONICAL_VIEWS) {
      expect(view.sql, view.name).not.toMatch(/group by|count\(|sum\(|distinct/i);
    }
  });

  test("stagingSql(root, date) quotes a path with an apostrophe", () => {
    expect(stagingSql("/d'Artagnan", "2023-12-05")).toContain("read_parquet('/d''Artagnan/2023-12-05/");
  });
});

describe("code maps", () => {
  test("the legacy code maps cover exactly the contract's legacy codes and give its canonical codes", () => {
    const maps: [Record<string, string>, readonly string[], readonly string[]][] = [
      [UNIT_MAP_TRESERVA, EB_UNITS_TRESERVA, EB_UNITS],
      [EB_REASON_MAP_TRESERVA, EB_REASONS_TRESERVA, EB_REASONS],
      [AREA_MAP_ACCORDA, AM_AREAS_ACCORDA, AM_AREAS],
      [AM_REASON_MAP_ACCORDA, AM_REASONS_ACCORDA, AM_REASONS],
      [ROLE_MAP_TRESERVA, EB_ROLES_TRESERVA, Object.keys(ROLE_LABELS)],
      [ROLE_MAP_LIFECARE, EB_ROLES, Object.keys(ROLE_LABELS)]
    ];
    for (const [map, legacy, canonical] of maps) {
      expect(Object.keys(map).sort()).toEqual([...legacy].sort());
      expect(Object.values(map).sort()).toEqual([...canonical].sort());
    }
  });
});

describe("labels", () => {
  test("every canonical code the views can hold has a Swedish label", () => {
    const labelled: [readonly string[], Record<string, string>][] = [
      [EB_REASONS, EB_EXIT_REASON_LABELS],
      [AM_AREAS, PROGRAMME_AREA_LABELS],
      [AM_REASONS, AM_EXIT_REASON_LABELS],
      [VUX_PROVIDERS, PROVIDER_LABELS],
      [VUX_COURSE_TYPES, COURSE_TYPE_LABELS],
      [["treserva", "lifecare", "accorda", "arena", "ssbtek", "vux"], SOURCE_SYSTEM_LABELS]
    ];
    for (const [values, labels] of labelled) for (const v of values) expect(labels[v], v).toBeTruthy();
    expect(PROVIDER_LABELS.agila).toBe("Agila Institutet");
    expect(PROVIDER_LABELS.infokomp).toBe("InfoKomp");
  });
});

describe("docs/staging.md", () => {
  test("docs/staging.md lists every canonical view with exactly its columns and types", async () => {
    const doc = await readFile("docs/staging.md", "utf8");
    const documented = new Map<string, string[]>();
    for (const section of doc.split(/^### /m).slice(1)) {
      const name = /^`(\w+)`/.exec(section)?.[1];
      if (!name) continue;
      const columns = [...section.matchAll(/^\| `(\w+)` \| ([A-Z0-9(), ]+?) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
      documented.set(name, columns);
    }
    const conn = await openDelivery(await minimalDelivery(), DELIVERY);
    for (const view of INTERMEDIATE_MODELS) {
      const columns = await queryRows<{column_name: string; column_type: string}>(conn, `describe ${view.name}`);
      expect(documented.get(view.name), view.name).toEqual(columns.map((c) => `${c.column_name} ${c.column_type}`));
    }
    expect([...documented.keys()].sort()).toEqual(INTERMEDIATE_MODELS.map((v) => v.name).sort());
  });
});

// The same schema tests on the newest delivery under data/exports (the sample, or a real one), when there is one.
const root = exportsRoot();
const newest = listDeliveries(root).at(-1);

describe.skipIf(!newest)("openDelivery(root, date) staging views on the newest delivery in data/exports", () => {
  test("openDelivery(root, newest) gives canonical views that pass every schema test", async () => {
    const conn = await openDelivery(root, newest!);
    expect(await schemaFailures(conn)).toEqual([]);
  });
});
