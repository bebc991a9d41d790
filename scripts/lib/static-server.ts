// A static file server for a built site, as an ordinary web server would serve it: clean URLs map to .html files,
// folders to index.html. Used by `npm run serve`, the browser tests and PDF export. Binds to loopback only.
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize, resolve} from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file",
  ".pdf": "application/pdf",
  ".woff2": "font/woff2"
};

function resolveFile(root: string, urlPath: string): string | null {
  const path = normalize(decodeURIComponent(urlPath.split("?")[0])).replace(/^(\.\.[/\\])+/, "");
  const base = join(root, path);
  if (!base.startsWith(root)) return null;
  for (const candidate of [base, `${base}.html`, join(base, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Serves dir on 127.0.0.1; port 0 picks a free port. Resolves with the server and its base URL. */
export async function serveStatic(dir: string, port = 0): Promise<{server: Server; url: string}> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const file = resolveFile(root, request.url ?? "/");
    if (!file) {
      response.writeHead(404, {"content-type": "text/plain; charset=utf-8"}).end("Sidan finns inte.");
      return;
    }
    response.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream"});
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(port, "127.0.0.1", done));
  const {port: actual} = server.address() as AddressInfo;
  return {server, url: `http://127.0.0.1:${actual}`};
}
