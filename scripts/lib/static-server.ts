// A static file server for a built site, as an ordinary web server would serve it: clean URLs map to .html files,
// folders to index.html. Used by `npm run serve`, the browser tests and PDF export. Binds to loopback only. The files
// are served by `send` (the handler Express uses), which rejects malformed URLs (400) and paths out of the folder
// (403) instead of throwing.
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, resolve} from "node:path";
import send from "send";

// Types send's table does not know (the review page's Arrow IPC files); send keeps a type set before it.
const TYPES: Record<string, string> = {".arrow": "application/vnd.apache.arrow.file"};

const MESSAGES: Record<number, string> = {
  400: "Felaktig adress.",
  403: "Åtkomst nekad.",
  404: "Sidan finns inte."
};

/** A Swedish plain-text error page for an HTTP status. */
function fail(response: ServerResponse, status: number): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, {"content-type": "text/plain; charset=utf-8"}).end(MESSAGES[status] ?? "Serverfel.");
}

/** The request handler for a site in `root`: GET and HEAD of files, clean URLs and folder index pages. */
export function staticHandler(root: string): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response
        .writeHead(405, {allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8"})
        .end("Metoden stöds inte.");
      return;
    }
    // The path as sent: send decodes it and checks it against the root itself.
    const path = (request.url ?? "/").split("?")[0];
    send(request, path, {root, extensions: ["html"], index: ["index.html"], dotfiles: "ignore"})
      .on("headers", (res: ServerResponse, file: string) => {
        const type = TYPES[extname(file)];
        if (type) res.setHeader("content-type", type);
      })
      .on("error", (error: {status?: number}) => fail(response, error.status ?? 500))
      .pipe(response);
  };
}

/** Serves dir on 127.0.0.1; port 0 picks a free port. Resolves with the server and its base URL. */
export async function serveStatic(dir: string, port = 0): Promise<{server: Server; url: string}> {
  const server = createServer(staticHandler(resolve(dir)));
  await new Promise<void>((done) => server.listen(port, "127.0.0.1", done));
  const {port: actual} = server.address() as AddressInfo;
  return {server, url: `http://127.0.0.1:${actual}`};
}
