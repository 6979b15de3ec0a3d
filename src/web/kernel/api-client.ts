// The one way the web app calls the API: `api(contract, { params, query, body })`, typed from the
// route contract declared in shared/. The body is checked against the shared schema before sending
// (immediate feedback; the server stays the authority), the response is parsed with the contract's
// response schema, and every failure becomes an ApiError carrying the server's code and French message.
import type { z } from "zod";
import type { ErrorBody } from "../../shared/kernel/errors";
import { buildUrl, type RouteContract } from "../../shared/kernel/route";

export type ApiIssue = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached */
    readonly status: number,
    readonly code: string,
    /** French, meant to be shown to the user as it is */
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Issues keyed by field name (last segment of the path: "body.email" → "email"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.issues) {
      const field = issue.path.split(".").filter(Boolean).pop() ?? "";
      if (field && !(field in out)) out[field] = issue.message;
    }
    return out;
  }
}

// When a contract omits a schema, its type parameter falls back to z.ZodType and the input is `unknown`.
type IsUnknown<T> = unknown extends T ? true : false;
type ParamsInput<P extends z.ZodType> =
  IsUnknown<z.input<P>> extends true ? { params?: undefined } : { params: z.input<P> };
type QueryInput<Q extends z.ZodType> =
  IsUnknown<z.input<Q>> extends true ? { query?: undefined } : { query?: z.input<Q> };
type BodyInput<B extends z.ZodType> =
  IsUnknown<z.input<B>> extends true ? { body?: undefined } : { body: z.input<B> };

export type ApiInput<C> =
  C extends RouteContract<infer P, infer Q, infer B, z.ZodType>
    ? ParamsInput<P> & QueryInput<Q> & BodyInput<B>
    : never;
export type ApiOutput<C> =
  C extends RouteContract<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.output<R> : never;

let csrfToken: string | undefined;
/** Set by the session provider once /api/session has answered. */
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}
export function getCsrfToken(): string | undefined {
  return csrfToken;
}

const messages = {
  network: "Impossible de joindre le serveur. Vérifiez votre connexion à internet, puis réessayez.",
  unexpected: "Une erreur inattendue s'est produite. Réessayez dans quelques instants.",
  badResponse:
    "La réponse du serveur est incomplète. Rechargez la page ; si le problème continue, contactez l'assistance.",
  validation: "Certaines informations sont invalides. Corrigez les champs signalés.",
};

export async function api<C extends RouteContract>(contract: C, input: ApiInput<C>): Promise<ApiOutput<C>> {
  const { params, query, body } = input as {
    params?: Record<string, string>;
    query?: object;
    body?: unknown;
  };

  if (contract.body && body !== undefined) {
    const checked = contract.body.safeParse(body);
    if (!checked.success) {
      throw new ApiError(
        400,
        "validation.invalid",
        messages.validation,
        checked.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      );
    }
  }

  let url = buildUrl(contract.url, params);
  const search = toSearchParams(query);
  if (search) url += `?${search}`;

  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (contract.method !== "GET") {
    if (csrfToken) headers["x-csrf-token"] = csrfToken;
  }

  const json = await request(url, {
    method: contract.method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = contract.response.safeParse(json);
  if (!parsed.success) throw new ApiError(200, "client.unexpected_response", messages.badResponse);
  return parsed.data as ApiOutput<C>;
}

/** For the few endpoints without a shared contract (POST /auth/logout). */
export async function postJson(url: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (csrfToken) headers["x-csrf-token"] = csrfToken;
  return request(url, {
    method: "POST",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function request(url: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network.unavailable", messages.network);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) throw toApiError(res.status, json);
  return json;
}

function toApiError(status: number, json: unknown): ApiError {
  if (isErrorBody(json))
    return new ApiError(status, json.code, json.message, json.issues ?? [], json.details);
  return new ApiError(status, status >= 500 ? "internal" : "http.error", messages.unexpected);
}

function isErrorBody(v: unknown): v is ErrorBody {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as ErrorBody).code === "string" &&
    typeof (v as ErrorBody).message === "string"
  );
}

function toSearchParams(query: object | undefined): string {
  if (!query) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  return search.toString();
}
