// Runs before every test file: refuses any database but a local one (tests write to it).
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set: run the tests with `npm test` (or `npm run test:unit`).");
const host = new URL(url).hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`Refusing to run tests against ${host}`);
