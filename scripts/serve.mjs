#!/usr/bin/env node
// Serves the built app (what `next start` does) behind a small HTTP server that decides the client's
// IP address before Next sees the request: X-Forwarded-For is replaced by that one address, so the
// sign-in limits and the audit trail cannot be fooled by a forged header (scripts/client-ip.mjs).
//   node scripts/serve.mjs [-p PORT] [-H HOST]
import http from "node:http";
import { clientIpFrom, trustedHopsFromEnv } from "./client-ip.mjs";

const arg = (flag, fallback) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg("-p", process.env.PORT ?? 3000));
const hostname = arg("-H", undefined);
const hops = trustedHopsFromEnv();

// as `next start` does (imports are hoisted, so Next is loaded after this line)
process.env.NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const ip = clientIpFrom(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
  if (ip) req.headers["x-forwarded-for"] = ip;
  else delete req.headers["x-forwarded-for"];
  handle(req, res);
});
server.listen(port, hostname, () => console.log(`[serve] listening on ${hostname ?? "*"}:${port} (trusted proxy hops: ${hops})`));

const stop = () => server.close(() => process.exit(0)) && setTimeout(() => process.exit(0), 3000).unref();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
