// HTTP plumbing of « Mes données »: the person downloads both files as dated attachments; a professional
// gets 403, nobody signed in gets 401.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import { insertPerson, insertProfessional, insertStructure } from "../../test-support/builders";
import { pdfText } from "../../test-support/pdf-text";

let t: TestApp;
before(async () => {
  t = await testApp();
  const ft = await insertStructure(t.handle.db, { kind: "france_travail", departement: "80" });
  await insertProfessional(t.handle.db, {
    structure: ft,
    roles: ["conseiller"],
    email: "conseillere.donnees@test.socle.fr",
  });
  await insertPerson(t.handle.db, {
    firstNames: "Noémie",
    birthName: "DONNEESTEST",
    email: "noemie.donnees@exemple.fr",
    followedBy: ft,
  });
});
after(() => t.close());

/** The app answered directly with the browser's cookies (the browser helper keeps bodies as strings). */
async function download(segment: "pro" | "person", email: string, url: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, segment, email);
  const cookie = b
    .cookies()
    .filter((k) => url.startsWith(k.path))
    .map((k) => `${k.name}=${k.value}`)
    .join("; ");
  return t.app.inject({ method: "GET", url, headers: { host: new URL(t.baseUrl).host, cookie } });
}

describe("my data routes", () => {
  test("the person downloads the JSON file: an attachment named with the day, the documented structure", async () => {
    const res = await download("person", "noemie.donnees@exemple.fr", "/api/me/donnees.json");
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers["content-type"], "application/json; charset=utf-8");
    assert.match(
      String(res.headers["content-disposition"]),
      /^attachment; filename="mes-donnees-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    assert.equal(res.headers["cache-control"], "private, no-store");
    const d = JSON.parse(res.body);
    assert.equal(d.format, "socle.mes-donnees");
    assert.equal(d.identite.prenoms, "Noémie");
    assert.equal(d.identite.nomNaissance, "DONNEESTEST");
    assert.ok(Array.isArray(d.lisezMoi) && d.lisezMoi.length > 0);
  });

  test("the person downloads the PDF: a PDF attachment with their name", async () => {
    const res = await download("person", "noemie.donnees@exemple.fr", "/api/me/donnees.pdf");
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers["content-type"], "application/pdf");
    assert.match(
      String(res.headers["content-disposition"]),
      /^attachment; filename="mes-donnees-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    assert.equal(res.rawPayload.subarray(0, 5).toString(), "%PDF-");
    assert.match(pdfText(res.rawPayload), /Noémie DONNEESTEST/);
  });

  test("a professional, even one who follows the person, gets 403 on both routes", async () => {
    for (const url of ["/api/me/donnees.json", "/api/me/donnees.pdf"]) {
      const res = await download("pro", "conseillere.donnees@test.socle.fr", url);
      assert.equal(res.statusCode, 403, url);
      assert.equal(JSON.parse(res.body).code, "access.forbidden");
    }
  });

  test("401 without a session", async () => {
    for (const url of ["/api/me/donnees.json", "/api/me/donnees.pdf"]) {
      const res = await injectBrowser(t.app, t.baseUrl).get(url);
      assert.equal(res.status, 401, url);
      assert.equal(JSON.parse(res.body).code, "auth.unauthenticated");
    }
  });
});
