// Whether this server runs in demo or test mode (from /api/health): the demo mailbox exists only there.
import { useEffect, useState } from "react";
import { platformRoutes } from "../../shared/platform/platform.routes";
import { api } from "../kernel/api-client";

export function useDemoMode(): boolean {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    let live = true;
    api(platformRoutes.getHealth, {})
      .then((h) => {
        if (live) setDemo(h.mode !== "production");
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return demo;
}
