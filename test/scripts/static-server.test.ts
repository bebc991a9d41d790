// npm run serve's file server: clean URLs and folder indexes like an ordinary web server, and malformed or traversing
// paths answered with an error instead of a crash or a file outside the site.
import {mkdir, mkdtemp, writeFile} from "node:fs/promises";
import {request, type Server} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serveStatic} from "../../scripts/lib/static-server.ts";

let server: Server;
let base: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "namndrapport-serve-"));
  await writeFile(join(dir, "hemlig.txt"), "HEMLIG");
  const site = join(dir, "dist");
  await mkdir(join(site, "2023-11"), {recursive: true});
  await writeFile(join(site, "index.html"), "<p>arkiv</p>");
  await writeFile(join(site, "2023-11", "index.html"), "<p>utgåva</p>");
  await writeFile(join(site, "2023-11", "tjansteskrivelse.html"), "<p>tjänsteskrivelse</p>");
  await writeFile(join(site, "2023-11", "granskning.arrow"), "arrow");
  ({server, url: base} = await serveStatic(site));
});

afterAll(() => server?.close());

/** GET of a raw path, sent as written (no client-side normalisation of .. or percent escapes). */
function get(path: string): Promise<{status: number; type: string; body: string}> {
  return new Promise((resolve, reject) => {
    const req = request(base, {path}, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk));
      res.on("end", () => resolve({status: res.statusCode!, type: String(res.headers["content-type"]), body}));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("serveStatic(dir)", () => {
  test("serveStatic serves pages by clean URL and folders by their index.html", async () => {
    expect(await get("/")).toMatchObject({status: 200, body: "<p>arkiv</p>"});
    expect(await get("/2023-11/")).toMatchObject({status: 200, body: "<p>utgåva</p>"});
    expect(await get("/2023-11/tjansteskrivelse?x=1")).toMatchObject({status: 200, body: "<p>tjänsteskrivelse</p>"});
    expect((await get("/2023-11")).status).toBe(301);
    expect(await get("/2023-11/granskning.arrow")).toMatchObject({
      status: 200,
      type: "application/vnd.apache.arrow.file"
    });
    expect(await get("/finns-inte")).toMatchObject({status: 404, body: "Sidan finns inte."});
  });

  test("serveStatic answers a malformed URL with 400 and keeps serving", async () => {
    expect(await get("/%E0")).toMatchObject({status: 400, body: "Felaktig adress."});
    expect(await get("/2023-11/%E0%A4%A")).toMatchObject({status: 400});
    expect((await get("/")).status).toBe(200);
  });

  test("serveStatic never serves a file outside the site, however the path is written", async () => {
    for (const path of [
      "/../hemlig.txt",
      "/%2e%2e/hemlig.txt",
      "/%2E%2E%2Fhemlig.txt",
      "/2023-11/..%2f..%2fhemlig.txt"
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(403);
      expect(response.body, path).not.toContain("HEMLIG");
    }
  });
});
