import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { safeReturnTo } from "./start-login";

describe("right paths", () => {
  test("a local path is kept after login", () => {
    assert.equal(
      safeReturnTo("/personnes/0e000000-0000-4000-8000-000000000001?onglet=contact"),
      "/personnes/0e000000-0000-4000-8000-000000000001?onglet=contact",
    );
    assert.equal(safeReturnTo(undefined), "/");
  });
});

describe("wrong paths", () => {
  test("anything that could leave the site, or loop on the login, falls back to /", () => {
    for (const bad of [
      "https://malveillant.example/",
      "//malveillant.example",
      "/\\malveillant.example",
      "javascript:alert(1)",
      "personnes",
      "/a b",
      "/auth/login/pro",
      `/${"x".repeat(600)}`,
    ]) {
      assert.equal(safeReturnTo(bad), "/", bad);
    }
  });
});
