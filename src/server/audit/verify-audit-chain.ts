// Recomputes the audit chain from the first row; reports the first row whose hash or link is wrong.
import type { Db } from "../db/connect";
import { chainHash, GENESIS_HASH } from "./audit.chain";
import { auditRepository } from "./audit.repository";

export type ChainReport =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: number; reason: string };

export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let rows = 0;
  for await (const r of auditRepository.scan(db)) {
    rows += 1;
    if (r.prev_hash !== prev) {
      return {
        ok: false,
        rows,
        brokenAt: r.id,
        reason: "le lien avec la ligne précédente est rompu (ligne supprimée ou insérée)",
      };
    }
    const expected = chainHash(prev, {
      at: r.at,
      actorKind: r.actor_kind,
      actorId: r.actor_id,
      actorRole: r.actor_role,
      structureId: r.structure_id,
      personId: r.person_id,
      action: r.action,
      section: r.section,
      purpose: r.purpose,
      channel: r.channel,
      outcome: r.outcome,
      requestId: r.request_id,
      details: r.details,
    });
    if (expected !== r.hash)
      return { ok: false, rows, brokenAt: r.id, reason: "le contenu de la ligne a été modifié" };
    prev = r.hash;
  }
  return { ok: true, rows };
}
