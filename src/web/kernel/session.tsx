// The session, loaded once from GET /api/session (401 → anonymous) and shared through a React context.
// It also hands the CSRF token to the API client and knows how to log out.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { z } from "zod";
import { identityRoutes } from "../../shared/identity/identity.routes";
import type { SessionView } from "../../shared/identity/identity.schema";
import { ApiError, api, postJson, setCsrfToken } from "./api-client";

export type SessionState =
  | { status: "loading" }
  | { status: "anonymous"; expired: boolean }
  | { status: "authenticated"; session: SessionView }
  | { status: "error"; error: ApiError };

type SessionContextValue = {
  state: SessionState;
  reload: () => Promise<void>;
  /** An API call answered 401: the session ended on the server side. */
  markExpired: () => void;
  logout: () => Promise<void>;
};

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

const logoutResponseSchema = z.object({ redirectTo: z.string() });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const reload = useCallback(async () => {
    try {
      const session = await api(identityRoutes.getSession, {});
      setCsrfToken(session.csrfToken);
      setState({ status: "authenticated", session });
    } catch (e) {
      setCsrfToken(undefined);
      if (e instanceof ApiError && e.status === 401) setState({ status: "anonymous", expired: false });
      else setState({ status: "error", error: toApiError(e) });
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const markExpired = useCallback(() => {
    setCsrfToken(undefined);
    setState((s) => (s.status === "authenticated" ? { status: "anonymous", expired: true } : s));
  }, []);

  const logout = useCallback(async () => {
    let redirectTo = "/connexion";
    try {
      const parsed = logoutResponseSchema.safeParse(await postJson("/auth/logout"));
      // a local page, or the identity provider's end-session URL
      if (parsed.success) redirectTo = parsed.data.redirectTo;
    } catch {
      // the server session may already be gone: leave anyway
    }
    setCsrfToken(undefined);
    window.location.assign(redirectTo);
  }, []);

  const value = useMemo(() => ({ state, reload, markExpired, logout }), [state, reload, markExpired, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error("useSession must be used inside <SessionProvider>");
  return ctx;
}

/** Display name of the logged-in user ("Camille Martin"). */
export function displayName(session: SessionView): string {
  return session.kind === "professional"
    ? `${session.firstName} ${session.lastName}`
    : `${firstGivenName(session.firstNames)} ${session.lastName}`;
}

/** "Camille Marie" → "Camille": the first of the given names, for greetings. */
export function firstGivenName(firstNames: string): string {
  return firstNames.trim().split(/[\s,]+/)[0] ?? firstNames;
}

function toApiError(e: unknown): ApiError {
  return e instanceof ApiError
    ? e
    : new ApiError(0, "internal", "Une erreur inattendue s'est produite. Réessayez dans quelques instants.");
}
