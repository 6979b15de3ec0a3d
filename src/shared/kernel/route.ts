// A route contract is declared once in shared/ and used by the server binding, the web client
// and the OpenAPI generator.
import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RouteContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> = {
  method: HttpMethod;
  url: string;
  summary: string;
  tags?: string[];
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** false for public routes (health, login); default true */
  auth?: boolean;
};

export function defineRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
>(contract: RouteContract<P, Q, B, R>): RouteContract<P, Q, B, R> {
  return contract;
}

/** Fills `:name` placeholders of a contract url. */
export function buildUrl(url: string, params?: Record<string, string | number>): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_, key: string) => {
    const v = params?.[key];
    if (v === undefined) throw new Error(`missing url parameter ${key}`);
    return encodeURIComponent(String(v));
  });
}
