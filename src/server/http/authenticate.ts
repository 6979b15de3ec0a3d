// Resolves the actor from the session cookie, and enforces CSRF (token header + Origin check) on
// every state-changing request made with a cookie session (PS-50).
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ProfessionalRole } from "../../shared/identity/identity.schema";
import { kernelErrors } from "../../shared/kernel/errors";
import { sessionsRepository } from "../identity/sessions.repository";
import type { Actor } from "../kernel/access";
import type { Deps } from "../kernel/deps";
import { organisationsRepository } from "../organisations/organisations.repository";
import { personsRepository } from "../persons/persons.repository";

export const SESSION_COOKIE = "socle_session";
export const CSRF_HEADER = "x-csrf-token";

export type SessionContext = { sessionId: string; csrfToken: string; actor: Actor; displayName: string };

declare module "fastify" {
  interface FastifyRequest {
    session?: SessionContext;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function loadSession(deps: Deps, req: FastifyRequest): Promise<SessionContext | undefined> {
  const raw = req.cookies[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  const now = deps.clock.now();
  const s = await sessionsRepository.findLive(deps.db, unsigned.value, now);
  if (!s) return undefined;
  if (now.getTime() - s.last_seen_at.getTime() > 30_000)
    await sessionsRepository.touch(deps.db, unsigned.value, now);
  const base = { channel: "web" as const, requestId: req.id };
  if (s.kind === "professional" && s.professional_id) {
    const p = await organisationsRepository.professionalWithStructure(deps.db, s.professional_id);
    if (!p?.active) return undefined;
    return {
      sessionId: unsigned.value,
      csrfToken: s.csrf_token,
      displayName: `${p.firstName} ${p.lastName}`,
      actor: {
        ...base,
        kind: "professional",
        id: p.id,
        structureId: p.structureId,
        structureKind: p.structureKind,
        departement: p.departement,
        roles: p.roles as ProfessionalRole[],
        scope: p.scopeLevel ? { level: p.scopeLevel, code: p.scopeCode } : null,
      },
    };
  }
  if (s.kind === "person" && s.person_id) {
    const person = await personsRepository.getActive(deps.db, s.person_id);
    if (!person) return undefined;
    return {
      sessionId: unsigned.value,
      csrfToken: s.csrf_token,
      displayName: person.firstNames,
      actor: { ...base, kind: "person", id: person.id },
    };
  }
  return undefined;
}

export function checkCsrf(deps: Deps, req: FastifyRequest, session: SessionContext): void {
  if (SAFE_METHODS.has(req.method)) return;
  const header = req.headers[CSRF_HEADER];
  if (typeof header !== "string" || header !== session.csrfToken) throw kernelErrors.csrf();
  const origin = req.headers.origin;
  if (origin && origin !== new URL(deps.config.publicUrl).origin) throw kernelErrors.csrf();
}

/** preHandler for authenticated routes */
export function requireSession(deps: Deps) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const session = await loadSession(deps, req);
    if (!session) throw kernelErrors.unauthenticated();
    checkCsrf(deps, req, session);
    req.session = session;
  };
}
