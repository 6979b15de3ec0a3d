// Web app build (React + react-dsfr). The same Fastify server serves dist/web in production; in
// development Vite serves the app and proxies the API and login routes to the server on :3000.
//
// The server's CSP is `script-src 'self'`: the built index.html must hold no inline script. React-dsfr
// in SPA mode sets the colour scheme from JavaScript, and the small "early colour scheme" script that
// avoids a light flash for dark-mode users is served as a file (see dsfrEarlyColorScheme below).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const PROJECT_DIR = fileURLToPath(new URL(".", import.meta.url));
const REACT_DSFR_DIR = fileURLToPath(new URL("./node_modules/@codegouvfr/react-dsfr/", import.meta.url));
const API_SERVER = "http://localhost:3000";
const EARLY_COLOR_SCHEME_FILE = "dsfr-color-scheme.js";

/**
 * React-dsfr's documented static-asset steps, run at the start of every build and dev server so that
 * `vite build` works even when npm scripts were skipped:
 * - copy-dsfr-to-public (also the postinstall script; a no-op when public/dsfr is up to date) copies
 *   the DSFR stylesheet, fonts and favicons to public/dsfr;
 * - only-include-used-icons keeps in public/dsfr/utility/icons/icons.min.css only the icons the code
 *   uses (213 kB → a few kB), copies their SVG files, and refreshes that link's `?hash=` in index.html.
 */
function dsfrStaticAssets(): Plugin {
  const run = async (script: string, args: string[] = []) => {
    const { main } = createRequire(import.meta.url)(`${REACT_DSFR_DIR}bin/${script}.js`) as {
      main: (args: string[]) => Promise<void>;
    };
    await main(["--projectDir", PROJECT_DIR, ...args]);
  };
  return {
    name: "socle-dsfr-static-assets",
    async buildStart() {
      await run("copy-dsfr-to-public");
      await run("only-include-used-icons", ["--silent"]);
    },
  };
}

/** Serves react-dsfr's early colour-scheme script as a file and loads it first in <head>. */
function dsfrEarlyColorScheme(): Plugin {
  const source = () => readFileSync(`${REACT_DSFR_DIR}early-color-scheme.js`, "utf8");
  return {
    name: "socle-dsfr-early-color-scheme",
    configureServer(server) {
      server.middlewares.use(`/${EARLY_COLOR_SCHEME_FILE}`, (_req, res) => {
        res.setHeader("Content-Type", "text/javascript; charset=utf-8");
        res.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: EARLY_COLOR_SCHEME_FILE, source: source() });
    },
    transformIndexHtml() {
      return [{ tag: "script", attrs: { src: `/${EARLY_COLOR_SCHEME_FILE}` }, injectTo: "head" }];
    },
  };
}

export default defineConfig({
  root: PROJECT_DIR,
  plugins: [react(), dsfrStaticAssets(), dsfrEarlyColorScheme()],
  // react-dsfr's copy-dsfr-to-public (postinstall) reads this line and creates the folder if needed
  publicDir: "public",
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    sourcemap: true,
    // Libraries change less often than the app: separate chunks stay cached across deployments.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/,
            },
            { name: "zod", test: /node_modules[\\/]zod[\\/]/ },
            // the DSFR's own script (dsfr/dsfr.module) stays a chunk of its own, loaded at start-up
            {
              name: "react-dsfr",
              test: /node_modules[\\/](@codegouvfr[\\/]react-dsfr[\\/](?!dsfr[\\/])|tsafe[\\/])/,
            },
          ],
        },
      },
    },
    chunkSizeWarningLimit: 400,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": API_SERVER,
      "/auth": API_SERVER,
      "/oidc": API_SERVER,
    },
  },
});
