// Parse Mermaid text from stdin with Mermaid's own parser (run from a folder
// where `npm install mermaid jsdom` was done; .ci/run sets this up).
import { JSDOM } from "jsdom";

const { window } = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import("mermaid");

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
try {
  const result = await mermaid.parse(Buffer.concat(chunks).toString("utf8"));
  console.log(JSON.stringify(result));
} catch (error) {
  console.error(String(error));
  process.exit(1);
}
