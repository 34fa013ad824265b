import type { ReactNode } from 'react';
import { useI18n } from './i18n.js';

export function Loading() {
  const { t } = useI18n();
  return <p role="status">{t.loading}</p>;
}

export function Failure({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <p role="alert" className="error">
      {t.error}: {error instanceof Error ? error.message : String(error)}
    </p>
  );
}

/** Renders a query's three states the same way everywhere. */
export function Async<T>({ q, children }: { q: { isPending: boolean; error: unknown; data: T | undefined }; children: (data: T) => ReactNode }) {
  if (q.isPending) return <Loading />;
  if (q.error) return <Failure error={q.error} />;
  return <>{children(q.data as T)}</>;
}
