// The command line of the sample generator: npm run sample -- [--ut <mapp>] [--skala <heltal>]. Swedish messages,
// one progress line per delivery, total time and disk size at the end.
import {readdir, stat} from "node:fs/promises";
import {join, relative, resolve} from "node:path";
import {parseArgs} from "node:util";
import {generateSample} from "./index.ts";

export const USAGE = `Användning: npm run sample -- [--ut <mapp>] [--skala <heltal>]

  --ut <mapp>       mapp för leveranserna (standard data/exports)
  --skala <heltal>  befolkningsmultipel, 1 = en kommun med cirka 200 000 invånare,
                    40 = ungefär hela landet (standard 1; --scale fungerar också)
  -h, --hjalp       visa den här texten

Skriver 48 månadsleveranser (2020-02-05 … 2024-01-05) med exempeldata enligt docs/data-contract.md.
Leveranser som en tidigare körning skrivit skrivs över; andra leveranser i mappen rörs aldrig.`;

/** A mistake on the command line: the message is shown with the usage text. */
export class UsageError extends Error {}

export interface SampleArgs {
  outDir: string;
  scale: number;
  help: boolean;
}

export function parseSampleArgs(args: string[]): SampleArgs {
  let values: {ut?: string; skala?: string; scale?: string; hjalp?: boolean; help?: boolean};
  try {
    ({values} = parseArgs({
      args,
      options: {
        ut: {type: "string"},
        skala: {type: "string"},
        scale: {type: "string"},
        hjalp: {type: "boolean", short: "h"},
        help: {type: "boolean"}
      },
      strict: true,
      allowPositionals: false
    }));
  } catch (error) {
    const code = (error as {code?: string}).code;
    const message = (error as Error).message;
    const option = /'(-[^' ]+)/.exec(message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`Okänt argument: ${option ?? message}.`);
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL")
      throw new UsageError(`Oväntat argument: ${option ?? message}.`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      throw new UsageError(`Argumentet ${option ?? ""} behöver ett värde.`);
    throw new UsageError(`Ogiltiga argument: ${message}`);
  }
  if (values.skala !== undefined && values.scale !== undefined && values.skala !== values.scale) {
    throw new UsageError("Ange skalan en gång: --skala och --scale har olika värden.");
  }
  const text = values.skala ?? values.scale ?? "1";
  if (!/^[1-9][0-9]*$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--skala måste vara ett positivt heltal (fick "${text}").`);
  }
  if (values.ut !== undefined && values.ut.trim() === "") throw new UsageError("--ut behöver en mapp.");
  return {outDir: values.ut ?? "data/exports", scale: Number(text), help: Boolean(values.hjalp || values.help)};
}

async function folderSize(path: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(path, {withFileTypes: true})) {
    const full = join(path, entry.name);
    bytes += entry.isDirectory() ? await folderSize(full) : (await stat(full)).size;
  }
  return bytes;
}

const decimal = (value: number) => new Intl.NumberFormat("sv-SE", {maximumFractionDigits: 1}).format(value);

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`)
};

/** Runs the command; returns the exit status (0 done, 1 failed, 2 bad arguments). */
export async function runSampleCli(args: string[], io: Io = processIo): Promise<number> {
  let parsed: SampleArgs;
  try {
    parsed = parseSampleArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`Fel: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.out(USAGE);
    return 0;
  }
  const started = Date.now();
  const shown = relative(process.cwd(), resolve(parsed.outDir)) || ".";
  io.out(`Genererar exempeldata i ${shown} (skala ${parsed.scale}) …`);
  try {
    const {deliveries} = await generateSample({outDir: parsed.outDir, scale: parsed.scale, log: io.out});
    let bytes = 0;
    for (const date of deliveries) bytes += await folderSize(join(parsed.outDir, date));
    const seconds = (Date.now() - started) / 1000;
    io.out(`Klart: ${deliveries.length} leveranser i ${shown}, ${decimal(bytes / 1e6)} MB, på ${decimal(seconds)} s.`);
    return 0;
  } catch (error) {
    io.err(`Fel: exempeldata kunde inte genereras: ${(error as Error).message}`);
    return 1;
  }
}
