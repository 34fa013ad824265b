import { useQuery } from '@tanstack/react-query';
import { session } from '../api/client.js';
import { useI18n } from '../i18n.js';
import { useDeployment } from '../queries.js';

/**
 * Panels contributed by the municipality's plugins. The API has no panel descriptor yet, so the app reads what
 * the API reports: each enabled plugin's own read routes on a course (GET /api/v1/plugins/{plugin}/courses/{courseId}/…
 * in the OpenAPI document, titled by their summary) and shows what they answer. No model is named in the app.
 */
export function PluginPanels({ courseId }: { courseId: string }) {
  const { t } = useI18n();
  const deployment = useDeployment();
  const doc = useQuery({ queryKey: ['openapi'], queryFn: async () => (await fetch('/api/openapi.json')).json() as Promise<{ paths: Record<string, Record<string, { summary?: string }>> }>, staleTime: Infinity });
  const enabled = new Set((deployment.data?.plugins ?? []).map((p) => p.id));
  const routes = Object.entries(doc.data?.paths ?? {})
    .map(([path, ops]) => ({ path, summary: ops['get']?.summary, m: /^\/api\/v1\/plugins\/([^/]+)\/courses\/\{courseId\}\/[^{}]+$/.exec(path) }))
    .filter((r) => r.m && r.summary && enabled.has(r.m[1]) && !r.path.endsWith('.html'));
  if (routes.length === 0) return null;
  return (
    <section aria-labelledby="plugin-h" className="card">
      <h2 id="plugin-h">{t.modelPanel}</h2>
      {routes.map((r) => (
        <PluginPanel key={r.path} title={r.summary!} url={r.path.replace('{courseId}', courseId)} />
      ))}
    </section>
  );
}

function PluginPanel({ title, url }: { title: string; url: string }) {
  const q = useQuery({
    queryKey: ['plugin-panel', url],
    queryFn: async () => {
      const r = await fetch(url, { headers: { Authorization: `Bearer ${session.token()}` } });
      return r.ok ? ((await r.json()) as unknown) : null;
    },
  });
  if (!q.data) return null;
  return (
    <div className="plugin-panel">
      <h3>{title}</h3>
      <Value v={q.data} />
    </div>
  );
}

function Value({ v }: { v: unknown }) {
  if (v === null || v === undefined) return <span>–</span>;
  if (Array.isArray(v)) {
    if (v.length === 0) return <span>–</span>;
    return (
      <ul>
        {v.slice(0, 20).map((x, i) => (
          <li key={i}>
            <Value v={x} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([k]) => !/id$/i.test(k) || k === 'id');
    return (
      <dl className="kv">
        {entries.map(([k, x]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              <Value v={x} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{String(v)}</span>;
}
