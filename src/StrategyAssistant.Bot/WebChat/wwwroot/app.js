// StrategyAssistant web chat: POST /api/ask and render the answer, the figures table and the sources.
// DOM is built with textContent only (no innerHTML), so document text can never inject markup.
"use strict";

(function () {
  const form = document.getElementById("ask-form");
  const input = document.getElementById("question");
  const button = document.getElementById("ask");
  const status = document.getElementById("status");
  const answers = document.getElementById("answers");
  const examples = document.getElementById("examples");
  let answerCount = 0;

  // One id per browser tab: follow-ups (「その実績は？」) complete from this tab's previous question.
  let session = sessionStorage.getItem("sa-session");
  if (!session) {
    session = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2)).replace(/[^A-Za-z0-9-]/g, "");
    sessionStorage.setItem("sa-session", session);
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // The source as a person names it, as the server writes it ("〇〇市 … 118行").
  function sourceName(c) {
    return c.source || (c.title + " " + (c.line === c.lineEnd ? c.line + "行" : c.line + "–" + c.lineEnd + "行"));
  }

  // One table per kind of figure, from the server's shaping; each cell carries its column name for the stacked phone layout.
  function renderTable(t) {
    const table = el("table", { class: "figures " + t.kind });
    table.append(el("caption", {}, t.title));
    table.append(el("thead", {}, el("tr", {}, ...t.header.map((h) => el("th", { scope: "col" }, h)))));
    const tbody = el("tbody");
    const row = (cells, cls) => {
      const tr = el("tr", cls ? { class: cls } : {});
      cells.forEach((c, i) => {
        const attrs = { "data-label": t.header[i] || "" };
        tr.append(i === 0 ? el("th", Object.assign({ scope: "row" }, attrs), c) : el("td", attrs, c || "—"));
      });
      return tr;
    };
    for (const cells of t.rows) tbody.append(row(cells));
    if (t.footer) tbody.append(row(t.footer, "total"));
    table.append(tbody);
    return table;
  }

  // Turns "…40人 [1]" into text and links to the source list item.
  function textWithMarkers(text, prefix) {
    const p = el("p", { class: "answer-text" });
    const re = /\[(\d+)\]/g;
    let last = 0;
    let m;
    while ((m = re.exec(text)) !== null) {
      p.append(document.createTextNode(text.slice(last, m.index)));
      const n = m[1];
      const a = el("a", { class: "cite", href: "#" + prefix + "-source-" + n, "data-source": n }, "[" + n + "]");
      a.addEventListener("click", (e) => { e.preventDefault(); openSource(prefix, n); });
      p.append(a);
      last = re.lastIndex;
    }
    p.append(document.createTextNode(text.slice(last)));
    return p;
  }

  function openSource(prefix, n) {
    const item = document.getElementById(prefix + "-source-" + n);
    if (!item) return;
    const quote = item.querySelector("blockquote");
    if (quote) quote.hidden = false;
    item.classList.add("highlight");
    item.scrollIntoView({ block: "nearest" });
  }

  function render(data) {
    answerCount += 1;
    const prefix = "a" + answerCount;
    const article = el("article", { class: "answer", id: prefix });
    article.append(el("h2", {}, data.typed || data.question));
    if (data.typed && data.typed !== data.question) article.append(el("p", { class: "resolved" }, "前の質問を受けて「" + data.question + "」として答えています。"));
    article.append(textWithMarkers(data.answer, prefix));

    for (const t of data.tables || []) {
      article.append(renderTable(t));
      if (t.citations && t.citations.length > 0) {
        article.append(el("p", { class: "table-sources" }, "出典 ", ...t.citations.map((n) => {
          const a = el("a", { class: "cite", href: "#" + prefix + "-source-" + n }, "[" + n + "]");
          a.addEventListener("click", (e) => { e.preventDefault(); openSource(prefix, String(n)); });
          return a;
        })));
      }
    }

    if ((data.notes || []).length > 0) {
      article.append(el("ul", { class: "notes" }, ...data.notes.map((n) => el("li", {}, n))));
    }

    const citations = data.citations || [];
    if (citations.length > 0) {
      article.append(el("h3", {}, "出典"));
      const list = el("ol", { class: "sources" });
      citations.forEach((c, i) => {
        const n = i + 1;
        const quote = el("blockquote", { class: "quote", id: prefix + "-quote-" + n }, c.quote);
        quote.hidden = true;
        const link = el("a", { class: "source-link", href: "#" + prefix + "-quote-" + n, "aria-controls": prefix + "-quote-" + n },
          "[" + n + "] " + sourceName(c));
        link.addEventListener("click", (e) => {
          e.preventDefault();
          quote.hidden = !quote.hidden;
          link.setAttribute("aria-expanded", String(!quote.hidden));
        });
        const open = c.viewer ? el("a", { class: "source-open", href: c.viewer, target: "_blank", rel: "noopener" }, "資料を開く") : null;
        list.append(el("li", { id: prefix + "-source-" + n }, link, " ", open, quote));
      });
      article.append(list);
    }

    article.append(el("p", { class: "mode" }, data.mode === "model" ? "AI が生成した回答です。" : "資料から自動で作成した回答です。"));
    answers.prepend(article);
  }

  async function ask(question) {
    button.disabled = true;
    status.className = "";
    status.textContent = "回答を作成しています…";
    try {
      const response = await fetch("api/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ question, session }),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        throw new Error(data.error || ("HTTP " + response.status));
      }
      render(data);
      status.textContent = "";
    } catch (err) {
      status.className = "error";
      status.textContent = "エラー: " + err.message;
    } finally {
      button.disabled = false;
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const question = input.value.trim();
    if (question) ask(question);
  });

  fetch("api/examples").then((r) => (r.ok ? r.json() : [])).then((list) => {
    for (const q of list) {
      const b = el("button", { type: "button" }, q);
      b.addEventListener("click", () => { input.value = q; ask(q); });
      examples.append(b);
    }
  }).catch(() => {});
})();
