/**
 * Progress on stderr for long runs (Node only): nothing for the first two
 * seconds, so small folders build quietly; then at most a line a second while
 * records are read, and a line as each later phase starts.
 */
export interface ReadProgress {
  /** The file being read, or the last one read. */
  file: string;
  /** Files read completely so far. */
  files: number;
  of: number;
  records: number;
}

export class Progress {
  private readonly start: number;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly write: (line: string) => void = (line) => process.stderr.write(line),
    private readonly now: () => number = () => performance.now(),
    private readonly memory: () => number = () => process.memoryUsage().rss,
    private readonly quietMs = 2000,
  ) {
    this.start = now();
  }

  private status(): string {
    const mb = Math.round(this.memory() / 2 ** 20);
    return `${((this.now() - this.start) / 1000).toFixed(0)} s, ${mb} MB`;
  }

  /** While reading: throttled to one line a second. */
  reading = ({ file, files, of, records }: ReadProgress): void => {
    const now = this.now();
    if (now - this.start < this.quietMs || now - this.last < 1000) return;
    this.last = now;
    this.write(
      `  reading records: ${files}/${of} files, ${records.toLocaleString("en")} records, ${this.status()} (${file})\n`,
    );
  };

  /** A new phase (checking, normalising, writing a table): one line each, once the run is long. */
  phase = (name: string): void => {
    if (this.now() - this.start < this.quietMs) return;
    this.write(`  ${name}: ${this.status()}\n`);
  };
}
