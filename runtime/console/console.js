// The agent console: log in with an agent token, listen to the user's call
// state over Server-Sent Events, flash the beacon on CONNECTED, open an
// Inbound Call workspace per call on click, mark it ended on DISCONNECTED.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const state = { token: "", me: null, source: null, pending: null, workspaces: new Map(), active: null };

  function setStatus(text) { $("status").textContent = text; }

  async function api(path, method) {
    const res = await fetch(path, { method: method || "GET", headers: { Authorization: "Bearer " + state.token } });
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    return { status: res.status, body };
  }

  // ---- login
  async function login(token) {
    state.token = token;
    const r = await api("/agent/api/me");
    if (r.status === 401) return loginFailed("That token is not valid. Check it and try again.");
    if (r.status !== 200 || !r.body) return loginFailed("The console could not reach the server (HTTP " + r.status + ").");
    if (!r.body.call_user)
      return loginFailed("User '" + r.body.login + "' does not hold the " + r.body.privilege +
                         " privilege, so no inbound calls can be shown. Ask your administrator.");
    state.me = r.body;
    sessionStorage.setItem("flowc.agent.token", token);
    $("login").hidden = true;
    $("desk").hidden = false;
    $("agent-box").hidden = false;
    $("agent-name").textContent = r.body.name + " (" + r.body.login + ")";
    listen();
  }

  function loginFailed(message) {
    state.token = "";
    sessionStorage.removeItem("flowc.agent.token");
    $("login-error").textContent = message;
    $("login").hidden = false;
    $("desk").hidden = true;
    return false;
  }

  function logout() {
    if (state.source) state.source.close();
    sessionStorage.removeItem("flowc.agent.token");
    location.replace("/agent");
  }

  // ---- the push stream
  function listen() {
    const source = new EventSource("/agent/events?token=" + encodeURIComponent(state.token));
    state.source = source;
    source.onopen = () => { $("conn").textContent = "online"; $("conn").className = "pill live"; };
    source.onerror = () => { $("conn").textContent = "reconnecting…"; $("conn").className = "pill"; };
    source.addEventListener("cti", (e) => onEvent(JSON.parse(e.data)));
  }

  function onEvent(ev) {
    const s = ev.state;
    if (!s) return;
    if (s.status === "CONNECTED" && !s.beacon_clicked) {
      flash(s);
    } else if (s.status === "DISCONNECTED") {
      stopFlash();
      for (const ws of state.workspaces.values()) if (!ws.ended) markEnded(ws);
      setStatus("Call disconnected.");
    } else if (s.beacon_clicked) {
      stopFlash();
    }
  }

  function flash(s) {
    state.pending = s;
    const b = $("beacon");
    b.disabled = false;
    b.classList.add("flashing");
    b.title = "Inbound call from " + (s.phone_number || "unknown number") + " — click to open";
    b.dataset.state = "flashing";
    requestAnimationFrame(() => {
      const pop = s.screen_pop || {};
      if (typeof pop.rpc_received_ms === "number") {
        const ms = Math.max(0, Date.now() - pop.rpc_received_ms);
        document.body.dataset.beaconLatencyMs = String(ms);
        setStatus("Inbound call: beacon shown " + ms + " ms after the call state arrived.");
      }
      if ($("auto-open").checked) openPending();
    });
  }

  function stopFlash() {
    const b = $("beacon");
    b.classList.remove("flashing");
    b.disabled = true;
    b.title = "No inbound call";
    b.dataset.state = "idle";
  }

  async function openPending() {
    if (!state.pending) return;
    const r = await api("/agent/api/beacon", "POST");
    if (r.status !== 200) {
      setStatus(r.body && r.body.error ? r.body.error.message : "Could not open the call (HTTP " + r.status + ").");
      return;
    }
    state.pending = null;
    stopFlash();
    openWorkspace(r.body);
  }

  // ---- workspaces
  function row(dl, label, value) {
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = value === null || value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value);
    dl.append(dt, dd);
  }

  function openWorkspace(s) {
    const key = s.user + "#" + s.call_seq;
    if (state.workspaces.has(key)) return select(key);
    const pop = s.screen_pop || {};
    const contact = pop.contact || {};
    const session = (pop.call && pop.call.session) || {};
    const node = $("workspace-template").content.firstElementChild.cloneNode(true);
    const who = contact.name || session["ivr.name"] || ("+" + pop.phone_number);
    node.querySelector(".ws-title").textContent = "Inbound call · " + who;
    node.querySelector(".ws-sub").textContent = "+" + pop.phone_number + " · " + new Date().toLocaleTimeString();
    const st = node.querySelector(".ws-state");
    st.textContent = "Connected";
    st.className = "pill live ws-state";
    const caller = node.querySelector(".caller-details");
    row(caller, "Phone", "+" + pop.phone_number);
    if (pop.contact) {
      for (const [k, v] of Object.entries(contact)) if (k !== "phones") row(caller, k, v);
    } else {
      row(caller, "Contact", "no contact matches this number");
    }
    // What the IVR gathered: the fields sent with the message (the User Call
    // State extension), then the live call's session when this runtime has it.
    const ivr = node.querySelector(".ivr-details");
    const vars = Object.entries(pop.extra || {});
    for (const [k, v] of Object.entries(session)) if (!k.startsWith("call.") && !(pop.extra && k in pop.extra)) vars.push([k, v]);
    if (vars.length === 0) row(ivr, "Session", pop.call ? "nothing gathered" : "nothing was sent with the call");
    for (const [k, v] of vars) row(ivr, k, v);
    node.querySelector(".reason").textContent = pop.reason ? pop.reason.name : "General Inquiry";
    node.querySelector(".script-text").textContent = pop.reason ? pop.reason.script : "";
    node.dataset.key = key;
    $("workspaces").append(node);

    const tab = document.createElement("button");
    tab.type = "button";
    tab.className = "tab";
    tab.textContent = who;
    const small = document.createElement("small");
    small.textContent = (pop.reason ? pop.reason.name : "") + " · connected";
    tab.append(small);
    tab.addEventListener("click", () => select(key));
    $("tabs").append(tab);
    $("no-calls").hidden = true;
    state.workspaces.set(key, { key, node, tab, small, ended: false, reason: pop.reason ? pop.reason.name : "" });
    select(key);
    setStatus("Inbound Call workspace opened for " + who + ".");
  }

  function select(key) {
    state.active = key;
    for (const ws of state.workspaces.values()) {
      ws.node.hidden = ws.key !== key;
      ws.tab.classList.toggle("active", ws.key === key);
    }
  }

  function markEnded(ws) {
    ws.ended = true;
    const st = ws.node.querySelector(".ws-state");
    st.textContent = "DISCONNECTED";
    st.className = "pill ended ws-state";
    ws.node.dataset.status = "DISCONNECTED";
    ws.small.textContent = ws.reason + " · ended";
  }

  // ---- start
  $("login-form").addEventListener("submit", (e) => { e.preventDefault(); login($("token").value.trim()); });
  $("beacon").addEventListener("click", openPending);
  $("logout").addEventListener("click", logout);
  const auto = $("auto-open");
  auto.checked = localStorage.getItem("flowc.agent.autoOpen") === "1";
  auto.addEventListener("change", () => localStorage.setItem("flowc.agent.autoOpen", auto.checked ? "1" : "0"));

  const params = new URLSearchParams(location.search);
  if (params.get("auto") === "1") auto.checked = true;
  const given = params.get("token");
  if (params.has("token")) history.replaceState(null, "", "/agent");
  const saved = given || sessionStorage.getItem("flowc.agent.token");
  if (saved) login(saved);
})();
