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

  const KIND_WORDS = [
    ["基準値", 0], ["現状値", 0], ["基準", 0], ["現状", 0],
    ["目標値", 1], ["目標", 1],
    ["実績値", 2], ["実績", 2],
  ];
  const TRIM = /^[\s\u3000・:：/／\-－()（）［］\[\]、,]+|[\s\u3000・:：/／\-－()（）［］\[\]、,]+$/g;

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

  function classify(label) {
    if (!label) return { kind: 3, indicator: "" };
    for (const [word, kind] of KIND_WORDS) {
      const at = label.lastIndexOf(word);
      if (at >= 0) {
        return { kind, indicator: (label.slice(0, at) + " " + label.slice(at + word.length)).replace(TRIM, "").trim() };
      }
    }
    return { kind: 3, indicator: label.trim() };
  }

  function cell(f) {
    // Some values already carry their unit ("40人" with unit "人").
    let text = f.unit && !String(f.value).endsWith(f.unit) ? f.value + f.unit : String(f.value);
    if (f.year) text += "（" + f.year + "）";
    return text + " [" + f.citation + "]";
  }

  function pivot(figures) {
    const rows = new Map();
    for (const f of figures) {
      const { kind, indicator } = classify(f.label);
      const key = indicator || "（指標）";
      if (!rows.has(key)) rows.set(key, [[], [], [], []]);
      const text = kind === 3 && f.label && f.label.trim() !== key ? f.label + ": " + cell(f) : cell(f);
      const bucket = rows.get(key)[kind];
      if (!bucket.includes(text)) bucket.push(text);
    }
    return rows;
  }

  function lineRef(c) {
    return c.line === c.lineEnd ? c.file + " " + c.line + "行" : c.file + " " + c.line + "–" + c.lineEnd + "行";
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
    article.append(el("h2", {}, data.question));
    article.append(textWithMarkers(data.answer, prefix));

    const figures = data.figures || [];
    if (figures.length > 0) {
      const rows = pivot(figures);
      const hasOther = [...rows.values()].some((r) => r[3].length > 0);
      const head = ["指標", "基準値", "目標値", "実績値"].concat(hasOther ? ["その他"] : []);
      const table = el("table", { class: "figures" });
      table.append(el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col" }, h)))));
      const tbody = el("tbody");
      for (const [indicator, cells] of rows) {
        const tr = el("tr", {}, el("th", { scope: "row" }, indicator));
        for (let k = 0; k < (hasOther ? 4 : 3); k++) {
          tr.append(el("td", {}, cells[k].length > 0 ? cells[k].join("\n") : "—"));
        }
        tbody.append(tr);
      }
      table.append(tbody);
      article.append(table);
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
          "[" + n + "] " + c.title + "（" + c.city + "）");
        link.addEventListener("click", (e) => {
          e.preventDefault();
          quote.hidden = !quote.hidden;
          link.setAttribute("aria-expanded", String(!quote.hidden));
        });
        list.append(el("li", { id: prefix + "-source-" + n }, link, " ", el("span", { class: "source-meta" }, lineRef(c)), quote));
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
        body: JSON.stringify({ question }),
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
