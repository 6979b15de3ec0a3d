// One app and one Chromium per journey file (inside its describe()); one browser context per user.
// After each test: the users' contexts are closed, their console errors printed, and any uncaught
// page exception or CSP violation fails the test.
import assert from "node:assert/strict";
import { after, afterEach, before } from "node:test";
import type { Browser } from "playwright-core";
import { printAxeSummary } from "./axe";
import { launchChromium, newUser, type User } from "./browser";
import { type RunningApp, startApp } from "./server";

export type Journey = {
  readonly baseUrl: string;
  /** a new browser context (own cookies): a person at their own computer */
  newUser(): Promise<User>;
};

export function setUpJourney(): Journey {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let users: User[] = [];
  const started = performance.now();

  before(
    async () => {
      browser = await launchChromium(); // first: on CI without Chromium, fail before the 40 s start
      app = await startApp();
    },
    { timeout: 240_000 },
  );

  afterEach(async () => {
    const current = users;
    users = [];
    const pageErrors = current.flatMap((u) => u.pageErrors);
    for (const line of current.flatMap((u) => u.consoleErrors)) console.log(`  [console] ${line}`);
    await Promise.all(current.map((u) => u.close()));
    assert.deepEqual(pageErrors, [], "exceptions non rattrapées ou violations CSP dans la page");
  });

  after(async () => {
    printAxeSummary();
    await browser?.close();
    await app?.stop();
    console.log(`# e2e : fichier terminé en ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  return {
    get baseUrl() {
      assert.ok(app, "le serveur n'a pas démarré");
      return app.baseUrl;
    },
    async newUser() {
      assert.ok(browser, "Chromium n'a pas démarré");
      const user = await newUser(browser);
      users.push(user);
      return user;
    },
  };
}
