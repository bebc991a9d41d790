// Growable columnar storage for the large record sets (payments, applications), kept out of JS objects so that
// scale 40 stays within memory.

/** Marks a missing integer; written to DuckDB as NULL. */
export const NULL_INT = -2147483648;

export class IntTable<C extends string> {
  length = 0;
  private capacity = 1024;
  readonly columns: Record<C, Int32Array>;

  constructor(readonly names: readonly C[]) {
    this.columns = Object.fromEntries(names.map((n) => [n, new Int32Array(this.capacity)])) as Record<C, Int32Array>;
  }

  /** Appends one row; values in the order of `names`. Returns the row index. */
  push(...values: number[]): number {
    if (this.length === this.capacity) this.grow();
    const row = this.length++;
    for (let i = 0; i < this.names.length; i++) this.columns[this.names[i]][row] = values[i];
    return row;
  }

  get(column: C, row: number): number {
    return this.columns[column][row];
  }

  set(column: C, row: number, value: number): void {
    this.columns[column][row] = value;
  }

  private grow(): void {
    this.capacity *= 2;
    for (const name of this.names) {
      const next = new Int32Array(this.capacity);
      next.set(this.columns[name]);
      this.columns[name] = next;
    }
  }
}
