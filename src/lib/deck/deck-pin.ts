/**
 * Makes a .pptx byte-for-byte repeatable: pptxgenjs stamps every zip entry
 * with the time of writing and gives each chart's embedded workbook the time
 * in its own docProps/core.xml. This rewrites the package with every entry
 * dated PINNED_DATE and the workbooks' dates pinned, keeping the entries'
 * order; only the deck's own docProps/core.xml keeps the real time (when the
 * file was made).
 */
import JSZip from "jszip";

/** The date every zip entry carries (zip dates start in 1980). */
export const PINNED_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

const CORE_DATES = /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g;

/** A package (zip) rewritten with pinned entry dates; `edit` may change an entry's bytes. */
async function repack(
  bytes: Uint8Array,
  edit: (name: string, data: Uint8Array) => Promise<Uint8Array> | Uint8Array,
): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    const data = await edit(entry.name, await entry.async("uint8array"));
    out.file(entry.name, data, { date: PINNED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** A chart's embedded workbook with its creation dates pinned. */
function pinWorkbook(bytes: Uint8Array): Promise<Uint8Array> {
  const iso = PINNED_DATE.toISOString();
  return repack(bytes, (name, data) =>
    name === "docProps/core.xml"
      ? new TextEncoder().encode(new TextDecoder().decode(data).replace(CORE_DATES, `$1${iso}$3`))
      : data,
  );
}

/** The .pptx `bytes` with every date but the deck's own core.xml pinned. */
export function pinPackage(bytes: Uint8Array): Promise<Uint8Array> {
  return repack(bytes, (name, data) => (/^ppt\/embeddings\/[^/]+\.xlsx$/.test(name) ? pinWorkbook(data) : data));
}
