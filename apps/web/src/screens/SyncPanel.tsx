import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../api/client.js';
import { formatDateTime, useI18n } from '../i18n.js';
import { Async, Failure } from '../ui.js';

const SHOWN_VERSIONS = 3;
type Target = Schemas['SyncTargetDto'];

/**
 * Where the plan has reached: per recent version and per sector system of the municipality, delivered, pending,
 * failed, or waiting for someone to type it in (a system without an interface). Typing it in is then recorded here,
 * so nobody has to ask around whether the children's system has the latest plan.
 */
export function SyncPanel({ courseId }: { courseId: string }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const key = ['sync', courseId];
  const ledger = useQuery({ queryKey: key, queryFn: () => ok(api.GET('/api/v1/courses/{courseId}/sync', { params: { path: { courseId } } })) });
  const [entry, setEntry] = useState('');
  const [reference, setReference] = useState('');
  const record = useMutation({
    mutationFn: ({ version, target }: { version: number; target: string }) =>
      ok(api.PUT('/api/v1/courses/{courseId}/sync/plan-versions/{version}/targets/{target}/manual-entry', { params: { path: { courseId, version, target } }, body: { reference: reference.trim() } })),
    onSuccess: () => {
      setEntry('');
      setReference('');
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const retry = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/courses/{courseId}/sync/retry', { params: { path: { courseId } } })),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
  const stateText = (x: Target) =>
    x.state === 'delivered' ? `${x.manual ? t.syncTypedIn : t.syncStates.delivered}${x.targetReference ? ` · ${x.targetReference}` : ''}` : (t.syncStates[x.state] ?? x.state);

  return (
    <section aria-labelledby="sync-h" className="card wide">
      <h2 id="sync-h">{t.syncTitle}</h2>
      <Async q={ledger}>
        {(l) => {
          const versions = l.planVersions.slice(0, SHOWN_VERSIONS);
          const targets = [...new Map(versions.flatMap((v) => v.targets).map((x) => [x.target, x.label])).entries()];
          if (!targets.length) return <p className="muted">{t.syncNone}</p>;
          const open = versions.flatMap((v) => v.targets.filter((x) => x.state === 'needs-manual-entry').map((x) => ({ version: v.version, target: x.target, label: x.label })));
          const chosen = open.find((o) => `${o.version}/${o.target}` === entry) ?? open[0];
          const unsent = versions.some((v) => v.targets.some((x) => x.state === 'pending' || x.state === 'failed'));
          return (
            <>
              <table data-testid="sync">
                <caption className="muted">{t.syncExplain}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.version}</th>
                    {targets.map(([id, label]) => (
                      <th key={id} scope="col">
                        {label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {versions.map((v) => (
                    <tr key={v.version}>
                      <th scope="row">
                        {v.version} <span className="muted">({formatDateTime(v.publishedAt, lang)})</span>
                      </th>
                      {targets.map(([id]) => {
                        const x = v.targets.find((y) => y.target === id);
                        return (
                          <td key={id} className={x ? `sync-${x.state}` : undefined}>
                            {x ? stateText(x) : '–'}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
              {unsent && (
                <p className="actions">
                  <button type="button" onClick={() => retry.mutate()} disabled={retry.isPending}>
                    {t.syncRetry}
                  </button>
                </p>
              )}
              {retry.error && <Failure error={retry.error} />}
              {chosen && (
                <form
                  className="form inline"
                  aria-label={t.syncRecord}
                  onSubmit={(e) => {
                    e.preventDefault();
                    record.mutate({ version: chosen.version, target: chosen.target });
                  }}
                >
                  <label>
                    {t.syncWhat}
                    <select value={`${chosen.version}/${chosen.target}`} onChange={(e) => setEntry(e.target.value)}>
                      {open.map((o) => (
                        <option key={`${o.version}/${o.target}`} value={`${o.version}/${o.target}`}>
                          {o.label}: {t.version} {o.version}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t.syncReference}
                    <input required maxLength={300} value={reference} onChange={(e) => setReference(e.target.value)} />
                  </label>
                  <button type="submit" disabled={record.isPending}>
                    {t.syncRecord}
                  </button>
                  {record.error && <Failure error={record.error} />}
                </form>
              )}
            </>
          );
        }}
      </Async>
    </section>
  );
}
