// Opaque eight-character pseudonyms (letter first, then letters and digits), unique within one generation.
import {Rng} from "./prng.ts";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ALPHANUMERIC = LETTERS + "0123456789";

export class Pseudonyms {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** A new key never handed out before, e.g. "P7K2QX9M". */
  next(): string {
    for (;;) {
      let key = LETTERS[this.rng.int(LETTERS.length)];
      for (let i = 1; i < 8; i++) key += ALPHANUMERIC[this.rng.int(ALPHANUMERIC.length)];
      // Keep long digit runs out, so that no key ever resembles part of a personnummer.
      if (/\d{5}/.test(key) || this.used.has(key)) continue;
      this.used.add(key);
      return key;
    }
  }
}
