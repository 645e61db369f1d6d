import type { OpenApiDocument } from './openapi.js';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c] ?? c);

type Json = Record<string, unknown>;
const asJson = (value: unknown): Json =>
  value && typeof value === 'object' ? (value as Json) : {};
const text = (value: unknown) => escapeHtml(typeof value === 'string' ? value : '');

function schemaName(media: unknown): string {
  const ref = asJson(asJson(Object.values(asJson(media))[0]).schema).$ref;
  return typeof ref === 'string' ? ref.replace('#/components/schemas/', '') : 'text';
}

function operationHtml(path: string, method: string, operation: Json): string {
  const parameters = (operation.parameters as Json[] | undefined) ?? [];
  const rows = parameters
    .map(
      (p) =>
        `<tr><td><code>${text(p.name)}</code></td><td>${text(p.in)}</td><td>${p.required ? 'yes' : ''}</td><td>${text(p.description)}</td></tr>`,
    )
    .join('');
  const responses = Object.entries(asJson(operation.responses))
    .map(([status, r]) => {
      const response = asJson(r);
      return `<li><b>${escapeHtml(status)}</b> <code>${escapeHtml(schemaName(response.content))}</code> — ${text(response.description)}</li>`;
    })
    .join('');
  return `<section id="${text(operation.operationId)}">
<h3><code>${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</code> — ${text(operation.summary)}</h3>
<p>${text(operation.description)}</p>
${rows ? `<table><tr><th>Parameter</th><th>In</th><th>Required</th><th></th></tr>${rows}</table>` : ''}
<ul>${responses}</ul>
</section>`;
}

/** The API reference as one self-contained HTML page (no scripts, no CDN), rendered from the document. */
export function renderDocsPage(document: OpenApiDocument): string {
  const info = asJson(document.info);
  const operations = Object.entries(document.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => operationHtml(path, method, asJson(op))),
    )
    .join('\n');
  const schemas = Object.entries(document.components.schemas)
    .map(
      ([name, schema]) =>
        `<h3 id="schema-${escapeHtml(name)}">${escapeHtml(name)}</h3><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${text(info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
code,pre{font-family:ui-monospace,monospace}pre{background:#f4f4f4;padding:.75rem;overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left}
section{border-top:1px solid #ddd;margin-top:1.5rem}</style></head>
<body><h1>${text(info.title)} (v${text(info.version)})</h1>
<p>${text(info.description)}</p>
<p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI 3.1). Authenticate with <code>Authorization: Bearer &lt;key&gt;</code>.</p>
<h2>Operations</h2>
${operations}
<h2>Schemas</h2>
${schemas}
</body></html>`;
}
