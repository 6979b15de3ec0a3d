// A tiny browser for HTTP tests: a cookie jar (name, path, expiry), manual redirects, HTML forms.
// It talks to the app through `app.inject()` or, for a listening server, through real fetch().
// `login()` goes through the whole OIDC flow with the bundled demo provider.
import type { FastifyInstance } from "fastify";

export type BrowserResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  url: string;
};

type Cookie = { name: string; value: string; path: string; expiresAt: number };
type Send = (req: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}) => Promise<BrowserResponse>;

export type Browser = ReturnType<typeof createBrowser>;

/** A browser whose requests are answered by app.inject() (host = the app's PUBLIC_URL). */
export function injectBrowser(app: FastifyInstance, baseUrl: string): Browser {
  const base = new URL(baseUrl);
  return createBrowser(baseUrl, async ({ method, url, headers, body }) => {
    const u = new URL(url, base);
    const res = await app.inject({
      method: method as "GET",
      url: `${u.pathname}${u.search}`,
      headers: { host: base.host, ...headers },
      payload: body,
    });
    return {
      status: res.statusCode,
      headers: res.headers as BrowserResponse["headers"],
      body: res.body,
      url: u.href,
    };
  });
}

/** A browser that uses real HTTP (the app must be listening at baseUrl). */
export function fetchBrowser(baseUrl: string): Browser {
  return createBrowser(baseUrl, async ({ method, url, headers, body }) => {
    const res = await fetch(new URL(url, baseUrl), { method, headers, body, redirect: "manual" });
    const out: BrowserResponse["headers"] = {};
    res.headers.forEach((v, k) => {
      out[k] = v;
    });
    out["set-cookie"] = res.headers.getSetCookie();
    return { status: res.status, headers: out, body: await res.text(), url: new URL(url, baseUrl).href };
  });
}

function createBrowser(baseUrl: string, send: Send) {
  const jar: Cookie[] = [];

  function store(setCookie: string | string[] | undefined) {
    for (const line of [setCookie ?? []].flat()) {
      const [pair = "", ...attrs] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = "/";
      let expiresAt = Number.POSITIVE_INFINITY;
      for (const a of attrs) {
        const [k = "", v = ""] = a.split("=");
        if (k.toLowerCase() === "path") path = v;
        if (k.toLowerCase() === "max-age") expiresAt = Date.now() + Number(v) * 1000;
        if (k.toLowerCase() === "expires" && expiresAt === Number.POSITIVE_INFINITY)
          expiresAt = Date.parse(v);
      }
      const i = jar.findIndex((c) => c.name === name && c.path === path);
      if (i >= 0) jar.splice(i, 1);
      if (expiresAt > Date.now() && value !== "") jar.push({ name, value, path, expiresAt });
    }
  }

  function cookieHeader(url: string): string {
    const path = new URL(url, baseUrl).pathname;
    return jar
      .filter(
        (c) =>
          c.expiresAt > Date.now() &&
          (path === c.path || path.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`)),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  async function request(
    method: string,
    url: string,
    opts: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<BrowserResponse> {
    const headers: Record<string, string> = { ...opts.headers };
    const cookies = cookieHeader(url);
    if (cookies) headers.cookie = cookies;
    let body: string | undefined;
    if (opts.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(opts.form).toString();
    } else if (opts.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(opts.json);
    }
    const res = await send({ method, url: new URL(url, baseUrl).href, headers, body });
    store(res.headers["set-cookie"]);
    return res;
  }

  /** Follows redirects with GET, like a browser after a 302/303; returns the last response and every hop. */
  async function follow(
    first: BrowserResponse,
    max = 10,
  ): Promise<{ last: BrowserResponse; hops: BrowserResponse[] }> {
    const hops = [first];
    let res = first;
    for (let i = 0; i < max && res.status >= 300 && res.status < 400; i++) {
      const location = String(res.headers.location);
      res = await request("GET", new URL(location, res.url).href);
      hops.push(res);
    }
    return { last: res, hops };
  }

  return {
    request,
    follow,
    get: (url: string, headers?: Record<string, string>) => request("GET", url, { headers }),
    cookie: (name: string) => jar.find((c) => c.name === name)?.value,
    cookies: () => jar.map((c) => ({ ...c })),
  };
}

/** The `action` of the first form of an HTML page. */
export function formAction(html: string): string {
  const m = /<form[^>]*\saction="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error("no form in page");
  return m[1].replace(/&amp;/g, "&");
}

/**
 * Signs in through the bundled demo provider: /auth/login/<pro|person> → provider → login page →
 * credentials → callback. When the provider session is still open (single sign-on), there is no
 * login page and the flow goes straight to the callback. Returns the last response and every hop.
 */
export async function login(
  browser: Browser,
  segment: "pro" | "person",
  identifier: string,
  password = "demo",
) {
  const toPage = await browser.follow(await browser.get(`/auth/login/${segment}`));
  const page = toPage.last;
  if (!new URL(page.url).pathname.startsWith("/oidc/interaction/")) return toPage;
  if (page.status !== 200) throw new Error(`login page not shown (${page.status} at ${page.url})`);
  const posted = await browser.request("POST", new URL(formAction(page.body), page.url).href, {
    form: { identifiant: identifier, mot_de_passe: password },
  });
  if (posted.status !== 303) return { last: posted, hops: [...toPage.hops, posted] };
  const done = await browser.follow(posted);
  return { last: done.last, hops: [...toPage.hops, ...done.hops] };
}
