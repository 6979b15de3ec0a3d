// In-memory storage for the bundled demo provider (sessions, interactions, codes, tokens, grants).
// DEMO/TEST ONLY: everything is lost on restart and is not shared between processes, which is fine
// for a provider that only exists to make `npm start` and the tests work without ProConnect.
// One store per provider instance (oidc-provider's own memory adapter shares a module-level store).
import type { Adapter, AnyObject } from "oidc-provider";
import { systemClock } from "../../kernel/clock";

type Entry = { payload: AnyObject; expiresAt: number };

/** Models whose records belong to a grant (revoked together). */
const GRANTABLE = new Set([
  "AccessToken",
  "AuthorizationCode",
  "RefreshToken",
  "DeviceCode",
  "BackchannelAuthenticationRequest",
]);

export function createMemoryAdapterFactory(): (model: string) => Adapter {
  const store = new Map<string, Entry>();
  let writes = 0;
  // the provider's own expiry logic runs on the real time (oidc-provider calls Date.now() itself)
  const now = () => systemClock.now().getTime();

  const get = (key: string): AnyObject | undefined => {
    const e = store.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= now()) {
      store.delete(key);
      return undefined;
    }
    return e.payload;
  };
  const set = (key: string, payload: AnyObject, expiresIn?: number) => {
    store.set(key, { payload, expiresAt: expiresIn ? now() + expiresIn * 1000 : Number.POSITIVE_INFINITY });
    writes += 1;
    if (writes % 200 === 0) {
      const t = now();
      for (const [k, e] of store) if (e.expiresAt <= t) store.delete(k);
    }
  };

  return (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        set(key(id), payload, expiresIn);
        if (model === "Session" && typeof payload.uid === "string")
          set(`sessionUid:${payload.uid}`, { id }, expiresIn);
        if (typeof payload.userCode === "string") set(`userCode:${payload.userCode}`, { id }, expiresIn);
        if (GRANTABLE.has(model) && typeof payload.grantId === "string") {
          const members = (get(`grant:${payload.grantId}`)?.keys as string[] | undefined) ?? [];
          set(`grant:${payload.grantId}`, { keys: [...members, key(id)] });
        }
      },
      async find(id) {
        return get(key(id));
      },
      async findByUid(uid) {
        const ref = get(`sessionUid:${uid}`);
        return typeof ref?.id === "string" ? get(key(ref.id)) : undefined;
      },
      async findByUserCode(userCode) {
        const ref = get(`userCode:${userCode}`);
        return typeof ref?.id === "string" ? get(key(ref.id)) : undefined;
      },
      async consume(id) {
        const p = get(key(id));
        if (p) p.consumed = Math.floor(now() / 1000);
      },
      async destroy(id) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        const members = (get(`grant:${grantId}`)?.keys as string[] | undefined) ?? [];
        for (const k of members) store.delete(k);
        store.delete(`grant:${grantId}`);
      },
    };
  };
}
