// Loads server data for a page and keeps it local (no global store). Stale answers are ignored when
// the inputs change, and a 401 tells the session that it has ended.
import { type DependencyList, useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "./api-client";
import { useSession } from "./session";

export type QueryState<T> =
  | { status: "loading" }
  | { status: "ok"; data: T }
  | { status: "error"; error: ApiError };

export function useApiQuery<T>(load: () => Promise<T>, deps: DependencyList) {
  const { markExpired } = useSession();
  // the state remembers which inputs it answers: right after the inputs change, the previous answer is
  // not shown for one render (it would flash stale rows), the page shows "loading" instead
  const [tagged, setTagged] = useState<{ for: unknown; state: QueryState<T> }>({
    for: null,
    state: { status: "loading" },
  });
  const generation = useRef(0);

  const run: () => Promise<void> = useCallback(
    async () => {
      const current = ++generation.current;
      const setState = (state: QueryState<T>) => setTagged({ for: run, state });
      setState({ status: "loading" });
      try {
        const data = await load();
        if (current === generation.current) setState({ status: "ok", data });
      } catch (e) {
        if (current !== generation.current) return;
        const error = e instanceof ApiError ? e : new ApiError(0, "internal", unexpected);
        if (error.status === 401) markExpired();
        setState({ status: "error", error });
      }
    },
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` depends on
    deps,
  );

  useEffect(() => {
    void run();
    return () => {
      generation.current++;
    };
  }, [run]);

  /** Replaces the loaded data (after a successful save). */
  const setData = useCallback((data: T) => setTagged({ for: run, state: { status: "ok", data } }), [run]);
  const state: QueryState<T> = tagged.for === run ? tagged.state : { status: "loading" };
  return { state, reload: run, setData };
}

const unexpected = "Une erreur inattendue s'est produite. Réessayez dans quelques instants.";
