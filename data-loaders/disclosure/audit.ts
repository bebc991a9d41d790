// The disclosure audit (SPEC §7): for every hidden count of an edition, the interval of values consistent with
// everything the edition publishes, by one linear program for its least and one for its greatest value. A hidden count
// is protected when its interval is not a single value and reaches from 1 (or lower) to at least 4 + the margin
// (PROTECTED_UP_TO = 8). A shown count, or a count a shown share gives, must not be 1–4.
import {PROTECTED_UP_TO, SUPPRESS_BELOW} from "../../src/lib/disclosure.ts";
import {formatInteger} from "../../src/lib/format.ts";
import {feasibleInterval, type Row, type Unknown} from "./lp.ts";
import {disclosureModel, type DisclosureModel, type EditionData, type Figure} from "./model.ts";

export interface Leak {
  /** The figure's id in the model, e.g. "am_avslut:okand"; empty for figures that contradict each other. */
  figure: string;
  /** The data file the figure is published in, e.g. "uppfoljning.json"; empty when not one file. */
  file: string;
  /** Swedish: the figure, what can be known about it and from which published figures. */
  message: string;
}

export interface AuditResult {
  leaks: Leak[];
  /** Hidden counts audited, and their intervals (for reports and tests). */
  intervals: Map<string, [number, number]>;
  /** Linear programs solved. */
  programs: number;
}

export interface AuditOptions {
  /** Stop at the first leak (the suppression search only needs to know whether a choice holds). */
  firstLeakOnly?: boolean;
  /** Audit only these hidden counts; the others still constrain them. */
  only?: ReadonlySet<string>;
}

const small = (lo: number, hi: number) => lo >= 1 && hi < SUPPRESS_BELOW;

/** The data file a figure is published in: its name starts with it ("arbetsmarknad.json › …"). */
const fileOf = (f: Figure) => f.name.split(" › ")[0];

function interval(lo: number, hi: number): string {
  const top = Number.isFinite(hi) ? formatInteger(hi) : "obegränsat";
  return lo === hi ? `exakt ${formatInteger(lo)}` : `${formatInteger(lo)}–${top}`;
}

/** The verdict on a hidden count's interval, or null when it is protected. */
function hiddenVerdict(lo: number, hi: number): string | null {
  if (lo === hi) return `kan räknas fram till exakt ${formatInteger(lo)}`;
  if (small(lo, hi)) return `kan bara vara ${interval(lo, hi)}, alltså ett litet antal`;
  if (lo > 1 || hi < PROTECTED_UP_TO) {
    return `kan bara vara ${interval(lo, hi)}; ett dolt antal måste kunna vara allt från 1 till ${PROTECTED_UP_TO} (1–4 och marginalen ${PROTECTED_UP_TO - SUPPRESS_BELOW + 1})`;
  }
  return null;
}

/** Shown and derived counts: a count of 1–4 must not be published, directly or through a share. */
function shownLeaks(model: DisclosureModel): Leak[] {
  const leaks: Leak[] = [];
  for (const f of model.figures.values()) {
    if (f.state === "visad" && small(f.lower, f.upper)) {
      leaks.push({
        figure: f.id,
        file: fileOf(f),
        message: `${f.name} visas som ${formatInteger(f.value)}, ett litet antal (1–4).`
      });
    } else if (f.state === "harledd" && small(f.lower, f.upper)) {
      leaks.push({figure: f.id, file: fileOf(f), message: `${f.name}: ${f.text}, ett litet antal (1–4).`});
    } else if (f.state === "dold" && f.shownAs) {
      leaks.push({
        figure: f.id,
        file: fileOf(f),
        message: `${f.name} är dold men visas som ${formatInteger(f.shownAs.value)} i ${f.shownAs.name}.`
      });
    }
  }
  return leaks;
}

interface Component {
  unknowns: Figure[];
  index: Map<string, number>;
  rows: Row[];
  texts: string[];
}

