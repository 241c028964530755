/* Numérique en jeu: the pad page. Plain JS, no build step, no third-party code (GPL-3.0-or-later).
   It joins a room with its code, keeps its seat (a token in localStorage) across reloads and lost
   connections, and sends one answer per question with a counter, so that a resent answer is never
   counted twice. Every text it shows from the game is set with textContent, never as HTML. */
(function () {
  "use strict";
  var STORE = "nej-pad";
  var SVG = "http://www.w3.org/2000/svg";
  var CAT = null, S = {}, lang = document.documentElement.getAttribute("data-lang") || "fr";
  var ws = null, state = null, name = null, retry = 0, retryTimer = null, shownKey = null;
  var draft = null; // a several-answer question's boxes, or an estimate's value, before « Envoyer »
  var store = load();

  function load() {
    try {
      var s = JSON.parse(localStorage.getItem(STORE) || "{}");
      return { room: s.room || null, admin: s.admin || null, token: s.token || null, n: s.n | 0, pending: s.pending || null };
    } catch (e) { return fresh(null, null); }
  }
  function fresh(room, admin) { return { room: room, admin: admin, token: null, n: 0, pending: null }; }
  function save() { try { localStorage.setItem(STORE, JSON.stringify(store)); } catch (e) { /* private mode */ } }
  function $(id) { return document.getElementById(id); }
  function fill(s, args) {
    if (args) Object.keys(args).forEach(function (k) { s = s.split("{" + k + "}").join(args[k]); });
    return s;
  }
  function t(key, args) { var s = S[key]; return fill(typeof s === "string" ? s : key, args); }
  // a count's words: strings.json gives [singular, plural]; French takes the singular for 0 and 1,
  // English for 1 only
  var PLURAL = { fr: function (n) { return Math.abs(n) < 2 ? 0 : 1; }, en: function (n) { return n === 1 ? 0 : 1; } };
  function tn(key, n, args) {
    var forms = S[key];
    if (!Array.isArray(forms)) return fill(key, args);
    return fill(forms[Math.min(forms.length - 1, (PLURAL[lang] || PLURAL.en)(n))], args);
  }
  var NB = "\u00a0";
  function listSep() { return typeof S.list_sep === "string" ? S.list_sep : "; "; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function num(v) { return new Intl.NumberFormat(lang === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 6 }).format(v); }
  function withUnit(v, unit) {
    // « 6,2 kg CO₂e » on one line: a no-break space after the number and inside the unit; « 75% » in English
    unit = (unit || "").trim().replace(/\s+/g, NB);
    if (!unit) return num(v);
    return num(v) + (unit.charAt(0) === "%" && lang === "en" ? "" : NB) + unit;
  }

  // -- shapes, as on the projector: never a colour alone --------------------------------------
  function shape(kind, color, size) {
    var s = document.createElementNS(SVG, "svg");
    s.setAttribute("viewBox", "0 0 20 20"); s.setAttribute("width", size); s.setAttribute("height", size);
    s.setAttribute("aria-hidden", "true"); s.setAttribute("focusable", "false");
    var p, d = {
      triangle: "M10 1.5 19 18H1z", down: "M1 2h18L10 18.5z", diamond: "M10 1 19 10 10 19 1 10z",
      square: "M2.5 2.5h15v15h-15z", hexagon: "M5.2 1.7h9.6L19.5 10l-4.7 8.3H5.2L.5 10z",
      star: "M10 1l2.6 5.9 6.4.6-4.8 4.3 1.4 6.3L10 14.8l-5.6 3.3 1.4-6.3L1 7.5l6.4-.6z",
      plus: "M7.5 1h5v6.5H19v5h-6.5V19h-5v-6.5H1v-5h6.5z"
    }[kind];
    if (d) { p = document.createElementNS(SVG, "path"); p.setAttribute("d", d); }
    else { p = document.createElementNS(SVG, "circle"); p.setAttribute("cx", 10); p.setAttribute("cy", 10); p.setAttribute("r", 8.5); }
    p.setAttribute("fill", color);
    s.appendChild(p);
    return s;
  }

  // -- views --------------------------------------------------------------------------------
  function show(id) {
    ["v-join", "v-team", "v-wait", "v-q", "v-admin", "v-end"].forEach(function (v) { $(v).hidden = v !== id; });
  }
  function applyStrings() {
    S = (CAT && (CAT[lang] || CAT.fr)) || {};
    document.documentElement.lang = lang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-s]"), function (e) { e.textContent = t(e.getAttribute("data-s")); });
    document.title = t("title");
  }
  function teamOf(i) {
    var ts = (state && state.teams) || [];
    for (var k = 0; k < ts.length; k++) if (ts[k].index === i) return ts[k];
    return null;
  }
  function seatName() {
    if (store.admin) return t("fac_title");
    return name ? ((S.animals || [])[name[0]] || "?") + " " + name[1] : "";
  }
  function renderWho() {
    var who = $("who");
    who.textContent = "";
    if (!name) { who.hidden = true; return; }
    who.hidden = false;
    var team = state ? teamOf(state.team) : null;
    if (team) who.appendChild(shape(team.symbol, team.color, 22));
    who.appendChild(el("span", "", store.admin ? seatName() : t("you_are", { name: seatName() }) + (team ? " · " + t("team_of", { team: team.name }) : "")));
  }
  function setStatus(key, ok) {
    var st = $("q-status");
    st.textContent = key ? t(key) : "";
    st.className = "status" + (ok ? " ok" : "");
  }

  function render() {
    // the page is drawn anew: the keyboard's or screen reader's place stays where it was
    var a = document.activeElement, id = a && a.getAttribute("data-id"), mv = a && a.getAttribute("data-move");
    var at = !a ? [] : mv ? ['[data-move="' + mv + '"][data-id="' + CSS.escape(id) + '"]',
                             '[data-move="' + (mv === "up" ? "down" : "up") + '"][data-id="' + CSS.escape(id) + '"]']
      : id ? ['.choice[data-id="' + CSS.escape(id) + '"]'] : a.id ? ["#" + a.id] : [];
    draw();
    if (at.length && document.activeElement !== a) {
      for (var k = 0; k < at.length; k++) {
        var back = document.querySelector(at[k]);
        if (back && !back.disabled && back.offsetParent !== null) { back.focus(); break; }
      }
    }
  }

  function draw() {
    renderWho();
    if (!state) {
      if (store.room && ws) { $("wait-text").textContent = t("connecting"); show("v-wait"); }
      else show("v-join");
      return;
    }
    if (state.finished) { show("v-end"); return; }
    if (state.role === "admin") { renderAdmin(); return; }
    if (state.team === null || state.team === undefined) {
      if (state.team_mode === "player" && state.teams.length) { renderTeams(); show("v-team"); }
      else { $("wait-text").textContent = t("no_team_yet"); show("v-wait"); }
      return;
    }
    var q = state.q;
    if (!q) { $("wait-text").textContent = t("waiting"); show("v-wait"); shownKey = null; return; }
    show("v-q");  // before drawing: a hidden prompt cannot take the focus
    renderQuestion(q);
  }

  function renderTeams() {
    var box = $("teams");
    box.textContent = "";
    state.teams.forEach(function (team) {
      var b = el("button", "big teamb");
      b.type = "button";
      b.appendChild(shape(team.symbol, team.color, 32));
      b.appendChild(el("span", "", team.name));
      b.addEventListener("click", function () { send({ t: "team", team: team.index }); });
      box.appendChild(b);
    });
  }

  function mineNow(q) {
    // What this pad has chosen for q: the answer waiting to be acknowledged, else the server's.
    var p = store.pending;
    if (p && p.q === q.key) return { choices: p.choices || [], value: p.value === undefined ? null : p.value };
    return state.mine;
  }

  function renderQuestion(q) {
    var fresh = q.key !== shownKey;
    if (fresh) { shownKey = q.key; draft = null; }
    var kindN = q.kind === "scenario" ? "situation_n" : "question_n";
    $("q-number").textContent = q.number && q.number[1] ? t(kindN, { n: q.number[0], total: q.number[1] }) : "";
    $("q-prompt").textContent = q.prompt;
    var body = $("q-body"), res = $("q-result");
    body.textContent = "";
    $("q-send").textContent = "";
    res.hidden = true; res.textContent = "";
    var mine = mineNow(q);
    var canAnswer = q.open && q.mine_to_answer;
    var help = { single: "pick_one", multiple: "pick_many", truefalse: "pick_true_false", estimate: "pick_value",
                 ordering: "pick_order", scenario: "pick_situation" }[q.kind];
    if (!q.mine_to_answer) {
      var names = q.teams.map(function (i) { var tm = teamOf(i); return tm ? tm.name : "?"; });
      $("q-help").textContent = t("turn_of", { team: names.join(t("and")) });
    } else {
      $("q-help").textContent = !q.open ? t("closed") : (mine ? t(help) + " " + t("change_hint") : t(help));
    }
    if (q.kind === "estimate") renderEstimate(q, body, mine, canAnswer);
    else if (q.kind === "ordering") renderOrdering(q, body, mine, canAnswer);
    else renderChoices(q, body, mine, canAnswer);
    $("q-bar").className = "bar" + ($("send") ? " sticky" : "");  // « Envoyer » stays on screen while the list scrolls
    if (state.reveal) renderReveal(q, state.reveal, res);
    if (!q.mine_to_answer) setStatus("");
    else if (store.pending && store.pending.q === q.key) setStatus("sending");
    else if (state.mine) setStatus("sent", true);
    else setStatus(q.open ? "not_sent" : "closed");
    if (fresh) $("q-prompt").focus();
  }

  function sendButton(onClick, disabled) {
    var b = el("button", "big primary", t("send"));
    b.type = "button"; b.id = "send";
    b.disabled = !!disabled;
    b.addEventListener("click", onClick);
    $("q-send").appendChild(b);
  }

  function renderChoices(q, body, mine, canAnswer) {
    var many = q.kind === "multiple";
    var picked = many && draft ? draft : (mine ? mine.choices : []);
    var right = state.reveal && q.kind !== "scenario" ? state.reveal.right : [];
    var list = el("div", "stack");
    list.setAttribute("role", "group");
    list.setAttribute("aria-labelledby", "q-prompt");
    q.choices.forEach(function (c) {
      var b = el("button", "big choice");
      b.type = "button";
      b.style.background = c.mark[2];
      b.setAttribute("data-id", c.id);
      b.setAttribute("aria-pressed", picked.indexOf(c.id) >= 0 ? "true" : "false");
      var m = el("span", "mark");
      m.appendChild(shape(c.mark[1], c.mark[2], 22));
      m.appendChild(el("span", "", c.mark[0]));
      b.appendChild(m);
      var txt = el("span", "text");
      txt.appendChild(el("span", "", c.text));
      var badges = el("span", "badges");
      badges.appendChild(el("span", "tick", "✓ " + t("chosen")));
      if (right.indexOf(c.id) >= 0) badges.appendChild(el("span", "badge", "★ " + t("right_badge")));
      txt.appendChild(badges);
      b.appendChild(txt);
      b.disabled = !canAnswer;
      b.addEventListener("click", function () {
        if (!many) { answer(q, { choices: [c.id] }); return; }
        var cur = (draft || picked).slice(), at = cur.indexOf(c.id);
        if (at >= 0) cur.splice(at, 1); else cur.push(c.id);
        draft = cur;
        render();
      });
      list.appendChild(b);
    });
    body.appendChild(list);
    if (many && canAnswer) {
      sendButton(function () { if ((draft || picked).length) answer(q, { choices: (draft || picked).slice() }); },
                 !(draft || picked).length);
    }
  }

  function renderOrdering(q, body, mine, canAnswer) {
    // the items in the pad's order, each with ↑ and ↓; as on the projector, a row is numbered by
    // its place (no letter, shape or colour), and the text takes the row's width
    var byId = {};
    q.choices.forEach(function (c) { byId[c.id] = c; });
    var order = draft || (mine && mine.choices && mine.choices.length === q.choices.length ? mine.choices
      : q.choices.map(function (c) { return c.id; }));
    var list = el("ol", "stack order");
    list.setAttribute("aria-labelledby", "q-prompt");
    order.forEach(function (id, i) {
      var c = byId[id];
      if (!c) return;
      var li = el("li", "orderline");
      li.setAttribute("data-item", id);
      li.appendChild(el("span", "place", (i + 1) + "."));
      li.appendChild(el("span", "text", c.text));
      if (!canAnswer) { list.appendChild(li); return; }
      var moves = el("span", "moves");
      li.appendChild(moves);
      [["up", -1, "↑", "move_up"], ["down", 1, "↓", "move_down"]].forEach(function (d) {
        var b = el("button", "move", d[2]);
        b.type = "button";
        b.setAttribute("data-move", d[0]); b.setAttribute("data-id", id);
        b.setAttribute("aria-label", t(d[3], { item: c.text, n: i + 1 }));
        b.disabled = i + d[1] < 0 || i + d[1] >= order.length;
        b.addEventListener("click", function () {
          var cur = order.slice(), j = i + d[1];
          cur[i] = cur[j]; cur[j] = id;
          draft = cur;
          render();
          $("q-status").textContent = t("moved", { item: c.text, n: j + 1 });
        });
        moves.appendChild(b);
      });
      list.appendChild(li);
    });
    body.appendChild(list);
    if (canAnswer) sendButton(function () { answer(q, { choices: order.slice() }); });
  }

  function renderEstimate(q, body, mine, canAnswer) {
    var e = q.estimate;
    var v = draft !== null ? draft : (mine && mine.value !== null ? mine.value : e.start);
    var box = el("div", "estimate");
    var lab = el("label", "", t("your_value"));
    lab.setAttribute("for", "range");
    var out = el("output", "", withUnit(v, e.unit));
    out.id = "value"; out.setAttribute("for", "range"); out.setAttribute("aria-live", "polite");
    var r = el("input");
    r.type = "range"; r.id = "range"; r.min = e.min; r.max = e.max; r.step = e.step; r.value = v;
    r.disabled = !canAnswer;
    r.setAttribute("aria-valuetext", withUnit(v, e.unit));
    r.setAttribute("aria-describedby", "range-scale");
    function set(x) {
      x = Math.min(e.max, Math.max(e.min, e.min + Math.round((x - e.min) / e.step) * e.step));
      x = parseFloat(x.toPrecision(12));
      draft = x; r.value = x;
      out.textContent = withUnit(x, e.unit);
      r.setAttribute("aria-valuetext", out.textContent);
    }
    r.addEventListener("input", function () { set(parseFloat(r.value)); });
    // the slider's ends under it, as on the projector (« 0 % … 100 % »)
    var scale = el("div", "scale"), low = el("span", "", withUnit(e.min, e.unit)), high = el("span", "", withUnit(e.max, e.unit));
    low.id = "range-min"; high.id = "range-max";
    low.setAttribute("aria-hidden", "true"); high.setAttribute("aria-hidden", "true");
    var said = el("span", "sr", t("scale", { min: low.textContent, max: high.textContent }));
    said.id = "range-scale";
    scale.appendChild(low); scale.appendChild(said); scale.appendChild(high);
    box.appendChild(lab); box.appendChild(out); box.appendChild(r); box.appendChild(scale);
    if (canAnswer) {
      var steps = el("div", "steps");
      [["less", -1, "−"], ["more", 1, "+"]].forEach(function (d) {
        var b = el("button", "big", d[2] + " " + t(d[0]));
        b.type = "button"; b.id = d[0];
        b.addEventListener("click", function () { set((draft !== null ? draft : v) + d[1] * e.step); });
        steps.appendChild(b);
      });
      box.appendChild(steps);
      sendButton(function () { answer(q, { value: draft !== null ? draft : parseFloat(r.value) }); });
    }
    body.appendChild(box);
  }

  function answerText(q, ids, value) {
    if (q.kind === "estimate") return value === null || value === undefined ? "" : withUnit(value, q.estimate.unit);
    if (q.kind === "ordering") {  // in the answer's order, numbered as the projector does: « 1. … ; 2. … »
      return ids.map(function (id) { return q.choices.filter(function (c) { return c.id === id; })[0]; }).filter(Boolean)
        .map(function (c, i) { return (i + 1) + "." + NB + c.text; }).join(listSep());
    }
    return q.choices.filter(function (c) { return ids.indexOf(c.id) >= 0; })
      .map(function (c) { return c.mark ? c.mark[0] + " — " + c.text : c.text; }).join(listSep());
  }

  function renderReveal(q, r, res) {
    var team = r.team, verdict, cls = "";
    if (q.kind === "scenario") {
      verdict = team ? t("team_chose", { answer: answerText(q, team.choices, team.value) }) : t("team_none");
    } else if (!team) {
      verdict = t("team_none");
    } else if (team.correct) { verdict = "✓ " + t("team_right"); cls = " right"; }
    else { verdict = "✗ " + t("team_wrong"); cls = " wrong"; }
    res.className = "result" + cls;
    res.appendChild(el("p", "verdict", verdict));
    if (q.kind === "estimate" && team && team.value !== null) res.appendChild(el("p", "", t("team_said", { answer: answerText(q, [], team.value) })));
    if (q.kind !== "scenario") {
      var right = q.kind === "estimate" ? answerText(q, [], r.answer) : answerText(q, r.right, null);
      var key = q.kind === "ordering" ? "right_order" : (q.kind !== "estimate" && r.right.length > 1 ? "right_were" : "right_was");
      if (right) res.appendChild(el("p", "", t(key, { answer: right })));
    }
    res.appendChild(el("p", "", t("look_screen")));
    res.hidden = false;
  }

  // -- the facilitator pad: the notes, the counts per team, the controls ----------------------
  function renderAdmin() {
    var q = state.q, f = state.fac || {};
    if (!q) { $("wait-text").textContent = t("waiting"); show("v-wait"); shownKey = null; return; }
    show("v-admin");
    var fresh = q.key !== shownKey;
    shownKey = q.key;
    if (fresh) $("a-status").textContent = "";
    var kindN = q.kind === "scenario" ? "situation_n" : "question_n";
    $("a-number").textContent = q.number && q.number[1] ? t(kindN, { n: q.number[0], total: q.number[1] }) : "";
    $("a-prompt").textContent = q.prompt;
    var ctl = $("a-controls");
    ctl.textContent = "";
    var pending = store.pending && store.pending.control && store.pending.q === q.key;
    (f.can || []).forEach(function (action) {
      var b = el("button", "big " + (action === "reveal" || action === "next" ? "primary" : "secondary"), t("do_" + action));
      b.type = "button"; b.id = "do-" + action;
      b.disabled = !!pending;
      b.addEventListener("click", function () { control(q, action); });
      ctl.appendChild(b);
    });
    var teams = $("a-teams");
    teams.textContent = "";
    (f.teams || []).forEach(function (c) {
      var tm = teamOf(c.index), li = el("li", "teamline");
      if (tm) li.appendChild(shape(tm.symbol, tm.color, 24));
      var txt = el("span", "", (tm ? tm.name : "?") + " — ");
      var bits = [];
      bits.push(c.members ? tn("answered_of", c.answered, { a: c.answered, m: c.members }) : t("no_pads"));
      if (c.keyed) bits.push(t("fac_keyed"));
      else if (c.entered) bits.push("✓ " + t("fac_entered"));
      else if (c.tie) bits.push("⚠ " + t("fac_tie"));
      else bits.push(t("fac_waiting"));
      txt.textContent += bits.join(" · ");
      li.appendChild(txt);
      teams.appendChild(li);
    });
    var list = $("a-choices");
    list.textContent = "";
    var spread = f.spread || {};
    if (q.kind === "estimate") {
      if (f.answer !== null && f.answer !== undefined) list.appendChild(el("li", "", t("fac_answer", { answer: answerText(q, [], f.answer) })));
    } else {
      var rows = q.kind === "ordering" && (f.right || []).length ? f.right.map(function (id) {
        return q.choices.filter(function (c) { return c.id === id; })[0]; }).filter(Boolean) : q.choices;
      rows.forEach(function (c, place) {
        var li = el("li", "choiceline");
        if (q.kind === "ordering") li.appendChild(el("span", "place", (place + 1) + "."));
        if (c.mark) {
          var m = el("span", "mark");
          m.appendChild(shape(c.mark[1], c.mark[2], 20));
          m.appendChild(el("span", "", c.mark[0]));
          li.appendChild(m);
        }
        var n = spread[c.id] || 0;
        var line = c.text + " — " + (q.kind === "ordering" ? tn("fac_first", n, { n: n }) : tn("fac_votes", n, { n: n }));
        if (q.kind !== "ordering" && (f.right || []).indexOf(c.id) >= 0) line += " · ★ " + t("fac_right");
        li.appendChild(el("span", "", line));
        list.appendChild(li);
      });
    }
    var notes = $("a-notes");
    notes.textContent = "";
    [["fac_notes", f.notes], ["fac_debate", f.debate], ["fac_next", f.next_prompt]].forEach(function (p) {
      if (!p[1]) return;
      notes.appendChild(el("h2", "", t(p[0])));
      notes.appendChild(el("p", "note", p[1]));
    });
    if (fresh) $("a-prompt").focus();
  }
  function control(q, action) {
    store.n += 1;
    store.pending = { q: q.key, n: store.n, control: action };
    save();
    sendPending();
    render();
  }

  // -- the connection ------------------------------------------------------------------------
  function answer(q, a) {
    store.n += 1;
    store.pending = { q: q.key, n: store.n };
    if (a.choices) store.pending.choices = a.choices; else store.pending.value = a.value;
    draft = null;
    save();
    sendPending();
    render();
  }
  function sendPending() {
    var p = store.pending;
    if (!p) return;
    var m = { t: "answer", q: p.q, n: p.n };
    if (p.control) m = { t: "control", "do": p.control, q: p.q, n: p.n, token: store.token };
    else if (p.choices) m.choices = p.choices; else m.value = p.value;
    send(m);
  }
  function send(m) { if (ws && ws.readyState === 1) ws.send(JSON.stringify(m)); }

  function connect() {
    if (!store.room) { show("v-join"); return; }
    clearTimeout(retryTimer);
    $("conn").textContent = retry ? t("lost") : "";
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws";
    var sock = new WebSocket(url);
    ws = sock;
    var refusedJoin = null;
    sock.onopen = function () {
      var j = { t: "join", room: store.room };
      if (store.token) j.token = store.token;
      if (store.admin) j.admin = store.admin;
      sock.send(JSON.stringify(j));
    };
    sock.onmessage = function (ev) {
      var m;
      try { m = JSON.parse(ev.data); } catch (e) { return; }
      if (m.t === "welcome") {
        retry = 0; $("conn").textContent = "";
        store.token = m.token; name = m.name;
        if (m.last_n > store.n) store.n = m.last_n;
        if (store.pending && store.pending.n <= m.last_n) store.pending = null; // already decided
        save();
        sendPending();
      } else if (m.t === "state") {
        if (m.lang && m.lang !== lang) { lang = m.lang; applyStrings(); }
        state = m;
        if (store.pending && m.q && store.pending.q !== m.q.key) { store.pending = null; save(); }
        render();
      } else if (m.t === "ack") {
        if (store.pending && store.pending.n === m.n) {
          var was = store.pending; store.pending = null; save();
          if (was.control) { render(); $("a-status").textContent = t("control_sent"); return; }
          if (state && state.q && state.q.key === was.q) {
            state.mine = { choices: was.choices || [], value: was.value === undefined ? null : was.value };
            render();
          }
        }
      } else if (m.t === "refused") {
        if (m.why === "room" || m.why === "full" || (m.why === "admin" && !store.token)) { refusedJoin = m.why; return; }
        if (m.why === "token") { store.token = null; save(); return; }
        if (store.pending && m.n === store.pending.n) {
          var ctl = store.pending.control;
          store.pending = null; save(); render();
          if (ctl) { $("a-status").textContent = t(m.why === "late" ? "control_late" : "refused"); return; }
          setStatus(m.why === "late" ? "closed" : (m.why === "rate" ? "rate" : "refused"));
        }
      }
    };
    sock.onclose = function () {
      if (ws !== sock) return;
      ws = null;
      if (refusedJoin) {
        store = fresh(null, null); save();
        state = null; name = null; retry = 0;
        $("conn").textContent = "";
        render();
        $("join-error").textContent = t({ full: "full", admin: "bad_admin" }[refusedJoin] || "bad_room");
        $("room").focus();
        return;
      }
      retry += 1;
      $("conn").textContent = t("lost");
      retryTimer = setTimeout(connect, Math.min(5000, 300 * Math.pow(2, Math.min(retry, 5))));
    };
  }

  function codes(text) {
    // « K7M2QX » or, for the facilitator, « K7M2QX-ABCD2345 » (also typed with spaces, or run together)
    var clean = String(text).toUpperCase().replace(/[^A-Z0-9]/g, "");
    if (!clean) return { room: null, admin: null };
    return { room: clean.slice(0, 6), admin: clean.length > 6 ? clean.slice(6) : null };
  }
  function start() {
    applyStrings();
    // the room code from the link (#K7M2QX, the facilitator's #K7M2QX-ABCD2345, or ?room=K7M2QX)
    var link = (location.hash || "").replace(/^#/, "") || new URLSearchParams(location.search).get("room") || "";
    var parts = codes(link);
    if (parts.room && (parts.room !== store.room || parts.admin !== store.admin)) { store = fresh(parts.room, parts.admin); save(); }
    if (location.hash || location.search) history.replaceState(null, "", location.pathname); // the code leaves the address bar
    $("join-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var typed = codes($("room").value);
      if (!typed.room || typed.room.length < 4) { $("join-error").textContent = t("bad_room"); return; }
      $("join-error").textContent = "";
      store = fresh(typed.room, typed.admin); save();
      connect();
    });
    render();
    if (store.room) { $("conn").textContent = t("connecting"); connect(); }
  }

  fetch("/strings.json").then(function (r) { return r.json(); })
    .then(function (c) { CAT = c; }, function () { CAT = null; })
    .then(start);
})();
