// The archival form of an edition PDF. Chromium writes a tagged PDF (structure tree, bookmarks, /Lang); this module
// keeps all of that and adds what PDF/A-2b asks for: document information and the same values as XMP metadata with
// the PDF/A identification, an sRGB output intent, and a file identifier. It also makes the bytes reproducible:
// the dates come from the caller, Chromium's per-run element IDs are renumbered and the file ID is a hash of the file.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFObject
} from "pdf-lib";

/** sRGB, ICC version 2 (see icc/README.md for its origin and licence). */
const SRGB_PROFILE = readFileSync(new URL("./icc/sRGB.icc", import.meta.url));
export const OUTPUT_CONDITION = "sRGB IEC61966-2.1";

export interface ArchivalMetadata {
  title: string;
  author: string;
  subject: string;
  /** BCP 47 language tag, e.g. "sv-SE". */
  language: string;
  /** Creator and producer: the project's name and version. */
  creator: string;
  /** Creation and modification time. */
  date: Date;
  /** The page's visible headings in document order: the bookmarks' titles. */
  headings: string[];
}

const name = (key: string) => PDFName.of(key);

/** D:YYYYMMDDHHmmSS+00'00' (document information) and YYYY-MM-DDTHH:mm:SS+00:00 (XMP) for the same instant. */
function dates(date: Date): {pdf: string; xmp: string} {
  const iso = date.toISOString().slice(0, 19);
  return {pdf: `D:${iso.replace(/[-T:]/g, "")}+00'00'`, xmp: `${iso}+00:00`};
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})[c] as string);

