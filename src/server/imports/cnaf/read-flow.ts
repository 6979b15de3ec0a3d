// Reads a CAF/MSA flow file into items for the import: its header (IdentificationFlux), each household
// checked against the VRSB 08.01 schema and Socle's rules, and its trailer. Pure reading: no database.
// Runs in a worker thread during an import (read-flow-in-worker.ts) so that parsing and the database work
// proceed at once on two cores.
import { createReadStream } from "node:fs";
import { importsErrors } from "../../../shared/imports/imports.errors";
import { parseCnafFlux } from "./parse-cnaf-flux";
import { HouseholdCollector, type HouseholdReading, readHousehold } from "./read-household";
import { validateElement, vrsbSchema } from "./vrsb-schema";
import { textAt, type XmlNode } from "./xml-node";

export type Header = { appli: string; typeflux: string; natflux: string; createdOn: string; dtref: string };

function readHeader(node: XmlNode): Header {
  const issues = validateElement(vrsbSchema().element("IdentificationFlux"), node);
  if (issues.length > 0) {
    throw importsErrors.headerInvalid(
      node.line,
      issues.map((i) => `${i.path.replace(/^IdentificationFlux\//, "")} : ${i.message}`),
    );
  }
  return {
    appli: textAt(node, "APPLIEME") ?? "",
    typeflux: textAt(node, "TYPEFLUX") ?? "",
    natflux: textAt(node, "NATFLUX") ?? "",
    createdOn: (textAt(node, "DTCREAFLUX") ?? "").slice(0, 10),
    dtref: (textAt(node, "DTREF") ?? "").slice(0, 10),
  };
}

export type Trailer = { households: number | null; anomalies: number | null };

export function readTrailer(node: XmlNode): Trailer {
  const n = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : null);
  return {
    households: n(textAt(node, "NBTOTDOSRSATRANSM")),
    anomalies: n(textAt(node, "NBTOTDOSRSATRANSMANO")),
  };
}

export type Item =
  | { kind: "header"; header: Header }
  | { kind: "reading"; reading: HouseholdReading }
  | { kind: "trailer"; trailer: Trailer };

/** Parses and checks households ahead of the database work; households already applied are skipped unread. */
export async function* readFlow(
  path: string,
  departement: string,
  skip: number,
  progress: { bytes: number },
): AsyncGenerator<Item> {
  async function* counted() {
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
      progress.bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  let dtref = "";
  for await (const ev of parseCnafFlux(counted(), (line) => new HouseholdCollector(line))) {
    if (ev.kind === "header") {
      const header = readHeader(ev.node);
      dtref = header.dtref;
      yield { kind: "header", header };
    } else if (ev.kind === "household") {
      if (ev.index > skip) yield { kind: "reading", reading: readHousehold(ev, { departement, dtref }) };
    } else yield { kind: "trailer", trailer: readTrailer(ev.node) };
  }
}
