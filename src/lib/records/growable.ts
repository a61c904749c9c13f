/** A list of 32-bit integers that grows as it is filled: 4 bytes a value instead of a JS array's 8 or more. */
export class Int32List {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i];
  }

  /** Empties the list and lets its memory go. */
  clear(): void {
    this.data = new Int32Array(0);
    this.length = 0;
  }
}
