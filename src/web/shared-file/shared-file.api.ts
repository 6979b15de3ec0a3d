// The dossier partagé calls that are not JSON: the multipart upload of a document (with the CSRF token,
// like every write) and the download URLs of documents.

import { buildUrl } from "../../shared/kernel/route";
import { sharedFileErrors } from "../../shared/shared-file/shared-file.errors";
import { sharedFileUrls } from "../../shared/shared-file/shared-file.routes";
import { type DocumentView, documentViewSchema } from "../../shared/shared-file/shared-file.schema";
import { ApiError, type ApiIssue, getCsrfToken } from "../kernel/api-client";

export const documentContentUrl = (personId: string, documentId: string) =>
  buildUrl(sharedFileUrls.documentContent, { personId, documentId });
export const myDocumentContentUrl = (documentId: string) =>
  buildUrl(sharedFileUrls.myDocumentContent, { documentId });

const unexpected = "Une erreur inattendue s'est produite. Réessayez dans quelques instants.";

export async function uploadDocument(
  personId: string,
  fields: { title: string; category: string; visibility: string },
  file: File,
): Promise<DocumentView> {
  const form = new FormData();
  // fields first: the server reads them before the file
  form.set("title", fields.title);
  form.set("category", fields.category);
  form.set("visibility", fields.visibility);
  form.set("file", file, file.name);
  const headers: Record<string, string> = { Accept: "application/json" };
  const csrf = getCsrfToken();
  if (csrf) headers["x-csrf-token"] = csrf;
  let res: Response;
  try {
    res = await fetch(buildUrl(sharedFileUrls.uploadDocument, { personId }), {
      method: "POST",
      headers,
      body: form,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(
      0,
      "network.unavailable",
      "Impossible de joindre le serveur. Vérifiez votre connexion à internet, puis réessayez.",
    );
  }
  const json = (await res.json().catch(() => undefined)) as
    | { code?: string; message?: string; issues?: ApiIssue[]; details?: Record<string, unknown> }
    | undefined;
  if (!res.ok) {
    if (json?.code && json.message)
      throw new ApiError(res.status, json.code, json.message, json.issues ?? [], json.details);
    throw new ApiError(res.status, "http.error", unexpected);
  }
  const parsed = documentViewSchema.safeParse(json);
  if (!parsed.success) throw new ApiError(200, "client.unexpected_response", unexpected);
  return parsed.data;
}

/** Checked in the browser before sending (the server checks again, on the content). */
export function checkFileBeforeUpload(file: File | undefined, maxBytes: number): string | null {
  if (!file) return sharedFileErrors.fileMissing().message;
  if (file.size > maxBytes) return sharedFileErrors.tooLarge(maxBytes).message;
  return null;
}
