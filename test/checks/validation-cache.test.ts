// The validation cache: a delivery validated once is not validated again by the edition's other loaders, and any
// change to its files validates it again, so a broken delivery is never let through.
import {mkdtemp, readdir} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeEach, describe, expect, test} from "vitest";
import {ContractError} from "../../data-loaders/checks/findings.ts";
import {rememberResult, validationCacheDir, validationKey} from "../../data-loaders/checks/validation-cache.ts";
import {openDelivery} from "../../data-loaders/deliveries.ts";
import {breakDelivery} from "../fixtures/break-delivery.ts";
import {DELIVERY, minimalDelivery} from "../fixtures/minimal-delivery.ts";

beforeEach(async () => {
  process.env.NAMNDRAPPORT_VALIDATION_CACHE = await mkdtemp(join(tmpdir(), "namndrapport-validering-"));
});

describe("openDelivery(root, delivery, {cache: true})", () => {
  test("remembers a successful validation and reuses it, warnings included", async () => {
    const root = await minimalDelivery();
    await openDelivery(root, DELIVERY, {cache: true});
    const key = validationKey(root, DELIVERY);
    expect(await readdir(validationCacheDir())).toEqual([`${key}.json`]);

    // A remembered warning comes back without validating again.
    const marker = {id: "markor", message: "från cachen"} as never;
    await rememberResult(key, "", [marker]);
    const seen: unknown[] = [];
    await openDelivery(root, DELIVERY, {cache: true, onWarnings: (w) => seen.push(...w)});
    expect(seen).toEqual([marker]);
    // Without the option, the delivery is validated: the minimal delivery has no warnings.
    const fresh: unknown[] = [];
    await openDelivery(root, DELIVERY, {onWarnings: (w) => fresh.push(...w)});
    expect(fresh).toEqual([]);
  });

  test("validates again when a file changed, so a broken delivery still fails", async () => {
    const root = await minimalDelivery();
    await openDelivery(root, DELIVERY, {cache: true});
    const before = validationKey(root, DELIVERY);
    await breakDelivery(join(root, DELIVERY), "lifecare_eb_utbetalning", {kind: "dropColumn", column: "avser_manad"});
    expect(validationKey(root, DELIVERY)).not.toBe(before);
    const error = await openDelivery(root, DELIVERY, {cache: true}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).message).toBe(
      "leverans 2023-12-05: lifecare_eb_utbetalning.parquet saknar kolumnen avser_manad"
    );
    // Errors are not remembered.
    expect(await readdir(validationCacheDir())).toEqual([`${before}.json`]);
  });
});
