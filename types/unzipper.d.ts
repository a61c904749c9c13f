/** The part of unzipper 0.10's API used to read a workbook's parts (src/lib/pipeline/xlsx-sheets.ts). */
declare module "unzipper" {
  import type { Readable } from "node:stream";

  interface File {
    path: string;
    stream(): Readable;
  }
  interface CentralDirectory {
    files: File[];
  }
  const unzipper: { Open: { file(path: string): Promise<CentralDirectory> } };
  export default unzipper;
}
