// The agent console in a real browser: headless Chromium driven over the
// DevTools protocol on a pipe (no packages to install). Logs in, drives a
// call through examples/order_status to an agent, waits for the beacon,
// clicks it, checks the Inbound Call workspace (the caller's email, the call
// script), hangs up, waits for DISCONNECTED, saves a screenshot, and fails on
// any console error. Prints {"beacon_latency_ms":…, …} as JSON on stdout.
//
// node agent_console.mjs --chromium /usr/bin/chromium --console http://127.0.0.1:P/agent
//   --token T --flowc http://127.0.0.1:Q --screenshot out.png --profile DIR
import { spawn } from "node:child_process";
import { writeFileSync, mkdirSync } from "node:fs";

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
for (const k of ["chromium", "console", "token", "flowc", "screenshot", "profile"])
  if (!args[k]) fail(`missing --${k}`);

function fail(message) {
  process.stderr.write("agent_console: " + message + "\n");
  process.exit(1);
}

mkdirSync(args.profile, { recursive: true });
const browser = spawn(args.chromium, [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
  "--disable-dev-shm-usage", "--remote-debugging-pipe", "--user-data-dir=" + args.profile, "about:blank",
], { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
let browserLog = "";
browser.stderr.on("data", (d) => { browserLog += d; });
browser.on("exit", (code) => { if (!closing) fail("chromium exited early (" + code + "): " + browserLog.slice(-2000)); });
let closing = false;

// ---- the DevTools protocol over fds 3 (to Chromium) and 4 (from it), NUL-separated
let nextId = 1;
const pending = new Map();
const listeners = [];
let inbox = "";
browser.stdio[4].on("data", (chunk) => {
  inbox += chunk.toString("utf8");
  let nul;
  while ((nul = inbox.indexOf("\0")) >= 0) {
    const msg = JSON.parse(inbox.slice(0, nul));
    inbox = inbox.slice(nul + 1);
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject, method } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) reject(new Error(method + ": " + msg.error.message));
      else resolve(msg.result);
    } else if (msg.method) {
      for (const l of listeners) l(msg);
    }
  }
});
function send(method, params = {}, sessionId) {
  const id = nextId++;
  const msg = { id, method, params };
  if (sessionId) msg.sessionId = sessionId;
  browser.stdio[3].write(JSON.stringify(msg) + "\0");
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject, method }));
}

const errors = [];
listeners.push((m) => {
  if (m.method === "Runtime.exceptionThrown") errors.push("exception: " + JSON.stringify(m.params.exceptionDetails));
  if (m.method === "Runtime.consoleAPICalled" && (m.params.type === "error" || m.params.type === "assert"))
    errors.push("console." + m.params.type + ": " + JSON.stringify(m.params.args.map((a) => a.value)));
  if (m.method === "Log.entryAdded" && m.params.entry.level === "error") errors.push("log: " + m.params.entry.text);
});

const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), ms));

async function main() {
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
  const page = (method, params) => send(method, params, sessionId);
  const evaluate = async (expression) => {
    const r = await page("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error("evaluate failed: " + expression + ": " + JSON.stringify(r.exceptionDetails));
    return r.result.value;
  };
  // Waits for a condition in the page; polls the DOM, not the server.
  const waitFor = async (what, expression, ms = 15000) => {
    const end = Date.now() + ms;
    for (;;) {
      if (await evaluate(expression)) return;
      if (Date.now() > end) throw new Error("waiting for " + what + ": " + (await evaluate("document.body.innerText")));
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const flowc = async (path, body) => {
    const res = await fetch(args.flowc + path, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const j = await res.json();
    if (res.status >= 400) throw new Error(path + ": HTTP " + res.status + " " + JSON.stringify(j));
    return j;
  };
  const clickOn = async (selector) => {
    const box = await evaluate(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`);
    for (const type of ["mousePressed", "mouseReleased"])
      await page("Input.dispatchMouseEvent", { type, x: box.x, y: box.y, button: "left", clickCount: 1 });
  };

  await page("Runtime.enable");
  await page("Log.enable");
  await page("Page.enable");
  await page("Emulation.setDeviceMetricsOverride", { width: 1366, height: 768, deviceScaleFactor: 1, mobile: false });
  await page("Page.navigate", { url: args.console });
  await waitFor("the login form", "document.readyState === 'complete' && !!document.getElementById('token')");

  // Log in by typing the token.
  await evaluate("document.getElementById('token').focus()");
  await page("Input.insertText", { text: args.token });
  await clickOn("#login-form button[type=submit]");
  await waitFor("the live event stream", "document.getElementById('conn').textContent === 'online'");

  // A premium caller is found by number and queued; user101 answers.
  const call = await flowc("/v1/calls", { from: "+4930123456", to: "+4940999" });
  const queued = await flowc(`/v1/calls/${call.call_id}/events`, { type: "prompt_done" });
  if (!queued.commands.some((c) => c.type === "enqueue")) throw new Error("not queued: " + JSON.stringify(queued));
  await flowc(`/v1/calls/${call.call_id}/events`, { type: "agent_answered", agent: "user101" });

  await waitFor("the beacon to flash", "document.getElementById('beacon').classList.contains('flashing')");
  await waitFor("the latency figure", "document.body.dataset.beaconLatencyMs !== undefined");
  const latency = Number(await evaluate("document.body.dataset.beaconLatencyMs"));

  await clickOn("#beacon");
  await waitFor("the Inbound Call workspace",
    "[...document.querySelectorAll('.workspace')].some(w => !w.hidden && w.innerText.includes('anna.schmidt@example.com'))");
  const text = await evaluate("document.querySelector('.workspace:not([hidden])').textContent");
  for (const expected of ["Order status", "premium customer asking about an order", "ivr.premium", "Anna Schmidt"])
    if (!text.includes(expected)) throw new Error(`the workspace lacks '${expected}': ${text}`);
  await evaluate("document.querySelector('.workspace:not([hidden]) .notes-text').focus()");
  await page("Input.insertText", { text: "Asked about order T-1001; tracking link resent." });
  const connectedShot = await page("Page.captureScreenshot", { format: "png" });
  writeFileSync(args.screenshot.replace(/\.png$/, "_connected.png"), Buffer.from(connectedShot.data, "base64"));

  await flowc(`/v1/calls/${call.call_id}/events`, { type: "hangup" });
  await waitFor("DISCONNECTED", "document.querySelector('.workspace:not([hidden]) .ws-state').textContent === 'DISCONNECTED'");
  const shot = await page("Page.captureScreenshot", { format: "png" });
  writeFileSync(args.screenshot, Buffer.from(shot.data, "base64"));

  if (errors.length) throw new Error("console errors:\n" + errors.join("\n"));
  process.stdout.write(JSON.stringify({ beacon_latency_ms: latency, screenshot: args.screenshot, call_id: call.call_id }) + "\n");
}

try {
  await Promise.race([main(), deadline(60000)]);
  closing = true;
  await Promise.race([send("Browser.close"), deadline(5000)]).catch(() => browser.kill("SIGKILL"));
  process.exit(0);
} catch (e) {
  closing = true;
  browser.kill("SIGKILL");
  fail(e.message + (errors.length ? "\nconsole errors:\n" + errors.join("\n") : ""));
}