/** Splits the hidden counts into groups linked by relations; each group is one linear program. */
function components(model: DisclosureModel): {byFigure: Map<string, Component>; conflicts: string[]} {
  const hidden = [...model.figures.values()].filter((f) => f.state === "dold" && !f.shownAs);
  const parent = new Map(hidden.map((f) => [f.id, f.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  const conflicts: string[] = [];
  const rows: {relation: (typeof model.relations)[number]; unknown: [string, number][]; constant: number}[] = [];
  for (const relation of model.relations) {
    let constant = 0;
    const unknown: [string, number][] = [];
    for (const [id, coefficient] of relation.terms) {
      const f = model.figures.get(id);
      if (f && parent.has(id)) unknown.push([id, coefficient]);
      else constant += coefficient * (f?.shownAs?.value ?? f?.value ?? 0);
    }
    if (unknown.length === 0) {
      if (constant < relation.lower || constant > relation.upper) conflicts.push(relation.text);
      continue;
    }
    unknown.slice(1).forEach(([id]) => parent.set(find(id), find(unknown[0][0])));
    rows.push({relation, unknown, constant});
  }
  const groups = new Map<string, Component>();
  for (const f of hidden) {
    const root = find(f.id);
    const group: Component = groups.get(root) ?? {unknowns: [], index: new Map(), rows: [], texts: []};
    group.index.set(f.id, group.unknowns.length);
    group.unknowns.push(f);
    groups.set(root, group);
  }
  for (const {relation, unknown, constant} of rows) {
    const group = groups.get(find(unknown[0][0])) as Component;
    group.rows.push({
      terms: unknown.map(([id, c]) => [group.index.get(id) as number, c] as const),
      lower: relation.lower - constant,
      upper: relation.upper - constant
    });
    group.texts.push(relation.text);
  }
  const byFigure = new Map<string, Component>();
  for (const f of hidden) byFigure.set(f.id, groups.get(find(f.id)) as Component);
  return {byFigure, conflicts};
}

/** The published figures and known bounds behind an interval, for the message. */
function derivation(group: Component, target: number, used: {rows: number[]; unknowns: number[]}[]): string {
  const texts = new Set<string>();
  for (const bound of used) {
    for (const r of bound.rows) texts.add(group.texts[r]);
    for (const u of bound.unknowns) {
      const f = group.unknowns[u];
      const text = f.lowerText === f.upperText ? f.lowerText : `${f.lowerText}; ${f.upperText}`;
      if (u !== target && text) texts.add(`${f.name.split(" › ").slice(1).join(" › ")}: ${text}`);
    }
  }
  const own = group.unknowns[target];
  for (const text of new Set([own.lowerText, own.upperText])) if (text) texts.add(`talet självt: ${text}`);
  return [...texts].join("; ");
}

/** Audits a model: every hidden count's interval, every shown or derived count. */
export async function auditModel(model: DisclosureModel, options: AuditOptions = {}): Promise<AuditResult> {
  const result: AuditResult = {leaks: [], intervals: new Map(), programs: 0};
  const stop = () => options.firstLeakOnly === true && result.leaks.length > 0;
  for (const conflict of model.conflicts) {
    result.leaks.push({figure: "", file: "", message: `De publicerade talen motsäger varandra: ${conflict}.`});
  }
  const {byFigure, conflicts} = components(model);
  for (const text of conflicts)
    result.leaks.push({figure: "", file: "", message: `De publicerade talen motsäger varandra: ${text}.`});
  for (const leak of shownLeaks(model)) if (!options.only || options.only.has(leak.figure)) result.leaks.push(leak);
  if (stop()) return result;

  for (const [id, group] of byFigure) {
    if (options.only && !options.only.has(id)) continue;
    const target = group.index.get(id) as number;
    const unknowns: Unknown[] = group.unknowns.map((f) => ({lower: f.lower, upper: f.upper}));
    // A count no relation touches can be anything its own bounds allow: no program needed.
    const alone = group.rows.length === 0;
    const own = {value: 0, rows: [], unknowns: [target]};
    const found = alone
      ? {min: {...own, value: unknowns[target].lower}, max: {...own, value: unknowns[target].upper}}
      : await feasibleInterval(target, unknowns, group.rows);
    if (!alone) result.programs += 2;
    if (found === "infeasible") {
      result.leaks.push({
        figure: id,
        file: fileOf(group.unknowns[target]),
        message: `De publicerade talen kring ${group.unknowns[target].name} motsäger varandra: ${group.texts.join("; ")}.`
      });
    } else {
      const [lo, hi] = [found.min.value, found.max.value];
      result.intervals.set(id, [lo, hi]);
      const verdict = hiddenVerdict(lo, hi);
      if (verdict) {
        // The bounds that fail: the least value when it is above 1, the greatest when it is below 8.
        const used = [...(lo > 1 || lo === hi ? [found.min] : []), ...(hi < PROTECTED_UP_TO ? [found.max] : [])];
        result.leaks.push({
          figure: id,
          file: fileOf(group.unknowns[target]),
          message: `${group.unknowns[target].name} är dold men ${verdict}. Härledning: ${derivation(group, target, used)}.`
        });
      }
    }
    if (stop()) return result;
  }
  return result;
}

/** Audits an edition's published data (a part of it is enough). */
export async function auditEdition(edition: EditionData, options: AuditOptions = {}): Promise<AuditResult> {
  return auditModel(disclosureModel(edition), options);
}
