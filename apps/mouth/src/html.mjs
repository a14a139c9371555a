// HTML for the pages; everything that came from a user or the backend goes through escapeHtml.

const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (char) => entities[char]);
}

function page(title, body) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="/style.css" />
  </head>
  <body>
    <main>
      <h1><a href="/">Nuzantara</a></h1>
${body}
    </main>
  </body>
</html>
`;
}

function form(query) {
  return `      <form action="/ask" method="get">
        <input type="search" name="q" value="${escapeHtml(query)}" maxlength="500" required
          aria-label="Question" placeholder="Ask about visas, companies or tax" />
        <button type="submit">Ask</button>
      </form>`;
}

/** The answer page: the backend's documents, or why there are none. */
export function answerPage(query, outcome) {
  const parts = [form(query)];
  if (outcome.ok) {
    const { answer, latencyMs } = outcome;
    parts.push(
      `      <p class="meta">${answer.results.length} document(s) from ${escapeHtml(answer.source)}` +
        ` (cache: ${escapeHtml(answer.cache)}) in ${Math.round(latencyMs)} ms</p>`,
    );
    if (answer.results.length === 0) parts.push('      <p>No document matches that question.</p>');
    else {
      const items = answer.results.map(
        (doc) =>
          `        <li>\n          <h2>${escapeHtml(doc.title)}</h2>\n          <p>${escapeHtml(doc.body)}</p>\n        </li>`,
      );
      parts.push(`      <ol class="results">\n${items.join('\n')}\n      </ol>`);
    }
  } else {
    parts.push(`      <p class="error">${escapeHtml(outcome.message)}</p>`);
  }
  return page(`Nuzantara: ${query}`, parts.join('\n'));
}
