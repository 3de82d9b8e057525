/* The web chat (bot/channels/web.py). One POST per message; nothing kept but a random
   conversation id in sessionStorage; the person's words are only ever set as text, never HTML. */
(function () {
  "use strict";
  var body = document.body;
  var base = location.pathname.replace(/[^/]*$/, "");
  var KEY = "conversation";
  var staff = body.dataset.staff === "1" || new URLSearchParams(location.search).get("staff") === "1";
  var officialHosts = (body.dataset.officialHosts || "").split(/\s+/).filter(Boolean);
  var URL_RE = /https:\/\/[^\s"'<>,;)]+[^\s"'<>,;).!?]/g;
  var texts = {};
  var busy = false;
  var log = document.getElementById("log");
  var form = document.getElementById("form");
  var input = document.getElementById("input");
  var status = document.getElementById("exit-status");
  var exitLink = document.getElementById("exit");

  function post(path, payload, keepalive) {
    return fetch(base + path, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload),
      cache: "no-store", credentials: "omit", keepalive: !!keepalive
    }).then(function (r) { return r.json(); });
  }

  function conversationId(create) {
    var id = sessionStorage.getItem(KEY);
    if (!id && create) {
      var bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      sessionStorage.setItem(KEY, id);
    }
    return id;
  }

  function applyTexts(lang, data) {
    texts = data;
    document.documentElement.lang = lang;
    document.title = texts.title;
    document.querySelectorAll("[data-text]").forEach(function (el) {
      if (texts[el.dataset.text]) { el.textContent = texts[el.dataset.text]; }
    });
    document.querySelectorAll("[data-placeholder]").forEach(function (el) {
      el.placeholder = texts[el.dataset.placeholder] || el.placeholder;
    });
    document.querySelectorAll("a.lang").forEach(function (a) {
      if (a.dataset.lang === lang) { a.setAttribute("aria-current", "true"); } else { a.removeAttribute("aria-current"); }
    });
  }

  function loadTexts(lang) {
    return fetch(base + "texts?lang=" + encodeURIComponent(lang), { cache: "no-store", credentials: "omit" })
      .then(function (r) { return r.json(); })
      .then(function (data) { applyTexts(data.language, data.texts); });
  }

  function followLanguage(lang) {
    if (!lang || lang === document.documentElement.lang) { return Promise.resolve(); }
    return loadTexts(lang).catch(function () {});
  }

  /* A paragraph of the assistant's text: line breaks kept (CSS), links only to official pages. */
  function paragraph(text) {
    var p = document.createElement("p");
    var at = 0;
    text.replace(URL_RE, function (url, index) {
      p.appendChild(document.createTextNode(text.slice(at, index)));
      var host = "";
      try { host = new URL(url).hostname; } catch (e) { host = ""; }
      if (officialHosts.indexOf(host) >= 0) {
        var a = document.createElement("a");
        a.href = url;
        a.textContent = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        p.appendChild(a);
      } else {
        p.appendChild(document.createTextNode(url));
      }
      at = index + url.length;
      return url;
    });
    p.appendChild(document.createTextNode(text.slice(at)));
    return p;
  }

  function addMessage(kind, text, linkify) {
    var div = document.createElement("div");
    div.className = "msg " + kind;
    var who = document.createElement("p");
    who.className = "who";
    who.textContent = kind === "user" ? texts.you : kind === "staff-note" ? texts.staff_note : texts.assistant;
    div.appendChild(who);
    /* The assistant's answers separate paragraphs with a line break; the person's own line breaks
       stay line breaks inside one paragraph (CSS white-space: pre-line). */
    String(text || "").split(linkify ? /\n+/ : /\n\s*\n/).forEach(function (part) {
      if (!part.trim()) { return; }
      if (linkify) { div.appendChild(paragraph(part)); } else {
        var p = document.createElement("p");
        p.textContent = part;
        div.appendChild(p);
      }
    });
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function removeChoices() {
    log.querySelectorAll(".choices").forEach(function (c) { c.remove(); });
  }

  function render(message) {
    if (message.staff_note) {
      if (staff) { addMessage("staff-note", message.staff_note, false); }
      return;
    }
    var div = addMessage("bot", message.text, true);
    var buttons = message.buttons || [];
    if (buttons.length) {
      var group = document.createElement("div");
      group.className = "choices";
      buttons.forEach(function (b) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = b.title;
        button.addEventListener("click", function () { send(b.payload || b.title, b.title); });
        group.appendChild(button);
      });
      div.appendChild(group);
    }
  }

  function send(message, shown) {
    if (busy || !message.trim()) { return false; }
    busy = true;
    removeChoices();
    if (shown) { addMessage("user", shown, false); }
    post("message", { conversation: conversationId(true), message: message, staff: staff })
      .then(function (data) {
        return followLanguage(data.language).then(function () {
          var first = log.children.length;
          (data.messages || []).forEach(render);
          /* Long answers are read from their start: show the first new message at the top. */
          if (log.children[first]) { log.scrollTop = log.children[first].offsetTop - 8; }
        });
      })
      .catch(function () { addMessage("bot", texts.error, false); })
      .then(function () { busy = false; input.focus(); });
    return true;
  }

  function clearPage() {
    log.textContent = "";
    input.value = "";
    sessionStorage.clear();
  }

  /* Erase on the server (the same as /forget), then forget everything here. */
  function erase(id, keepalive) {
    if (!id) { return Promise.resolve(null); }
    return post("forget", { conversation: id }, keepalive).catch(function () { return null; });
  }

  function leave(event) {
    if (event) { event.preventDefault(); }
    body.classList.add("leaving");
    status.textContent = texts.exit_status_0 || "";
    var id = conversationId(false);
    clearPage();
    var go = function () { location.replace(body.dataset.exitUrl); };
    Promise.race([erase(id, true), new Promise(function (r) { setTimeout(r, 1500); })]).then(go, go);
  }

  function endAndClear() {
    var id = conversationId(false);
    clearPage();
    erase(id, false).then(function (data) {
      var said = data && data.messages && data.messages[0] && data.messages[0].text;
      addMessage("bot", said || texts.cleared, false);
      input.focus();
    });
  }

  /* Shift pressed 3 times on its own, each within 5 s of the last; any other key starts again. */
  var presses = 0, lastPress = 0, shiftAlone = false, quiet = null;
  document.addEventListener("keydown", function (e) {
    if (e.key === "Shift") { if (!e.repeat) { shiftAlone = true; } return; }
    shiftAlone = false;
    presses = 0;
  }, true);
  document.addEventListener("keyup", function (e) {
    if (e.key !== "Shift" || !shiftAlone) { return; }
    shiftAlone = false;
    var now = Date.now();
    if (now - lastPress > 5000) { presses = 0; }
    lastPress = now;
    presses += 1;
    clearTimeout(quiet);
    if (presses >= 3) { presses = 0; leave(); return; }
    status.textContent = texts["exit_status_" + (3 - presses)] || "";
    quiet = setTimeout(function () { status.textContent = ""; presses = 0; }, 5000);
  }, true);

  exitLink.addEventListener("click", leave);
  document.getElementById("end").addEventListener("click", endAndClear);
  document.querySelectorAll("a.lang").forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      var lang = a.dataset.lang;
      loadTexts(lang).then(function () {
        send("/change_language" + JSON.stringify({ language: lang }), null);
      });
    });
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value;
    if (send(text, text)) { input.value = ""; }
    input.focus();
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  /* Coming back with the browser's Back button (page cache): show an empty page. */
  window.addEventListener("pageshow", function (e) {
    if (e.persisted) { clearPage(); body.classList.remove("leaving"); }
  });

  loadTexts(document.documentElement.lang).catch(function () {});
  document.getElementById("chat").hidden = false;
})();