/** The XMP packet: Dublin Core, XMP basic and PDF properties equal to the document information, and pdfaid 2B. */
export function xmpPacket(meta: Omit<ArchivalMetadata, "headings">): string {
  const when = dates(meta.date).xmp;
  const x = {
    title: escapeXml(meta.title),
    author: escapeXml(meta.author),
    subject: escapeXml(meta.subject),
    creator: escapeXml(meta.creator),
    language: escapeXml(meta.language)
  };
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about=""
        xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:xmp="http://ns.adobe.com/xap/1.0/"
        xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
        xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${x.title}</rdf:li></rdf:Alt></dc:title>
      <dc:creator><rdf:Seq><rdf:li>${x.author}</rdf:li></rdf:Seq></dc:creator>
      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${x.subject}</rdf:li></rdf:Alt></dc:description>
      <dc:language><rdf:Bag><rdf:li>${x.language}</rdf:li></rdf:Bag></dc:language>
      <xmp:CreatorTool>${x.creator}</xmp:CreatorTool>
      <xmp:CreateDate>${when}</xmp:CreateDate>
      <xmp:ModifyDate>${when}</xmp:ModifyDate>
      <xmp:MetadataDate>${when}</xmp:MetadataDate>
      <pdf:Producer>${x.creator}</pdf:Producer>
      <pdfaid:part>2</pdfaid:part>
      <pdfaid:conformance>B</pdfaid:conformance>
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** A structure element's kids as a flat list: a ref, a dict, an array of them, or a marked-content number. */
function kids(context: PDFContext, value: PDFObject | undefined): {ref?: PDFRef; dict: PDFDict}[] {
  if (!value) return [];
  if (value instanceof PDFArray) return value.asArray().flatMap((v) => kids(context, v));
  if (value instanceof PDFRef) {
    const dict = context.lookup(value);
    return dict instanceof PDFDict ? [{ref: value, dict}] : [];
  }
  return value instanceof PDFDict ? [{dict: value}] : [];
}

/** The text of a PDF string object, or null for anything else. */
function text(value: PDFObject | undefined): string | null {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
}

/**
 * Chromium names structure elements after DOM node numbers ("node00005427"), which change from run to run. Renames
 * them in document order ("nr00001", …), updates the table cells' /Headers and rebuilds the /IDTree.
 */
function renumberStructureIds(context: PDFContext, catalog: PDFDict): void {
  const root = catalog.lookupMaybe(name("StructTreeRoot"), PDFDict);
  if (!root) throw new Error("Chromium skrev inget strukturträd (taggning) i PDF:en.");
  const renamed = new Map<string, string>();
  const elements: {ref?: PDFRef; dict: PDFDict}[] = [];
  const stack = kids(context, root.get(name("K"))).reverse();
  while (stack.length) {
    const element = stack.pop()!;
    if (!element.dict.has(name("S"))) continue; // marked-content and object references
    elements.push(element);
    const id = text(element.dict.get(name("ID")));
    if (id !== null && !renamed.has(id)) renamed.set(id, `nr${String(renamed.size + 1).padStart(5, "0")}`);
    stack.push(...kids(context, element.dict.get(name("K"))).reverse());
  }

  const entries: [string, PDFRef][] = [];
  for (const {ref, dict} of elements) {
    const id = text(dict.get(name("ID")));
    if (id !== null) {
      dict.set(name("ID"), PDFString.of(renamed.get(id)!));
      if (ref) entries.push([renamed.get(id)!, ref]);
    }
    const attributes = dict.lookup(name("A"));
    const lists = attributes instanceof PDFArray ? attributes.asArray() : [attributes];
    for (const list of lists) {
      const owner = list instanceof PDFRef ? context.lookup(list) : list;
      const headers = owner instanceof PDFDict ? owner.lookup(name("Headers")) : undefined;
      if (!(owner instanceof PDFDict) || !(headers instanceof PDFArray)) continue;
      const renamedHeaders = headers.asArray().map((h) => PDFString.of(renamed.get(text(h) ?? "") ?? text(h) ?? ""));
      owner.set(name("Headers"), context.obj(renamedHeaders));
    }
  }

  // The ID tree: drop Chromium's nodes, keep its root object, list the new names in order (they sort as numbered).
  const treeRef = root.get(name("IDTree"));
  if (treeRef instanceof PDFRef) {
    const pending = [treeRef];
    while (pending.length) {
      const node = context.lookup(pending.pop()!);
      const children = node instanceof PDFDict ? node.lookup(name("Kids")) : undefined;
      if (children instanceof PDFArray) {
        for (const child of children.asArray()) {
          if (child instanceof PDFRef) {
            pending.push(child);
            context.delete(child);
          }
        }
      }
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    context.assign(treeRef, context.obj({Names: entries.flatMap(([id, ref]) => [PDFString.of(id), ref])}));
  }
}

const squeeze = (value: string) => value.replace(/\s+/g, "");

/**
 * Chromium builds the bookmark titles from the laid-out text: a heading that wraps loses the spaces at its line
 * breaks, and one at the top of a page can come out twice. The titles are replaced by the headings' own text, after
 * checking that each bookmark is that heading.
 */
function fixBookmarks(catalog: PDFDict, headings: string[]): void {
  const outlines = catalog.lookupMaybe(name("Outlines"), PDFDict);
  if (!outlines) {
    if (headings.length === 0) return;
    throw new Error("Chromium skrev inga bokmärken i PDF:en.");
  }
  const items: PDFDict[] = [];
  const stack = [outlines.lookupMaybe(name("First"), PDFDict)];
  while (stack.length) {
    const item = stack.pop();
    if (!item) continue;
    items.push(item);
    stack.push(item.lookupMaybe(name("Next"), PDFDict), item.lookupMaybe(name("First"), PDFDict));
  }
  const mismatch = (i: number) => {
    const title = squeeze(text(items[i].get(name("Title"))) ?? "");
    const heading = squeeze(headings[i] ?? "");
    return !heading || title.length % heading.length !== 0 || title !== heading.repeat(title.length / heading.length);
  };
  const wrong = items.findIndex((_, i) => mismatch(i));
  if (items.length !== headings.length || wrong >= 0) {
    throw new Error(
      `PDF:ens bokmärken stämmer inte med sidans rubriker (${items.length} bokmärken, ${headings.length} rubriker` +
        `${wrong >= 0 ? `; bokmärke ${wrong + 1} är "${text(items[wrong].get(name("Title")))}"` : ""}).`
    );
  }
  items.forEach((item, i) => item.set(name("Title"), PDFHexString.fromText(headings[i])));
}

const SAVE = {useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false} as const;

/** Returns the archival PDF (PDF/A-2b metadata, output intent, fixed dates and IDs) for Chromium's tagged PDF. */
export async function archivalPdf(chromiumPdf: Uint8Array, meta: ArchivalMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(chromiumPdf, {updateMetadata: false});
  const {context, catalog} = doc;
  // PDF/A-2 is based on PDF 1.7; the tagged structure uses 1.5 features (table /Headers).
  context.header = PDFHeader.forVersion(1, 7);

  renumberStructureIds(context, catalog);
  fixBookmarks(catalog, meta.headings);

  const when = dates(meta.date).pdf;
  const info = context.obj({
    Title: PDFHexString.fromText(meta.title),
    Author: PDFHexString.fromText(meta.author),
    Subject: PDFHexString.fromText(meta.subject),
    Creator: PDFHexString.fromText(meta.creator),
    Producer: PDFHexString.fromText(meta.creator),
    CreationDate: PDFString.of(when),
    ModDate: PDFString.of(when)
  });
  const infoRef = context.trailerInfo.Info;
  if (infoRef instanceof PDFRef) context.assign(infoRef, info);
  else context.trailerInfo.Info = context.register(info);

  doc.setLanguage(meta.language);
  catalog.set(name("ViewerPreferences"), context.obj({DisplayDocTitle: true}));
  // PDF/A: the metadata stream is not compressed.
  const xmp = context.stream(new TextEncoder().encode(xmpPacket(meta)), {Type: "Metadata", Subtype: "XML"});
  catalog.set(name("Metadata"), context.register(xmp));
  const profile = context.register(context.flateStream(SRGB_PROFILE, {N: 3}));
  catalog.set(
    name("OutputIntents"),
    context.obj([
      {
        Type: "OutputIntent",
        S: "GTS_PDFA1",
        OutputConditionIdentifier: PDFString.of(OUTPUT_CONDITION),
        RegistryName: PDFString.of("http://www.color.org"),
        Info: PDFString.of(OUTPUT_CONDITION),
        DestOutputProfile: profile
      }
    ])
  );

  // The file identifier (required by PDF/A) is the MD5 of the file written with a zero identifier.
  const id = (hex: string) => context.obj([PDFHexString.of(hex), PDFHexString.of(hex)]);
  context.trailerInfo.ID = id("0".repeat(32));
  const draft = await doc.save(SAVE);
  context.trailerInfo.ID = id(createHash("md5").update(draft).digest("hex").toUpperCase());
  return doc.save(SAVE);
}
