import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Vendor libraries get chunks of their own, so that a release that only changes
 * Comity's code leaves the (large, long-cached) vendor files untouched. Pages are
 * split by route with React.lazy in src/web/routes.tsx.
 */
const vendorChunks: { name: string; test: RegExp }[] = [
  {
    name: "react",
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
  },
  {
    name: "mantine",
    test: /node_modules[\\/](@mantine(?![\\/]charts[\\/]esm)|@floating-ui|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-callback-ref|use-sidecar|react-number-format|clsx|tslib|get-nonce|detect-node-es|tabbable)[\\/]/,
  },
  { name: "tanstack", test: /node_modules[\\/]@tanstack[\\/]/ },
  {
    name: "i18n",
    test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements|use-sync-external-store)[\\/]/,
  },
  { name: "zod", test: /node_modules[\\/]zod[\\/]/ },
  { name: "icons", test: /node_modules[\\/]@tabler[\\/]/ },
  // d3, shared by the registry's map (react-simple-maps) and the charts.
  { name: "d3", test: /node_modules[\\/](d3-[a-z-]+|internmap|topojson-client)[\\/]/ },
  // Charts (recharts and its redux parts) load only with the pages that draw them. Last, so
  // that what they share with every page (Mantine, React) stays in those pages' chunks.
  {
    name: "charts",
    test: /node_modules[\\/](@mantine[\\/]charts[\\/]esm|recharts|victory-vendor|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant)[\\/]/,
  },
];

/**
 * react-router's package exports name only its development build (a known upstream
 * issue), which ships dev-only warnings; production builds use its production files.
 */
const reactRouterProduction = path.join(
  path.dirname(createRequire(import.meta.url).resolve("react-router/package.json")),
  "dist/production/index.mjs",
);

export default defineConfig(({ command }) => ({
  root: path.join(root, "src", "web"),
  base: "/",
  plugins: [react()],
  resolve: {
    alias: command === "build" ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  build: {
    outDir: path.join(root, "dist", "web"),
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: vendorChunks.map((chunk, index) => ({
            name: chunk.name,
            test: chunk.test,
            priority: vendorChunks.length - index,
          })),
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": {
        target: "http://127.0.0.1:3000",
        changeOrigin: false,
        // src/web/api/*.ts are modules of this app, served by Vite, not calls to the API.
        bypass: (request) => (/^\/api\/[^?]*\.tsx?(\?|$)/.test(request.url ?? "") ? request.url : undefined),
      },
    },
  },
}));
