// `npm run serve` (scripts/serve.js): dist/ over https with a locally generated authority and server certificate,
// verified by a client that trusts only that authority; the pages' CSP as a header; nothing outside dist/.
import * as fs from "fs";
import * as https from "https";
import * as os from "os";
import * as path from "path";

const serve = require("../../scripts/serve.js") as {
  start(o: { port: number; dir: string; certs: string; hosts?: string[] }): Promise<{
    server: import("https").Server;
    port: number;
    names: string[];
    tls: { created: boolean; ca: string };
  }>;
  parseArgs(a: string[]): { port: number; hosts: string[] };
};

const CSP = "default-src 'self'; script-src 'self'";

function get(
  port: number,
  ca: string,
  p: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get({ host: "127.0.0.1", servername: "localhost", port, path: p, ca: fs.readFileSync(ca) }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on("error", reject);
  });
}

describe("npm run serve", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-serve-"));
  const dist = path.join(tmp, "dist");
  const certs = path.join(tmp, "certs");
  let running: Awaited<ReturnType<typeof serve.start>>;

  beforeAll(async () => {
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, "manifest.xml"), "<OfficeApp/>");
    fs.writeFileSync(
      path.join(dist, "taskpane.html"),
      `<html><head><meta http-equiv="Content-Security-Policy" content="${CSP}" /></head><body>Phụ lục</body></html>`,
    );
    fs.writeFileSync(path.join(tmp, "secret.txt"), "không được lộ");
    running = await serve.start({ port: 0, dir: dist, certs, hosts: ["may-chu.ubnd.local"] });
  });
  afterAll(() => new Promise<void>((resolve) => running.server.close(() => resolve())));

  test("a certificate authority and a server certificate are made once, for the names asked", async () => {
    expect(running.tls.created).toBe(true);
    for (const f of ["ca.crt", "ca.key", "server.crt", "server.key"])
      expect(fs.existsSync(path.join(certs, f))).toBe(true);
    expect(running.names).toEqual(expect.arrayContaining(["localhost", "127.0.0.1", "may-chu.ubnd.local"]));
    // A second start reuses them.
    const again = await serve.start({ port: 0, dir: dist, certs });
    expect(again.tls.created).toBe(false);
    await new Promise<void>((resolve) => again.server.close(() => resolve()));
  });

  test("pages over https trusted through the local authority, with the CSP header", async () => {
    const r = await get(running.port, running.tls.ca, "/taskpane.html");
    expect(r.status).toBe(200);
    expect(r.body).toContain("Phụ lục");
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.headers["content-security-policy"]).toBe(CSP);
  });

  test("nothing outside dist/", async () => {
    expect((await get(running.port, running.tls.ca, "/../secret.txt")).status).toBe(404);
    expect((await get(running.port, running.tls.ca, "/%2e%2e/secret.txt")).status).toBe(404);
    expect((await get(running.port, running.tls.ca, "/nope.js")).status).toBe(404);
  });

  test("arguments", () => {
    expect(serve.parseArgs(["--port", "8443", "--host", "a", "--host", "b"])).toMatchObject({
      port: 8443,
      hosts: ["a", "b"],
    });
    expect(() => serve.parseArgs(["--port", "0"])).toThrow("--port");
    expect(() => serve.parseArgs(["--bogus"])).toThrow("bogus");
  });
});
