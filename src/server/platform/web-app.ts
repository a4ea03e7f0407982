import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/**
 * Serves the built web app (dist/web). Hashed assets are cached for a year; index.html
 * is revalidated, so a new release is picked up on the next load.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: "/",
    index: false,
    wildcard: true,
    setHeaders(reply, filePath) {
      const hashed = filePath.includes("/assets/");
      reply.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  app.get("/", { schema: { hide: true } }, (_request, reply) =>
    reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").sendFile("index.html"),
  );
}
