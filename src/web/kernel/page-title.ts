// Every page names itself: the document title reads "<page> — Socle" (RGAA 8.6).
import { useEffect } from "react";

export const SERVICE_NAME = "Socle";

export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — ${SERVICE_NAME}`;
  }, [title]);
}
