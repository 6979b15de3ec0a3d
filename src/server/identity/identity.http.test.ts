import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { fetchBrowser, formAction, injectBrowser, login } from "../../test-support/browser";
import { insertPerson, insertProfessional, insertStructure } from "../../test-support/builders";
import { fixedClock } from "../kernel/clock";

const hopTo = <H extends { url: string }>(hops: H[], path: string) =>
  hops.find((h) => new URL(h.url).pathname.startsWith(path));

// one listening app for the right paths and the headers: app.inject() and real HTTP both reach it
let t: TestApp;
before(async () => {
  t = await testApp({ listen: true });
});
after(() => t.close());

describe("right paths", () => {
  test("a professional signs in through the demo provider, then GET /api/session shows them with their roles", async () => {
    const structure = await insertStructure(t.deps.db, {
      name: "France Travail Amiens Nord",
      siret: "13000548100010",
    });
    const pro = await insertProfessional(t.deps.db, {
      email: "camille.lefebvre@demo.socle.fr",
      firstName: "Camille",
      lastName: "Lefebvre",
      structure,
      roles: ["conseiller", "admin_structure"],
    });
    const browser = injectBrowser(t.app, t.baseUrl);

    const { hops } = await login(browser, "pro", "Camille.Lefebvre@demo.socle.fr");

    // login → provider → interaction page → credentials → provider → callback → "/"
    const start = hops[0]!;
    assert.equal(start.status, 303);
    const authorize = new URL(String(start.headers.location));
    assert.equal(authorize.pathname, "/oidc/auth");
    assert.equal(authorize.searchParams.get("client_id"), "socle-pro");
    assert.equal(authorize.searchParams.get("code_challenge_method"), "S256");
    assert.ok(authorize.searchParams.get("nonce"));
    const callback = hopTo(hops, "/auth/callback/pro");
    assert.ok(callback, "the provider sent the browser back to the callback");
    assert.equal(callback.status, 303);
    assert.equal(callback.headers.location, "/");
    const setCookie = [callback.headers["set-cookie"] ?? []]
      .flat()
      .find((c) => c.startsWith("socle_session="));
    assert.ok(setCookie);
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Lax/i);
    assert.match(setCookie, /Path=\//);

    const session = await browser.get("/api/session");
    assert.equal(session.status, 200);
    const view = JSON.parse(session.body);
    assert.equal(view.kind, "professional");
    assert.equal(view.professionalId, pro.id);
    assert.deepEqual(view.roles, ["conseiller", "admin_structure"]);
    assert.equal(view.structure.name, "France Travail Amiens Nord");
    assert.ok(view.csrfToken);

    // the identity is now linked to the account (issuer + sub = professional id on the demo provider)
    const link = await t.deps.db
      .selectFrom("identity_links")
      .selectAll()
      .where("professional_id", "=", pro.id)
      .executeTakeFirst();
    assert.equal(link?.issuer, `${t.baseUrl}/oidc`);
    assert.equal(link?.subject, pro.id);
  });

  test("a person signs in with the e-mail of their file and is matched by birth name, given names and birth date", async () => {
    const person = await insertPerson(t.deps.db, {
      birthName: "DURAND",
      firstNames: "Léa",
      birthDate: "1991-07-02",
      email: "lea.durand@exemple.fr",
    });
    // a namesake born another day does not disturb the match
    await insertPerson(t.deps.db, { birthName: "DURAND", firstNames: "Léa", birthDate: "1980-01-01" });
    const browser = injectBrowser(t.app, t.baseUrl);

    const { hops } = await login(browser, "person", "lea.durand@exemple.fr");

    assert.equal(hopTo(hops, "/auth/callback/person")?.headers.location, "/");
    const session = await browser.get("/api/session");
    assert.equal(session.status, 200);
    const view = JSON.parse(session.body);
    assert.equal(view.kind, "person");
    assert.equal(view.personId, person.id);
    assert.equal(view.firstNames, "Léa");
  });

  test("a login rotates the session: the previous session of the browser stops working", async () => {
    const pro = await insertProfessional(t.deps.db);
    const browser = injectBrowser(t.app, t.baseUrl);
    await login(browser, "pro", pro.email);
    const first = browser.cookie("socle_session");
    assert.ok(first);

    await login(browser, "pro", pro.email);
    const second = browser.cookie("socle_session");

    assert.ok(second);
    assert.notEqual(second, first);
    const old = await t.app.inject({
      method: "GET",
      url: "/api/session",
      headers: { cookie: `socle_session=${first}` },
    });
    assert.equal(old.statusCode, 401);
    assert.equal((await browser.get("/api/session")).status, 200);
  });

  test("logout revokes the session server-side, clears the cookie and returns the provider's end-session URL", async () => {
    const pro = await insertProfessional(t.deps.db);
    const browser = injectBrowser(t.app, t.baseUrl);
    await login(browser, "pro", pro.email);
    const cookie = browser.cookie("socle_session");
    const { csrfToken } = JSON.parse((await browser.get("/api/session")).body);

    const res = await browser.request("POST", "/auth/logout", { headers: { "x-csrf-token": csrfToken } });

    assert.equal(res.status, 200);
    const { redirectTo } = JSON.parse(res.body);
    const end = new URL(redirectTo);
    assert.equal(end.pathname, "/oidc/session/end");
    assert.equal(
      end.searchParams.get("post_logout_redirect_uri"),
      `${t.baseUrl}/connexion?erreur=deconnecte`,
    );
    assert.ok(end.searchParams.get("id_token_hint"));
    assert.match(String([res.headers["set-cookie"]].flat()), /socle_session=;/);
    const replay = await t.app.inject({
      method: "GET",
      url: "/api/session",
      headers: { cookie: `socle_session=${cookie}` },
    });
    assert.equal(replay.statusCode, 401);
    assert.equal(JSON.parse(replay.body).code, "auth.unauthenticated");

    // the provider's logout confirmation page is in French, then sends the browser back to Socle
    const confirm = await browser.get(redirectTo);
    assert.equal(confirm.status, 200);
    assert.match(confirm.body, /Se déconnecter/);
    const form = Object.fromEntries(
      [...confirm.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    const done = await browser.request("POST", new URL(formAction(confirm.body), t.baseUrl).href, {
      form: { ...form, logout: "yes" },
    });
    assert.equal(done.status, 303);
    assert.equal(
      new URL(String(done.headers.location)).origin + new URL(String(done.headers.location)).pathname,
      `${t.baseUrl}/connexion`,
    );
  });

  test("the login also works over real HTTP (the server listens at PUBLIC_URL)", async () => {
    const pro = await insertProfessional(t.deps.db, { email: "reel@demo.socle.fr" });
    const browser = fetchBrowser(t.baseUrl);
    const { hops } = await login(browser, "pro", "reel@demo.socle.fr");
    assert.equal(hopTo(hops, "/auth/callback/pro")?.status, 303);
    const session = await browser.get("/api/session");
    assert.equal(session.status, 200);
    assert.equal(JSON.parse(session.body).professionalId, pro.id);
  });
});

describe("security headers on every response (PS-51)", () => {
  test("API, login redirects, the provider's endpoints and pages, errors: all carry the headers", async () => {
    const browser = injectBrowser(t.app, t.baseUrl);
    const loginPage = (await browser.follow(await browser.get("/auth/login/pro"))).last;
    assert.match(new URL(loginPage.url).pathname, /^\/oidc\/interaction\//);
    const responses = {
      session401: await browser.get("/api/session"),
      loginRedirect: await browser.get("/auth/login/person"),
      loginPage,
      discovery: await browser.get("/oidc/.well-known/openid-configuration"),
      providerError: await browser.request("POST", "/oidc/token", {
        form: { grant_type: "authorization_code", code: "x" },
      }),
      providerHtmlError: await browser.get("/oidc/auth?client_id=inconnu"),
      callbackFailure: await browser.get("/auth/callback/pro?state=inconnu"),
      notFound: await browser.get("/api/nulle-part"),
    };
    assert.equal(responses.discovery.status, 200);
    assert.equal(responses.providerError.status, 400);
    for (const [name, res] of Object.entries(responses)) {
      const csp = String(res.headers["content-security-policy"] ?? "");
      const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1];
      assert.ok(scriptSrc, `${name}: CSP with script-src`);
      assert.ok(!scriptSrc.includes("'unsafe-inline'"), `${name}: no inline scripts`);
      assert.match(csp, /frame-ancestors 'none'/, name);
      assert.match(String(res.headers["strict-transport-security"]), /max-age=\d+/, name);
      assert.equal(res.headers["x-content-type-options"], "nosniff", name);
      assert.match(
        String(res.headers["referrer-policy"]),
        /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
        name,
      );
      assert.match(String(res.headers["permissions-policy"]), /camera=\(\)/, name);
    }
  });
});

describe("wrong paths", () => {
  // a fixed clock (the idle-timeout test moves it), default limits (the rate-limit test runs last)
  const clock = fixedClock("2026-03-02T09:00:00Z");
  let t: TestApp;
  before(async () => {
    t = await testApp({ clock });
  });
  after(() => t.close());

  test("a wrong password shows the French error on the provider's page and opens no session", async () => {
    const pro = await insertProfessional(t.deps.db);
    const browser = injectBrowser(t.app, t.baseUrl);

    const { last } = await login(browser, "pro", pro.email, "pas-le-bon");

    assert.equal(last.status, 401);
    assert.match(last.body, /Adresse électronique, identifiant ou mot de passe incorrect/);
    assert.match(
      last.body,
      /Fournisseur d(&#39;|')identité de démonstration — ne pas utiliser en production/,
    );
    assert.equal(browser.cookie("socle_session"), undefined);
    assert.equal((await browser.get("/api/session")).status, 401);
    const sessions = await t.deps.db
      .selectFrom("sessions")
      .select("id_hash")
      .where("professional_id", "=", pro.id)
      .execute();
    assert.equal(sessions.length, 0);
  });

  test("a professional account cannot sign in on the persons' client", async () => {
    const pro = await insertProfessional(t.deps.db);
    const browser = injectBrowser(t.app, t.baseUrl);
    const { last } = await login(browser, "person", pro.email);
    assert.equal(last.status, 401);
    assert.match(last.body, /mot de passe incorrect/);
  });

  test("a person whose identity matches two files is not logged in: /connexion?erreur=compte_inconnu", async () => {
    await insertPerson(t.deps.db, {
      birthName: "MARTIN",
      firstNames: "Noé",
      birthDate: "2001-03-04",
      email: "noe@exemple.fr",
    });
    await insertPerson(t.deps.db, { birthName: "Martin", firstNames: "Noe", birthDate: "2001-03-04" });
    const browser = injectBrowser(t.app, t.baseUrl);

    const { hops } = await login(browser, "person", "noe@exemple.fr");

    assert.equal(hopTo(hops, "/auth/callback/person")?.headers.location, "/connexion?erreur=compte_inconnu");
    assert.equal(browser.cookie("socle_session"), undefined);
  });

  test("cancelling on the provider's page comes back as connexion_annulee", async () => {
    const browser = injectBrowser(t.app, t.baseUrl);
    const page = (await browser.follow(await browser.get("/auth/login/pro"))).last;
    const abandon = /<form method="post" action="([^"]+\/abandon)"/.exec(page.body)?.[1];
    assert.ok(abandon);
    const { hops } = await browser.follow(await browser.request("POST", abandon));
    assert.equal(hopTo(hops, "/auth/callback/pro")?.headers.location, "/connexion?erreur=connexion_annulee");
  });

  test("a callback with an unknown or replayed state opens no session", async () => {
    const pro = await insertProfessional(t.deps.db);
    const browser = injectBrowser(t.app, t.baseUrl);
    const { hops } = await login(browser, "pro", pro.email);
    const callback = hopTo(hops, "/auth/callback/pro");
    assert.ok(callback);

    const replay = await t.app.inject({
      method: "GET",
      url: new URL(callback.url).pathname + new URL(callback.url).search,
    });
    const forged = await t.app.inject({ method: "GET", url: "/auth/callback/pro?code=x&state=inconnu" });

    for (const res of [replay, forged]) {
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, "/connexion?erreur=connexion_echouee");
      assert.equal(res.headers["set-cookie"], undefined);
    }
  });

  test("a state-changing request without the CSRF header is rejected with 403 auth.csrf_invalid", async () => {
    const pro = await insertProfessional(t.deps.db);
    const person = await insertPerson(t.deps.db, { followedBy: pro });
    const browser = injectBrowser(t.app, t.baseUrl);
    await login(browser, "pro", pro.email);
    const { csrfToken } = JSON.parse((await browser.get("/api/session")).body);

    const noHeader = await browser.request("PUT", `/api/persons/${person.id}/contact`, {
      json: { version: 1, email: "nouvelle@exemple.fr", phone: null },
    });
    const logoutNoHeader = await browser.request("POST", "/auth/logout");
    const wrongOrigin = await browser.request("POST", "/auth/logout", {
      headers: { "x-csrf-token": csrfToken, origin: "https://malveillant.example" },
    });

    for (const res of [noHeader, logoutNoHeader, wrongOrigin]) {
      assert.equal(res.status, 403);
      assert.equal(JSON.parse(res.body).code, "auth.csrf_invalid");
    }
    // the session survived the refused logouts
    assert.equal((await browser.get("/api/session")).status, 200);
  });

  test("an idle session expires (30 minutes for a professional, 15 for a person)", async () => {
    const pro = await insertProfessional(t.deps.db);
    const person = await insertPerson(t.deps.db, { email: "inactif@exemple.fr" });
    const proBrowser = injectBrowser(t.app, t.baseUrl);
    const personBrowser = injectBrowser(t.app, t.baseUrl);
    await login(proBrowser, "pro", pro.email);
    await login(personBrowser, "person", "inactif@exemple.fr");
    assert.equal(JSON.parse((await personBrowser.get("/api/session")).body).personId, person.id);

    clock.advance(14 * 60_000);
    assert.equal(
      (await personBrowser.get("/api/session")).status,
      200,
      "person still active after 14 minutes",
    );
    clock.advance(15 * 60_000 + 1_000);
    assert.equal((await personBrowser.get("/api/session")).status, 401, "person idle for 15 minutes");
    assert.equal((await proBrowser.get("/api/session")).status, 200, "professional seen 29 minutes ago");
    clock.advance(30 * 60_000 + 1_000);
    const expired = await proBrowser.get("/api/session");
    assert.equal(expired.status, 401);
    assert.equal(JSON.parse(expired.body).code, "auth.unauthenticated");
  });

  test("login and callback routes are rate-limited per IP: 429 with Retry-After and a French message", async () => {
    const max = t.deps.config.RATE_LIMIT_LOGIN_PER_MINUTE;
    const from = (remoteAddress: string, url: string) => t.app.inject({ method: "GET", url, remoteAddress });
    for (const url of ["/auth/login/person", "/auth/callback/person?state=x"]) {
      const statuses: number[] = [];
      for (let i = 0; i <= max; i++) statuses.push((await from("192.0.2.10", url)).statusCode);
      assert.deepEqual(statuses, [...Array(max).fill(303), 429], url);
      const res = await from("192.0.2.10", url);
      assert.equal(res.statusCode, 429);
      assert.ok(res.headers["retry-after"]);
      assert.equal(JSON.parse(res.body).code, "http.too_many_requests");
      assert.match(JSON.parse(res.body).message, /Trop de tentatives/);
      assert.equal((await from("192.0.2.11", url)).statusCode, 303, "another address is not limited");
    }
  });
});
