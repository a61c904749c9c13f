/**
 * The one modification date the build gives every file Framework reads
 * (scripts/framework-build.ts), so two builds from the same input are
 * byte-identical: Framework writes each file's modification time into the
 * page (a FileAttachment's `lastModified`) and into the hash in its module
 * names, and a data loader's output is new on every build.
 *
 * `SOURCE_DATE_EPOCH` (whole seconds since 1970-01-01 UTC, the Reproducible
 * Builds convention) sets it; without it, the date is 1970-01-01 itself.
 */
export const SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

/** The build's date from the environment; throws, naming the variable and its value, when it is not whole seconds. */
export function buildDate(env: NodeJS.ProcessEnv): Date {
  const text = env[SOURCE_DATE_EPOCH];
  if (text === undefined || text === "") return new Date(0);
  const seconds = /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) {
    throw new Error(
      `${SOURCE_DATE_EPOCH} is ${JSON.stringify(text)}: expected whole seconds since 1970-01-01 UTC, such as 1767225600 for 2026-01-01, or nothing (then 1970-01-01)`,
    );
  }
  return date;
}
