// The app for browser journeys: the real entry point (src/server/main.ts) in a child process, on a
// fresh PGlite data directory and a free port, seeded with the demo territory of the Somme.
// The web app is built first when dist/web is missing or older than its sources.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WEB_INDEX = join(ROOT, "dist/web/index.html");
const WEB_SOURCES = ["src/web", "src/shared", "index.html", "vite.config.ts"];
const HEALTH_TIMEOUT_MS = 120_000;

export type RunningApp = {
  /** http://localhost:<port>, also the app's PUBLIC_URL (cookies and the OIDC issuer use this host) */
  baseUrl: string;
  /** everything the server printed so far */
  output(): string;
  stop(): Promise<void>;
};

/** Builds the web app with Vite when dist/web/index.html is missing or older than a web source. */
export function ensureWebBuild(): void {
  const reason = !existsSync(WEB_INDEX)
    ? "dist/web/index.html absent"
    : newestMtime(WEB_SOURCES.map((p) => join(ROOT, p))) > statSync(WEB_INDEX).mtimeMs
      ? "sources web plus récentes que dist/web"
      : undefined;
  if (!reason || process.env.E2E_SKIP_BUILD === "1") return;
  console.log(`# e2e : construction de l'application web (${reason})…`);
  const started = performance.now();
  const r = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
    env: process.env,
  });
  if (r.status !== 0)
    throw new Error(`La construction de l'application web a échoué (npx vite build, code ${r.status}).`);
  console.log(`# e2e : application web construite en ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) visit(join(p, e));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

/** A free TCP port on 127.0.0.1 (asked to the OS, then released for the app to take). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `node --import tsx src/server/main.ts` and waits for GET /api/health to answer 200. */
export async function startApp(): Promise<RunningApp> {
  ensureWebBuild();
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "socle-e2e-"));
  const env: Record<string, string | undefined> = {
    ...process.env,
    SOCLE_ENV: "test",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: baseUrl,
    SOCLE_DATA_DIR: dataDir,
    DEMO_PERSONS: "200",
    LOG_LEVEL: "warn",
    // one browser logs in a dozen accounts within a minute: lift the per-IP limits of a real user
    RATE_LIMIT_LOGIN_PER_MINUTE: "1000",
    RATE_LIMIT_PUBLIC_PER_MINUTE: "100000",
    // always the embedded PGlite and the bundled demo identity provider
    DATABASE_URL: undefined,
    OIDC_PRO_ISSUER: undefined,
    OIDC_PERSON_ISSUER: undefined,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];

  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const print = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    for (const line of text.split("\n")) if (line.trim()) console.log(`  [serveur] ${line}`);
  };
  child.stdout?.on("data", print);
  child.stderr?.on("data", print);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.off("exit", killOnExit);
    await terminate(child, exited);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, exited);
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- sortie du serveur ---\n${output}`);
  }
  console.log(
    `# e2e : serveur prêt sur ${baseUrl} en ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { baseUrl, output: () => output, stop };
}

async function waitForHealth(baseUrl: string, exited: Promise<number | null>): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => {
    gone = code;
  });
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`Le serveur s'est arrêté avant d'être prêt (code ${gone}).`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`GET ${baseUrl}/api/health n'a pas répondu 200 en ${HEALTH_TIMEOUT_MS / 1000} s.`);
}

/** SIGTERM (main.ts closes the app and PGlite), then SIGKILL after 10 s. */
async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
